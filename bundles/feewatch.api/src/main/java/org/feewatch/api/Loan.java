package org.feewatch.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One accepted loan of the book. {@code file} and {@code line} say where it was read (physical
 * line, counting from 1) so that every finding can point at it.
 */
public record Loan(String id, Borrower borrower, String product, String channel, BigDecimal principal,
        LocalDate contractDate, LocalDate maturityDate, RateTerms rate, Repayment repayment, boolean onLending,
        BigDecimal compensatingDeposit, List<BundledProduct> bundled, List<LoanFee> fees, String file, long line) {
    public Loan {
        bundled = bundled == null ? List.of() : List.copyOf(bundled);
        fees = fees == null ? List.of() : List.copyOf(fees);
        compensatingDeposit = compensatingDeposit == null ? BigDecimal.ZERO : compensatingDeposit;
    }

    /** True when the borrower is small or micro (CASE-FORMAT.md). */
    public boolean smallOrMicro() {
        return borrower != null && borrower.type() != null && borrower.type().isSmallOrMicro();
    }
}
