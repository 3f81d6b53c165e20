package org.feewatch.engine.cashflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.feewatch.api.FeeTiming;
import org.feewatch.api.Repayment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CashFlowModelTest {

    @ParameterizedTest
    @CsvSource({
        "2023-03-15, 2024-03-15, 12",
        "2023-01-31, 2023-02-28, 1",  // last day of a shorter month is a full month
        "2024-01-31, 2024-02-29, 1",
        "2023-01-30, 2023-02-28, 1",
        "2023-03-31, 2023-04-30, 1",
        "2023-01-15, 2023-02-14, 0",  // one day short of a month
        "2023-01-15, 2023-02-10, 0",
        "2023-05-31, 2023-07-30, 1",  // 30 July is not the last day of July
        "2023-02-28, 2023-03-28, 1",
        "2022-12-21, 2025-12-21, 36",
        "2023-02-11, 2028-02-11, 60",
    })
    void termIsWholeMonthsWithTheEndOfMonthRule(String contract, String maturity, int months) {
        assertEquals(months, CashFlowModel.termMonths(LocalDate.parse(contract), LocalDate.parse(maturity)));
    }

    @ParameterizedTest
    @EnumSource(Repayment.class)
    void withoutFeesEveryAmortisingKindYieldsItsNominalRate(Repayment kind) {
        for (int n : new int[] { 1, 2, 12, 24, 36, 60, 360 }) {
            for (double nominal : new double[] { 0.0, 0.5, 3.45, 4.785, 15.6, 36.0 }) {
                double[] flows = new double[n + 1];
                CashFlowModel.addLoan(flows, 300_000, nominal, n, kind);
                double r = Irr.rate(flows, n + 1, CashFlowModel.monthlyRateOf(nominal));
                double expected = kind == Repayment.BULLET
                        // simple interest paid at the end: (1 + r)^n = 1 + y n / 12
                        ? 1200 * (Math.pow(1 + nominal / 100 * n / 12, 1.0 / n) - 1)
                        : nominal;
                assertEquals(expected, CashFlowModel.nominalApr(r), 1e-9, kind + " n=" + n + " at " + nominal);
            }
        }
    }

    @Test
    void bulletWithUpfrontFeeMatchesItsClosedForm() {
        // one year: EAR = (i + f) / (1 − f)
        double i = 0.0345;
        double f = 0.012;
        double[] flows = new double[13];
        CashFlowModel.addLoan(flows, 1_000_000, 3.45, 12, Repayment.BULLET);
        CashFlowModel.addFee(flows, 12_000, FeeTiming.UPFRONT, 12);
        double r = Irr.rate(flows, 13, 0.003);
        assertEquals((i + f) / (1 - f) * 100, CashFlowModel.effectiveApr(r), 1e-9);
    }

    @Test
    void bulletWithDepositMatchesItsClosedForm() {
        // one year, deposit d at demand rate id: EAR = (i − d id) / (1 − d)
        double[] flows = new double[13];
        CashFlowModel.addLoan(flows, 1_000_000, 3.45, 12, Repayment.BULLET);
        CashFlowModel.addDeposit(flows, 200_000, 0.35, 12);
        double r = Irr.rate(flows, 13, 0.003);
        assertEquals((3.45 - 0.2 * 0.35) / 0.8, CashFlowModel.effectiveApr(r), 1e-9);
    }

    /** DOMAIN.md §5.4: 1,000,000 yuan, 12 months, 3.45 %. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bullet + fees,                 BULLET,            10000, 2000, 0,      0,    4.608, 4.706",
        "interest-monthly + fees,       INTEREST_MONTHLY,  10000, 2000, 0,      0,    4.681, 4.782",
        "equal instalment + fees,       EQUAL_INSTALLMENT, 10000, 2000, 0,      0,    5.703, 5.854",
        "equal principal + fees,        EQUAL_PRINCIPAL,   10000, 2000, 0,      0,    5.715, 5.867",
        "bullet + 20 % deposit,         BULLET,            0,     0,    200000, 0.35,    4.145, 4.225",
        "equal instalment + 20 % deposit, EQUAL_INSTALLMENT, 0,   0,    200000, 0.35,    5.232, 5.359",
        "interest-monthly without fees,INTEREST_MONTHLY,  0,     0,    0,      0,    3.450, 3.505",
        "equal instalment without fees,EQUAL_INSTALLMENT, 0,     0,    0,      0,    3.450, 3.505",
        "equal principal without fees, EQUAL_PRINCIPAL,   0,     0,    0,      0,    3.450, 3.505",
    })
    void domainWorkedExamples(String name, Repayment kind, double guarantee, double appraisal, double deposit,
            double demand, double apr, double effective) {
        double[] flows = new double[13];
        CashFlowModel.addLoan(flows, 1_000_000, 3.45, 12, kind);
        CashFlowModel.addFee(flows, guarantee, FeeTiming.UPFRONT, 12);
        CashFlowModel.addFee(flows, appraisal, FeeTiming.UPFRONT, 12);
        if (deposit > 0) {
            CashFlowModel.addDeposit(flows, deposit, demand, 12);
        }
        double r = Irr.rate(flows, 13, 0.003);
        assertEquals(apr, CashFlowModel.nominalApr(r), 0.0005, name);
        assertEquals(effective, CashFlowModel.effectiveApr(r), 0.0005, name);
    }

    @Test
    void flatMonthlyFeeOfDomainTable() {
        // 0.6 % of the original principal a month with 12 equal principal parts: APR 13.034 %, EAR 13.842 %
        double[] flows = new double[13];
        CashFlowModel.addLoan(flows, 1_000_000, 0.0, 12, Repayment.EQUAL_PRINCIPAL);
        CashFlowModel.addFee(flows, 6_000, FeeTiming.MONTHLY, 12);
        double r = Irr.rate(flows, 13, 0.0);
        assertEquals(13.034, CashFlowModel.nominalApr(r), 0.0005);
        assertEquals(13.842, CashFlowModel.effectiveApr(r), 0.0005);
    }

    @Test
    void feeTimingsFallOnTheirMonths() {
        double[] flows = new double[25];
        CashFlowModel.addFee(flows, 1, FeeTiming.UPFRONT, 24);
        CashFlowModel.addFee(flows, 10, FeeTiming.ANNUAL, 24);
        CashFlowModel.addFee(flows, 100, FeeTiming.MATURITY, 24);
        assertEquals(-11, flows[0]);
        assertEquals(-10, flows[12]);
        assertEquals(-100, flows[24]); // annual is strictly before month n: a 24-month loan pays twice
        double[] monthly = new double[4];
        CashFlowModel.addFee(monthly, 5, FeeTiming.MONTHLY, 3);
        assertEquals(0, monthly[0]);
        assertEquals(-5, monthly[1]);
        assertEquals(-5, monthly[3]);
        assertEquals(2, CashFlowModel.paymentsOf(FeeTiming.ANNUAL, 24));
        assertEquals(3, CashFlowModel.paymentsOf(FeeTiming.ANNUAL, 25));
    }

    @Test
    void zeroRateEqualInstallmentIsPrincipalOverN() {
        double[] flows = new double[4];
        CashFlowModel.addLoan(flows, 300, 0.0, 3, Repayment.EQUAL_INSTALLMENT);
        assertEquals(300, flows[0]);
        assertEquals(-100, flows[1]);
        assertEquals(-100, flows[3]);
    }

    @Test
    void depositComesBackWithSimpleDemandInterest() {
        double[] flows = new double[25];
        CashFlowModel.addDeposit(flows, 100_000, 0.20, 24);
        assertEquals(-100_000, flows[0]);
        assertEquals(100_400, flows[24], 1e-9);
    }
}
