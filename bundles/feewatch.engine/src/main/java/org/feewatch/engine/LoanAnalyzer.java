package org.feewatch.engine;

import org.feewatch.api.Loan;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.LoanFacts;

/**
 * Computes a loan's facts once (LPR on the contract date, all-in, effective and bank-only APRs)
 * so that every rule reads the same figures. Thread-safe.
 */
@FunctionalInterface
public interface LoanAnalyzer {

    LoanFacts analyze(Loan loan, AuditContext context);
}
