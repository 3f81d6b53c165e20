package org.feewatch.engine.cashflow;

import static org.feewatch.engine.cashflow.TestLoans.BANK;
import static org.feewatch.engine.cashflow.TestLoans.fee;
import static org.feewatch.engine.cashflow.TestLoans.loan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.feewatch.api.BundledProduct;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Repayment;
import org.feewatch.api.spi.LoanFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CashFlowLoanAnalyzerTest {

    private static LoanFacts analyze(org.feewatch.api.Loan loan) {
        return CashFlowLoanAnalyzer.analyze(loan, null, BANK, 0.20, null);
    }

    @ParameterizedTest
    @EnumSource(value = Repayment.class, names = "BULLET", mode = EnumSource.Mode.EXCLUDE)
    void noFeeLoanHasItsNominalRateEverywhere(Repayment kind) {
        LoanFacts f = analyze(loan("300000.00", "4.50", "2023-03-15", "2025-03-15", kind, "0", List.of()));
        assertEquals(4.5, f.aprAllIn(), 1e-9);
        assertEquals(4.5, f.aprBankOnly(), 1e-9);
        assertEquals(4.5, f.aprAllInWithoutDeposit(), 1e-9);
        assertEquals((Math.pow(1 + 0.045 / 12, 12) - 1) * 100, f.aprAllInEffective(), 1e-9);
        assertNull(f.aprProblem());
    }

    @Test
    void partnerFeesAndMandatoryPremiumsCountAllInOnly() {
        LoanFacts f = analyze(loan("100000", "4.00", "2023-01-10", "2024-01-10", Repayment.EQUAL_INSTALLMENT, "0",
                List.of(new BundledProduct("insurance", "意外险", new java.math.BigDecimal("600"), true)),
                fee("P01", "1000", FeeTiming.UPFRONT), fee(BANK, "500", FeeTiming.UPFRONT)));
        LoanFacts bankOnly = analyze(loan("100000", "4.00", "2023-01-10", "2024-01-10", Repayment.EQUAL_INSTALLMENT,
                "0", List.of(), fee(BANK, "500", FeeTiming.UPFRONT)));
        LoanFacts everything = analyze(loan("100000", "4.00", "2023-01-10", "2024-01-10",
                Repayment.EQUAL_INSTALLMENT, "0", List.of(), fee(BANK, "2100", FeeTiming.UPFRONT)));
        assertEquals(bankOnly.aprAllIn(), f.aprBankOnly(), 1e-12);
        assertEquals(everything.aprAllIn(), f.aprAllIn(), 1e-12);
        assertTrue(f.aprAllIn() > f.aprBankOnly());
    }

    @Test
    void voluntaryProductsAreNotLoanFlows() {
        LoanFacts f = analyze(loan("100000", "4.00", "2023-01-10", "2024-01-10", Repayment.EQUAL_PRINCIPAL, "0",
                List.of(new BundledProduct("insurance", "意外险", new java.math.BigDecimal("5000"), false))));
        assertEquals(4.0, f.aprAllIn(), 1e-9);
    }

    @Test
    void depositRaisesBothAprsAndIsLeftOutOfTheWithoutFigure() {
        LoanFacts f = analyze(loan("1000000", "3.45", "2023-01-10", "2024-01-10", Repayment.BULLET, "200000",
                List.of(), fee("P01", "10000", FeeTiming.UPFRONT)));
        LoanFacts noDeposit = analyze(loan("1000000", "3.45", "2023-01-10", "2024-01-10", Repayment.BULLET, "0",
                List.of(), fee("P01", "10000", FeeTiming.UPFRONT)));
        assertEquals(noDeposit.aprAllIn(), f.aprAllInWithoutDeposit(), 1e-12);
        assertTrue(f.aprAllIn() > f.aprAllInWithoutDeposit());
        // bank-only: the deposit but not the partner's fee; one year bullet: EAR = (i − d·id)/(1 − d)
        double r = Math.pow(1 + (3.45 - 0.2 * 0.20) / 0.8 / 100, 1.0 / 12) - 1;
        assertEquals(1200 * r, f.aprBankOnly(), 1e-9);
    }

    @Test
    void zeroRateLoanWithoutFeesHasZeroApr() {
        LoanFacts f = analyze(loan("120000", "0", "2023-01-10", "2024-01-10", Repayment.EQUAL_INSTALLMENT, "0",
                List.of()));
        assertEquals(0.0, f.aprAllIn(), 1e-12);
        assertNull(f.aprProblem());
    }

    @Test
    void oneMonthLoanSolves() {
        LoanFacts f = analyze(loan("100000", "6.00", "2023-01-31", "2023-02-28", Repayment.BULLET, "0", List.of()));
        assertEquals(6.0, f.aprAllIn(), 1e-9);
    }

    @Test
    void feesTakingTheWholePrincipalGiveAReasonNotANumber() {
        LoanFacts f = analyze(loan("1000", "4.00", "2023-01-10", "2024-01-10", Repayment.BULLET, "0", List.of(),
                fee("P01", "1000", FeeTiming.UPFRONT)));
        assertTrue(Double.isNaN(f.aprAllIn()));
        assertTrue(Double.isNaN(f.aprAllInEffective()));
        assertTrue(f.aprProblem().contains("receives nothing"), f.aprProblem());
        // the bank-only flows (no partner fee) still solve: a one-year bullet at 4 %
        assertEquals(1200 * (Math.pow(1.04, 1 / 12.0) - 1), f.aprBankOnly(), 1e-9);
    }

    @Test
    void extremeLoansGiveAFiniteAprOrAReasonNeverInfinity() {
        List<org.feewatch.api.Loan> extremes = List.of(
                // nets one yuan and repays a million a year later
                loan("1000000", "4.00", "2023-01-10", "2024-01-10", Repayment.BULLET, "0", List.of(),
                        fee("P01", "999999", FeeTiming.UPFRONT)),
                // nets a fen and repays 10^24 a month later
                loan("1000000000000000000000000", "4.00", "2023-01-10", "2023-02-10", Repayment.BULLET, "0", List.of(),
                        fee("P01", "999999999999999999999999.99", FeeTiming.UPFRONT)),
                // a deposit larger than the principal
                loan("100000", "4.00", "2023-01-10", "2025-01-10", Repayment.EQUAL_PRINCIPAL, "500000", List.of()),
                // zero rate, deposit earning interest: the borrower gains
                loan("100000", "0", "2023-01-10", "2025-01-10", Repayment.INTEREST_MONTHLY, "50000", List.of()),
                // monthly fees larger than the installments
                loan("10000", "36.00", "2023-01-10", "2033-01-10", Repayment.EQUAL_INSTALLMENT, "0", List.of(),
                        fee(BANK, "5000", FeeTiming.MONTHLY)));
        for (org.feewatch.api.Loan loan : extremes) {
            LoanFacts f = analyze(loan);
            for (double apr : new double[] { f.aprAllIn(), f.aprAllInEffective(), f.aprBankOnly(),
                    f.aprAllInWithoutDeposit() }) {
                assertFalse(Double.isInfinite(apr), () -> loan + " gave infinity");
                if (Double.isNaN(apr)) {
                    assertTrue(f.aprProblem() != null && !f.aprProblem().isBlank(), () -> loan + " NaN without reason");
                }
            }
        }
        // a million for one yuan after a year: (1 + r)^12 = 1,040,000, r = 217 % a month
        assertEquals(1200 * (Math.pow(1_040_000, 1 / 12.0) - 1), analyze(extremes.get(0)).aprAllIn(), 1e-6);
    }

    @Test
    void veryLongTermsStayFinite() {
        LoanFacts f = analyze(loan("1000000", "12.00", "2023-01-10", "2223-01-10", Repayment.EQUAL_INSTALLMENT, "0",
                List.of()));
        assertEquals(12.0, f.aprAllIn(), 1e-6);
    }

    @Test
    void termShorterThanAMonthIsReported() {
        LoanFacts f = analyze(loan("1000", "4.00", "2023-01-10", "2023-02-05", Repayment.BULLET, "0", List.of()));
        assertTrue(Double.isNaN(f.aprAllIn()));
        assertTrue(f.aprProblem().contains("shorter than one whole month"), f.aprProblem());
    }

    @Test
    void longLoansGrowTheWorkArrays() {
        LoanFacts f = analyze(loan("1000000", "4.20", "2023-01-10", "2053-01-10", Repayment.EQUAL_INSTALLMENT,
                "0", List.of(), fee(BANK, "100", FeeTiming.MONTHLY)));
        assertTrue(f.aprAllIn() > 4.2 && f.aprAllIn() < 4.4, "apr " + f.aprAllIn());
        LoanFacts shortAfter = analyze(loan("100000", "4.00", "2023-01-10", "2024-01-10", Repayment.BULLET, "0",
                List.of()));
        assertEquals(1200 * (Math.pow(1.04, 1 / 12.0) - 1), shortAfter.aprAllIn(), 1e-9);
    }

    @Test
    void productAprFromPublishedTerms() {
        AprResult r = ProductApr.of(new java.math.BigDecimal("100000"), java.math.BigDecimal.ZERO, 12,
                Repayment.EQUAL_INSTALLMENT, List.of(new TermFee("手续费", new java.math.BigDecimal("500"),
                        FeeTiming.MONTHLY), new TermFee("服务费", new java.math.BigDecimal("1000"), FeeTiming.UPFRONT)));
        assertTrue(r.solved());
        // the PBoC example, with the installment not rounded to 8,833.3
        assertEquals(12.80, r.nominal(), 0.01);
        assertEquals(13.58, r.effective(), 0.01);
        AprResult none = ProductApr.of(new java.math.BigDecimal("100000"), java.math.BigDecimal.ONE, 0,
                Repayment.BULLET, List.of());
        assertFalse(none.solved());
        assertTrue(Double.isNaN(none.nominal()));
    }
}
