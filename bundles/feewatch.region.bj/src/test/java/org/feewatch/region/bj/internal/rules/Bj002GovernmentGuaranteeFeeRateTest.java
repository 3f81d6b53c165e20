package org.feewatch.region.bj.internal.rules;

import static org.feewatch.region.bj.internal.RegionAudit.loan;
import static org.feewatch.region.bj.internal.RegionAudit.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.PartnerType;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.region.bj.internal.BeijingRulePack;
import org.feewatch.region.bj.internal.RegionAudit;
import org.feewatch.rules.national.testing.PackAudit;
import org.junit.jupiter.api.Test;

class Bj002GovernmentGuaranteeFeeRateTest {

    private static PackAudit withGuarantors() {
        return new RegionAudit().partner("GOV-G", PartnerType.GUARANTEE, true)
                .partner("PRIV-G", PartnerType.GUARANTEE, false);
    }

    @Test
    void aGovernmentGuarantorAboveOnePercentAYearIsFound() {
        // 30,000 up front on 1,000,000 for two years: 1.5 % a year
        List<Finding> found = of(withGuarantors()
                .loan(loan("L1").dates("2023-03-15", "2025-03-15").fee("GOV-G", "融资担保费", "30000", FeeTiming.UPFRONT))
                .run(new BeijingRulePack()), "BJ-002");
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals(Subject.loan("L1"), f.subject());
        assertEquals(Severity.LOW, f.severity());
        assertEquals("1.5000", f.metrics().get("chargedRate"));
        assertEquals("1.0", f.metrics().get("governmentGuaranteeFeeRate"));
        assertEquals("GOV-G", f.metrics().get("partner"));
        assertEquals("Government-backed guarantor GOV-G charged 1.5000 % a year on loan L1, above the 1.0 % "
                + "benchmark for government-backed guarantee fees", f.title());
    }

    @Test
    void annualFeesAreCountedOverTheLoansLife() {
        // 6,000 a year, paid in months 0 and 12 of a 24-month loan of 500,000: 1.2 % a year
        List<Finding> found = of(withGuarantors().loan(loan("L1").principal("500000").dates("2023-03-15", "2025-03-15")
                .fee("GOV-G", "担保费", "6000", FeeTiming.ANNUAL)).run(new BeijingRulePack()), "BJ-002");
        assertEquals("1.2000", found.get(0).metrics().get("chargedRate"));
    }

    @Test
    void atTheBenchmarkPrivateGuarantorsAndMediumBorrowersGiveNothing() {
        assertTrue(of(withGuarantors()
                .loan(loan("AT").fee("GOV-G", "担保费", "10000", FeeTiming.UPFRONT))
                .loan(loan("PRIV").fee("PRIV-G", "担保费", "30000", FeeTiming.UPFRONT))
                .loan(loan("MED").borrower(BorrowerType.MEDIUM).fee("GOV-G", "担保费", "30000", FeeTiming.UPFRONT))
                .run(new BeijingRulePack()), "BJ-002").isEmpty());
    }
}
