package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.PricingCase.loan;
import static org.feewatch.rules.national.internal.rules.PricingCase.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.Policy;
import org.feewatch.api.Repayment;
import org.feewatch.api.Severity;
import org.junit.jupiter.api.Test;

class Rate003SmallMicroAllInCostTest {

    private final Rate003SmallMicroAllInCost rule = new Rate003SmallMicroAllInCost();

    /** Demo loan L0003: 4.80 % plus a partner's monthly and upfront fees. */
    private static PricingCase.L l0003() {
        return loan().id("L0003").borrower(BorrowerType.INDIVIDUAL_BUSINESS).principal("348000.00")
                .dates("2023-06-09", "2024-06-09").lpr("1Y", 115, "4.80").repayment(Repayment.EQUAL_INSTALLMENT)
                .fee("P02", "平台服务费", "696.00", FeeTiming.MONTHLY).fee("P02", "贷后管理费", "696.00", FeeTiming.UPFRONT);
    }

    @Test
    void partnerFeesTakeTheAllInAprOverTheLine() {
        Finding f = only(new PricingCase().add(l0003()).run(rule));
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("All-in APR 9.5166 % exceeds 1Y LPR 3.65 % + 300 bp = 6.65 % (individual-business borrower)",
                f.title());
        assertEquals("9.5166", f.metrics().get("apr"));
        assertEquals("4.8000", f.metrics().get("aprBankOnly"));
        assertEquals("6.65", f.metrics().get("line"));
        assertEquals("300", f.metrics().get("maxSpreadBp"));
    }

    @Test
    void mediumAndLargeBorrowersAreNotJudged() {
        assertTrue(new PricingCase().add(l0003().borrower(BorrowerType.MEDIUM)).run(rule).isEmpty());
    }

    @Test
    void theLineFollowsThePolicy() {
        PricingCase c = new PricingCase().add(l0003());
        c.policy = new Policy(600, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);
        assertTrue(c.run(rule).isEmpty());
    }

    @Test
    void theOneYearLprIsUsedWhateverTheTenor() {
        // a 5Y-priced loan at 7.00 %: over 3.65 + 3 = 6.65 (the 5Y figure 4.30 would give 7.30)
        Finding f = only(new PricingCase().add(loan().lpr("5Y", 270, "7.00").dates("2023-02-11", "2028-02-11")
                .repayment(Repayment.INTEREST_MONTHLY)).run(rule));
        assertEquals("3.65", f.metrics().get("lpr1y"));
        assertEquals("7.0000", f.metrics().get("apr"));
    }

    @Test
    void unknownLprGivesInfo() {
        Finding f = only(new PricingCase().add(l0003().dates("2019-06-09", "2020-06-09")).run(rule));
        assertEquals(Severity.INFO, f.severity());
    }

    @Test
    void unsolvableFlowsGiveInfoNamingTheLoan() {
        Finding f = only(new PricingCase().add(loan().id("LX").principal("1000")
                .fee("P01", "担保费", "1000", FeeTiming.UPFRONT)).run(rule));
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.title().contains("loan LX cannot be computed: the borrower receives nothing"), f.title());
    }
}
