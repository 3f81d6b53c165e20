package org.feewatch.engine.cashflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.BundledProduct;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;

/** Loans for tests: a small builder (the loans.jsonl reader is {@code org.feewatch.engine.testing.JsonlLoans}). */
final class TestLoans {

    static final String BANK = "BANK-A";

    private TestLoans() {
    }

    static Loan loan(String principal, String nominal, String contract, String maturity, Repayment repayment,
            String deposit, List<BundledProduct> bundled, LoanFee... fees) {
        return new Loan("L1", new Borrower("B1", BorrowerType.MICRO, null), "p", null, new BigDecimal(principal),
                LocalDate.parse(contract), LocalDate.parse(maturity),
                new RateTerms(RateType.FIXED, null, null, new BigDecimal(nominal), null), repayment, false,
                new BigDecimal(deposit), bundled, List.of(fees), "loans.jsonl", 1);
    }

    static LoanFee fee(String payee, String amount, FeeTiming when) {
        return new LoanFee(payee, "fee", new BigDecimal(amount), when);
    }
}
