package org.feewatch.engine.cashflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.poi.ss.formula.functions.Irr;
import org.feewatch.api.BundledProduct;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.Repayment;
import org.feewatch.api.spi.LoanFacts;
import org.junit.jupiter.api.Test;

/**
 * The engine's APRs against Apache POI's spreadsheet IRR on thousands of generated loans. The flows
 * for POI are written out independently here, month by month, from the RULES.md text.
 */
class IndependentIrrCrossCheckTest {

    private static final String BANK = TestLoans.BANK;
    private static final FeeTiming[] TIMINGS = FeeTiming.values();
    private static final Repayment[] KINDS = Repayment.values();

    @Test
    void engineAgreesWithApachePoiOnGeneratedLoans() {
        SplittableRandom rnd = new SplittableRandom(20231231);
        int compared = 0;
        for (int k = 0; k < 5000; k++) {
            Loan loan = generate(rnd, k);
            LoanFacts facts = CashFlowLoanAnalyzer.analyze(loan, null, BANK, 0.20, null);
            double[] all = independentFlows(loan, true, true);
            double[] bank = independentFlows(loan, false, true);
            double[] noDeposit = independentFlows(loan, true, false);
            double poiAll = 1200 * Irr.irr(all, loan.rate().nominal().doubleValue() / 1200);
            assertFalse(Double.isNaN(facts.aprAllIn()), loan::toString);
            assertEquals(poiAll, facts.aprAllIn(), 1e-6, () -> "all-in " + loan);
            assertEquals(1200 * Irr.irr(bank, 0.003), facts.aprBankOnly(), 1e-6, () -> "bank-only " + loan);
            assertEquals(1200 * Irr.irr(noDeposit, 0.003), facts.aprAllInWithoutDeposit(), 1e-6,
                    () -> "without deposit " + loan);
            compared++;
        }
        assertEquals(5000, compared);
    }

    private static Loan generate(SplittableRandom rnd, int k) {
        LocalDate contract = LocalDate.of(2022, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)); // the end-of-month rule is tested apart
        int months = new int[] { 1, 3, 6, 12, 12, 24, 36, 60 }[rnd.nextInt(8)];
        LocalDate maturity = contract.plusMonths(months);
        BigDecimal principal = BigDecimal.valueOf(rnd.nextInt(10_000, 5_000_000)).movePointLeft(0);
        BigDecimal nominal = BigDecimal.valueOf(rnd.nextInt(0, 2400), 2);
        List<LoanFee> fees = new ArrayList<>();
        int nFees = rnd.nextInt(4);
        for (int i = 0; i < nFees; i++) {
            double share = rnd.nextDouble() * 0.03;
            FeeTiming when = TIMINGS[rnd.nextInt(TIMINGS.length)];
            if (when == FeeTiming.MONTHLY) {
                share /= 12;
            }
            fees.add(new LoanFee(rnd.nextBoolean() ? BANK : "P0" + rnd.nextInt(1, 4), "fee" + i,
                    principal.multiply(BigDecimal.valueOf(share)).setScale(2, java.math.RoundingMode.HALF_UP), when));
        }
        List<BundledProduct> bundled = new ArrayList<>();
        if (rnd.nextInt(5) == 0) {
            bundled.add(new BundledProduct("insurance", "险", BigDecimal.valueOf(rnd.nextInt(100, 5000)),
                    rnd.nextBoolean()));
        }
        BigDecimal deposit = rnd.nextInt(6) == 0
                ? principal.multiply(BigDecimal.valueOf(rnd.nextInt(5, 30), 2)) : BigDecimal.ZERO;
        return new Loan("G" + k, null, "p", null, principal, contract, maturity,
                new org.feewatch.api.RateTerms(org.feewatch.api.RateType.FIXED, null, null, nominal, null),
                KINDS[rnd.nextInt(KINDS.length)], false, deposit, bundled, fees, "gen", k + 1);
    }

    /** Borrower-side monthly flows written out directly from RULES.md. */
    private static double[] independentFlows(Loan loan, boolean allIn, boolean withDeposit) {
        int n = (int) java.time.temporal.ChronoUnit.MONTHS.between(loan.contractDate(), loan.maturityDate());
        double p = loan.principal().doubleValue();
        double y = loan.rate().nominal().doubleValue() / 100;
        double i = y / 12;
        double[] cf = new double[n + 1];
        cf[0] = p;
        double outstanding = p;
        for (int m = 1; m <= n; m++) {
            double interest;
            double principalPart;
            switch (loan.repayment()) {
                case EQUAL_INSTALLMENT -> {
                    double a = i == 0 ? p / n : p * i / (1 - Math.pow(1 + i, -n));
                    interest = outstanding * i;
                    principalPart = a - interest;
                }
                case EQUAL_PRINCIPAL -> {
                    interest = outstanding * i;
                    principalPart = p / n;
                }
                case INTEREST_MONTHLY -> {
                    interest = p * i;
                    principalPart = m == n ? p : 0;
                }
                default -> {
                    interest = m == n ? p * y * n / 12 : 0;
                    principalPart = m == n ? p : 0;
                }
            }
            outstanding -= principalPart;
            cf[m] = -(interest + principalPart);
        }
        for (LoanFee fee : loan.fees()) {
            if (!allIn && !BANK.equals(fee.payee())) {
                continue;
            }
            double a = fee.amount().doubleValue();
            for (int m = 0; m <= n; m++) {
                boolean due = switch (fee.when()) {
                    case UPFRONT -> m == 0;
                    case ANNUAL -> m % 12 == 0 && m < n;
                    case MONTHLY -> m >= 1;
                    case MATURITY -> m == n;
                };
                if (due) {
                    cf[m] -= a;
                }
            }
        }
        if (allIn) {
            for (BundledProduct b : loan.bundled()) {
                if (b.mandatory()) {
                    cf[0] -= b.premium().doubleValue();
                }
            }
        }
        double d = loan.compensatingDeposit().doubleValue();
        if (withDeposit && d > 0) {
            cf[0] -= d;
            cf[n] += d + d * 0.0020 * n / 12;
        }
        return cf;
    }
}
