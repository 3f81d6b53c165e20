package org.feewatch.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One loan of the report's APR sample, for the HTML chart of loan APRs against LPR and the policy
 * line: the contract date, the 1-year LPR in force then (null when unknown), the all-in APR in
 * percent (never NaN: loans without a solvable APR are not sampled) and whether the borrower is
 * small or micro (the policy line applies to those).
 */
public record AprPoint(String loanId, LocalDate contractDate, BigDecimal lpr1y, double apr, boolean smallOrMicro) {
}
