package org.feewatch.engine.cashflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class IrrTest {

    @Test
    void pbocAnnouncementExampleGives12_80And13_58() {
        // PBoC 2021 No. 3: 100,000 borrowed, 1,000 fee up front, 8,833.3 a month for 12 months
        double[] flows = new double[13];
        flows[0] = 99_000;
        Arrays.fill(flows, 1, 13, -8_833.3);
        double r = Irr.rate(flows, flows.length, 0.0);
        assertEquals(1.0670, r * 100, 0.0001);
        assertEquals(12.80, CashFlowModel.nominalApr(r), 0.005);
        assertEquals(13.58, CashFlowModel.effectiveApr(r), 0.005);
    }

    @Test
    void flowsThatBalanceAtZeroHaveRateZero() {
        double[] flows = { 1200, -100, -100, -100, -100, -100, -100, -100, -100, -100, -100, -100, -100 };
        assertEquals(0.0, Irr.rate(flows, flows.length, 0.01));
    }

    @Test
    void allOutflowsHaveNoRateAndSayWhy() {
        double[] flows = { -10, -100, -100 };
        assertTrue(Double.isNaN(Irr.rate(flows, flows.length, 0.01)));
        String why = Irr.whyNoSolution(flows, flows.length);
        assertNotNull(why);
        assertTrue(why.contains("receives nothing"), why);
    }

    @Test
    void aDepositLargerThanThePrincipalHasNoRateAndSaysWhy() {
        // unseen book c26-extremes X4: 100,000 lent at 4.35 % bullet, 150,000 kept on deposit; the borrower
        // nets -50,000 at disbursement and gets 45,950 back: a rate of -8.4 % would pass every APR rule
        double[] flows = new double[13];
        flows[0] = 100_000 - 150_000;
        flows[12] = -104_350 + 150_000 * (1 + 0.002);
        assertTrue(Double.isNaN(Irr.rate(flows, flows.length, 0.003)));
        assertTrue(Irr.whyNoSolution(flows, flows.length).contains("receives nothing"));
        flows[0] = 0;
        assertTrue(Double.isNaN(Irr.rate(flows, flows.length, 0.003)));
        assertTrue(Irr.whyNoSolution(flows, flows.length).contains("receives nothing"));
    }

    @Test
    void aDepositNearlyThePrincipalReturnedAfterTheInstallmentsCostsMoneyNotANegativeRate() {
        // unseen book deposit-near-principal: 100,000 at 4.35 % in 12 equal installments, 99,000 kept on
        // deposit and returned with 0.20 % at month 12; the flows change sign twice, and besides the
        // cost of borrowing (the root above 0) they balance at -0.4 % a month, which the contract
        // rate's guess used to find: a negative APR for a borrower who pays back more than received
        double i = 0.0435 / 12;
        double installment = 100_000 * i * Math.pow(1 + i, 12) / (Math.pow(1 + i, 12) - 1);
        double[] flows = new double[13];
        flows[0] = 100_000 - 99_000;
        for (int k = 1; k <= 12; k++) {
            flows[k] = -installment;
        }
        flows[12] += 99_000 * (1 + 0.002);
        double r = Irr.rate(flows, flows.length, i);
        assertTrue(r > 0, "rate " + r);
        assertEquals(0.0, Irr.npv(flows, flows.length, r), 1e-6);
        // the other root is still there: the choice is the rule, not a failure to find one
        assertTrue(Irr.npv(flows, flows.length, -0.01) * Irr.npv(flows, flows.length, -0.001) < 0);
    }

    @Test
    void noRepaymentHasNoRateAndSaysWhy() {
        double[] flows = { 100, 0, 0 };
        assertTrue(Double.isNaN(Irr.rate(flows, flows.length, 0.01)));
        assertTrue(Irr.whyNoSolution(flows, flows.length).contains("never pays"));
    }

    @Test
    void aSinglePeriodHasItsExactRate() {
        double[] flows = { 100, -101 };
        assertEquals(0.01, Irr.rate(flows, 2, 0.0), 1e-15);
        assertNull(Irr.whyNoSolution(flows, 2));
    }

    @Test
    void tooShortOrNonFiniteFlowsHaveNoRate() {
        assertTrue(Double.isNaN(Irr.rate(new double[] { 100 }, 1, 0.0)));
        assertNotNull(Irr.whyNoSolution(new double[] { 100 }, 1));
        double[] bad = { 100, Double.NaN };
        assertTrue(Double.isNaN(Irr.rate(bad, 2, 0.0)));
        assertTrue(Irr.whyNoSolution(bad, 2).contains("finite"));
    }

    @Test
    void hugeUpfrontFeesGiveAHugeButFiniteRate() {
        // 99.9 % of the principal taken back at once: the borrower nets 100 and repays 100,000 after a month
        double[] flows = { 100, -100_000 };
        double r = Irr.rate(flows, 2, 0.003);
        assertEquals(999.0, r, 1e-9);
        double[] twelve = new double[13];
        twelve[0] = 1;
        Arrays.fill(twelve, 1, 13, -10_000);
        double r12 = Irr.rate(twelve, 13, 0.003);
        assertTrue(Double.isFinite(r12) && r12 > 9_999 && r12 < 10_000.001, "rate " + r12);
        assertEquals(0.0, Irr.npv(twelve, 13, r12) / 10_000, 1e-9);
    }

    @Test
    void negativeRatesAreFound() {
        // the borrower gets back more than it paid: a deposit earning more than the loan costs
        double[] flows = { 100, -10, -80 };
        double r = Irr.rate(flows, 3, 0.01);
        assertTrue(r < 0, "rate " + r);
        assertEquals(0.0, Irr.npv(flows, 3, r), 1e-9);
    }

    @Test
    void aBadGuessStillConverges() {
        double[] flows = new double[37];
        flows[0] = 1_000;
        Arrays.fill(flows, 1, 37, -40);
        double fromGood = Irr.rate(flows, flows.length, 0.01);
        assertEquals(fromGood, Irr.rate(flows, flows.length, 50.0), 1e-13);
        assertEquals(fromGood, Irr.rate(flows, flows.length, -0.99), 1e-13);
        assertEquals(fromGood, Irr.rate(flows, flows.length, Double.NaN), 1e-13);
    }

    @Test
    void usesOnlyTheGivenLength() {
        double[] flows = { 100, -105, 1e300, Double.NaN };
        assertEquals(0.05, Irr.rate(flows, 2, 0.0), 1e-14);
    }
}
