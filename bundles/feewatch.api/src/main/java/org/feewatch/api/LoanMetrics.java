package org.feewatch.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of the {@code --detail} CSV: the 1-year LPR on the contract date (null when unknown),
 * the contract rate, the all-in APR (nominal, percent), its effective annual form, the bank-only
 * APR, and the codes of the loan-subject rules the loan broke. APRs are NaN-free: null when the
 * loan's flows have no solution.
 */
public record LoanMetrics(String loanId, BigDecimal lpr1y, BigDecimal nominalRate, Double apr, Double aprEffective,
        Double aprBankOnly, List<String> rules) {
    public LoanMetrics {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
