package org.feewatch.rules.national.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.feewatch.api.Finding;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

/**
 * PART-002 and PART-001 on a partner schedule that states dates: the published rate (or item) as it stands
 * on the case's asOf, with the discounts and waivers in force then; the evidence names the dated row.
 */
class Part002DatedPublishedRatesTest {

    private static Finding part002(String asOf, String... nameTextRemark) {
        return new PartnerCase().partner("P01", PartnerStatus.ACTIVE).scheduleWithRemarks("P01", nameTextRemark)
                .asOf(asOf).run(new Part002PartnerExcessiveCharges()).get(Subject.partner("P01"));
    }

    private static Finding part001(String asOf, String... nameTextRemark) {
        return new PartnerCase().partner("P01", PartnerStatus.ACTIVE).scheduleWithRemarks("P01", nameTextRemark)
                .asOf(asOf).run(new Part001PartnerProhibitedFees()).get(Subject.partner("P01"));
    }

    private static final String[] OLD_AND_NEW = {
        "担保费", "按担保金额的2%收取（年化）", "2022年12月31日前执行",
        "担保费", "按担保金额的0.8%收取（年化）", "2023年1月1日起执行"};

    @Test
    void theRateInForceOnTheAuditDateIsJudged() {
        assertNull(part002("2023-12-31", OLD_AND_NEW), "0.8 % is in force, within the 1 % cap");
        Finding f = part002("2022-06-30", OLD_AND_NEW);
        assertEquals("2", f.metrics().get("publishedRate"));
        assertEquals(1, f.evidence().size(), "only the row in force then");
        assertTrue(f.evidence().get(0).text().endsWith("（至2022-12-31执行）"), f.evidence().get(0).text());
    }

    @Test
    void aRateNotYetInForceIsNotJudgedYet() {
        String[] later = {"担保费", "年化2%", "2024年1月1日起执行"};
        assertNull(part002("2023-12-31", later));
        assertEquals("2", part002("2024-01-01", later).metrics().get("publishedRate"));
    }

    @Test
    void aDiscountForAPeriodLowersTheRateWithinIt() {
        String[] halved = {"担保费", "年化1.6%", "2023年1月1日至2023年12月31日减半收取"};
        assertNull(part002("2023-06-30", halved), "0.8 % while the discount runs");
        Finding f = part002("2024-06-30", halved);
        assertEquals("1.6", f.metrics().get("publishedRate"));
        assertTrue(f.evidence().get(0).text().endsWith("（2023-01-01至2023-12-31优惠：减半收取; not in force on the audit date 2024-06-30）"),
                f.evidence().get(0).text());
    }

    @Test
    void aDiscountForSmallAndMicroBorrowersLeavesOthersAtTheFullRate() {
        Finding f = part002("2023-06-30", "担保费", "年化1.6%", "2023年1月1日至2023年12月31日对小微企业减半收取");
        assertEquals("1.6", f.metrics().get("publishedRate"));
        assertTrue(f.evidence().get(0).text().endsWith("年化1.6% 2023年1月1日至2023年12月31日对小微企业减半收取"),
                "the note is for small and micro borrowers only: " + f.evidence().get(0).text());
    }

    @Test
    void anUndatedScheduleIsJudgedAsBefore() {
        Finding f = part002("2023-12-31", "担保费", "年化1.6%", null);
        assertEquals("1.6", f.metrics().get("publishedRate"));
        assertTrue(f.evidence().get(0).text().endsWith("担保费 年化1.6%"), f.evidence().get(0).text());
    }

    @Test
    void aPartnersDatedWaiverExemptsOnlyWithinItsPeriod() {
        String[] waived = {"资金管理费", "每笔1000元", "2023年1月1日至2023年12月31日，对小微企业免收"};
        assertNull(part001("2023-06-30", waived));
        Finding f = part001("2024-06-30", waived);
        assertTrue(f.evidence().get(0).text().endsWith("; not in force on the audit date 2024-06-30）"),
                f.evidence().get(0).text());
    }
}
