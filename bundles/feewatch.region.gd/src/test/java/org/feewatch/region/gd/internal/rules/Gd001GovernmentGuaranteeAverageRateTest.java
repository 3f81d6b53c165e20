package org.feewatch.region.gd.internal.rules;

import static org.feewatch.region.gd.internal.RegionAudit.loan;
import static org.feewatch.region.gd.internal.RegionAudit.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.PartnerType;
import org.feewatch.api.PartnerVerdict;
import org.feewatch.api.Report;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.region.gd.internal.GuangdongRulePack;
import org.feewatch.region.gd.internal.RegionAudit;
import org.feewatch.rules.national.testing.PackAudit;
import org.junit.jupiter.api.Test;

class Gd001GovernmentGuaranteeAverageRateTest {

    private static PackAudit withGuarantors() {
        return new RegionAudit().partner("GOV-G", PartnerType.GUARANTEE, true)
                .partner("PRIV-G", PartnerType.GUARANTEE, false);
    }

    @Test
    void theAverageOverLoansAboveOnePercentIsOnePartnerFinding() {
        // 1,000,000 at 0.8 % a year and 3,000,000 at 1.2 % a year: (8,000 + 36,000) / 4,000,000 = 1.1 %
        Report report = withGuarantors()
                .loan(loan("A").line(3).fee("GOV-G", "担保费", "8000", FeeTiming.UPFRONT))
                .loan(loan("B").line(4).principal("3000000").fee("GOV-G", "融资担保费", "36000", FeeTiming.UPFRONT))
                .run(new GuangdongRulePack());
        List<Finding> found = of(report, "GD-001");
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals(Subject.partner("GOV-G"), f.subject());
        assertEquals(Severity.LOW, f.severity());
        assertEquals("1.1000", f.metrics().get("averageRate"));
        assertEquals("2", f.metrics().get("loans"));
        assertEquals("4000000.00", f.metrics().get("principal"));
        assertEquals(List.of("line 3", "line 4"), f.evidence().stream().map(e -> e.locator()).toList());
        assertEquals("Partner GOV-G charged an average guarantee fee of 1.1000 % a year on 2 small and micro loans "
                + "of at most 10000000 yuan each, above 1.0 %", f.title());
        // the partner's verdict names the region rule beside the national ones
        PartnerVerdict v = report.partners().stream().filter(p -> p.id().equals("GOV-G")).findFirst().orElseThrow();
        assertTrue(v.rules().contains("GD-001"), v.rules().toString());
    }

    @Test
    void oneExpensiveLoanBelowAnAverageOfOnePercentGivesNothing() {
        // 1.5 % on 1,000,000 and 0.5 % on 3,000,000: (15,000 + 15,000) / 4,000,000 = 0.75 %
        assertTrue(of(withGuarantors()
                .loan(loan("A").fee("GOV-G", "担保费", "15000", FeeTiming.UPFRONT))
                .loan(loan("B").principal("3000000").fee("GOV-G", "担保费", "15000", FeeTiming.UPFRONT))
                .run(new GuangdongRulePack()), "GD-001").isEmpty());
    }

    @Test
    void loansAboveTheSingleLimitMediumBorrowersAndPrivateGuarantorsDoNotCount() {
        assertTrue(of(withGuarantors()
                .loan(loan("HUGE").principal("12000000").fee("GOV-G", "担保费", "240000", FeeTiming.UPFRONT))
                .loan(loan("MED").borrower(BorrowerType.MEDIUM).fee("GOV-G", "担保费", "20000", FeeTiming.UPFRONT))
                .loan(loan("PRIV").fee("PRIV-G", "担保费", "20000", FeeTiming.UPFRONT))
                .run(new GuangdongRulePack()), "GD-001").isEmpty());
    }

    @Test
    void notInForceBeforeTheProvincialRulesOf16July2025() {
        assertTrue(of(withGuarantors().asOf("2025-06-30")
                .loan(loan("A").dates("2025-01-15", "2026-01-15").fee("GOV-G", "担保费", "20000", FeeTiming.UPFRONT))
                .run(new GuangdongRulePack()), "GD-001").isEmpty());
    }
}
