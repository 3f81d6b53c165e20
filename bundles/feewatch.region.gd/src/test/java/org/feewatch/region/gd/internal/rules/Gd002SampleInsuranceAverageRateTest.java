package org.feewatch.region.gd.internal.rules;

import static org.feewatch.region.gd.internal.RegionAudit.loan;
import static org.feewatch.region.gd.internal.RegionAudit.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.PartnerType;
import org.feewatch.api.Subject;
import org.feewatch.region.gd.internal.GuangdongRulePack;
import org.feewatch.region.gd.internal.RegionAudit;
import org.junit.jupiter.api.Test;

class Gd002SampleInsuranceAverageRateTest {

    @Test
    void anInsurerAboveTheSampleThresholdIsFoundAndTheFindingSaysItIsASample() {
        // 15,000 a year (monthly 1,250) on 1,000,000: 1.5 % a year
        List<Finding> found = of(new RegionAudit().partner("INS-1", PartnerType.INSURANCE, false)
                .loan(loan("A").fee("INS-1", "贷款保证保险保费", "1250", FeeTiming.MONTHLY))
                .run(new GuangdongRulePack()), "GD-002");
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals(Subject.partner("INS-1"), f.subject());
        assertEquals("1.5000", f.metrics().get("averageRate"));
        assertTrue(f.title().contains("SAMPLE"), f.title());
        assertTrue(f.citations().get(0).startsWith("SAMPLE"), f.citations().toString());
    }

    @Test
    void guaranteeFeesAndInsurersAtTheThresholdGiveNothing() {
        assertTrue(of(new RegionAudit().partner("INS-1", PartnerType.INSURANCE, false)
                .partner("GOV-G", PartnerType.GUARANTEE, true)
                .loan(loan("A").fee("INS-1", "保证保险费", "10000", FeeTiming.UPFRONT))
                .loan(loan("B").fee("GOV-G", "担保费", "8000", FeeTiming.UPFRONT))
                .run(new GuangdongRulePack()), "GD-002").isEmpty());
    }
}
