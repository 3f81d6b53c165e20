package org.feewatch.api;

import java.time.LocalDate;

/** A loan's borrower; {@code established} may be null. */
public record Borrower(String id, BorrowerType type, LocalDate established) {
}
