package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.PartnerCase.fee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.feewatch.api.Action;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.Price;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

class Part004PartnerUnpublishedChargesTest {

    private final Part004PartnerUnpublishedCharges rule = new Part004PartnerUnpublishedCharges();

    private PartnerCase p02() {
        return new PartnerCase().partner("P02", PartnerStatus.ACTIVE)
                .schedule("P02", "平台服务费", "按贷款本金的0.25%/月，按月收取",
                        "资金管理费", "按贷款金额的0.5%，放款时一次性收取");
    }

    @Test
    void anItemTheScheduleDoesNotPublishIsAFinding() {
        Finding f = p02().loan("L0003", BorrowerType.INDIVIDUAL_BUSINESS, "348000.00", "2023-06-09", "2024-06-09", 9.5,
                4.8, "3.65", fee("P02", "平台服务费", "696.00", FeeTiming.MONTHLY),
                fee("P02", "贷后管理费", "696.00", FeeTiming.UPFRONT)).run(rule).get(Subject.partner("P02"));
        assertEquals("PART-004", f.rule());
        assertEquals(Action.TERMINATE_PARTNERSHIP, f.action());
        assertEquals(1, f.evidence().size());
        assertEquals("loan L0003: P02 贷后管理费 696.00 upfront; an item its fee schedule does not publish",
                f.evidence().get(0).text());
    }

    @Test
    void chargingMoreThanThePublishedMonthlyRateIsAFindingWithBothPlacesAsEvidence() {
        // 0.25 % a month of 674 000 is 1685 a month; 7414 a month was charged
        Finding f = p02().loan("L0015", BorrowerType.MICRO, "674000.00", "2023-06-12", "2024-06-12", 20, 4.4, "3.65",
                fee("P02", "平台服务费", "7414.00", FeeTiming.MONTHLY)).run(rule).get(Subject.partner("P02"));
        assertEquals("88968.00", f.metrics().get("amount"));
        assertEquals("20220.00", f.metrics().get("publishedMaximum"));
        assertEquals("loans.jsonl", f.evidence().get(0).source());
        assertEquals("p02-schedule-0", f.evidence().get(1).source());
        assertEquals("sha-p02-schedule-0", f.evidence().get(1).sha256());
    }

    @Test
    void chargingWithinThePublishedPriceIsAllowed() {
        assertTrue(p02().loan("L0030", BorrowerType.INDIVIDUAL_BUSINESS, "364000.00", "2022-11-15", "2023-11-15", 9,
                4.75, "3.65", fee("P02", "平台服务费", "728.00", FeeTiming.MONTHLY)).run(rule).isEmpty());
    }

    @Test
    void aFixedPricePerYearAllowsOneChargeAYear() {
        PartnerCase c = new PartnerCase().partner("P05", PartnerStatus.ACTIVE)
                .schedule("P05", "担保费", "每年1000元")
                .loan("L1", BorrowerType.MEDIUM, "100000", "2023-01-01", "2025-01-01", 5, 4, "3.65",
                        fee("P05", "担保费", "1000", FeeTiming.ANNUAL))
                .loan("L2", BorrowerType.MEDIUM, "100000", "2023-01-01", "2025-01-01", 5, 4, "3.65",
                        fee("P05", "担保费", "1200", FeeTiming.ANNUAL));
        Finding f = c.run(rule).get(Subject.partner("P05"));
        assertTrue(f.evidence().get(0).text().startsWith("loan L2:"), f.evidence().toString());
        assertEquals("2400", f.metrics().get("amount"));
    }

    @Test
    void anEntryExemptingSmallAndMicroBorrowersAllowsNothingToBeChargedToThem() {
        PartnerCase c = new PartnerCase().partner("P07", PartnerStatus.ACTIVE)
                .schedule("P07", "担保费", "年费率1%，对小微企业免收")
                .loan("L1", BorrowerType.MEDIUM, "100000", "2023-01-01", "2024-01-01", 5, 4, "3.65",
                        fee("P07", "担保费", "1000", FeeTiming.UPFRONT));
        assertTrue(c.run(rule).isEmpty());
        c.loan("L2", BorrowerType.MICRO, "100000", "2023-01-01", "2024-01-01", 5, 4, "3.65",
                fee("P07", "担保费", "1000", FeeTiming.UPFRONT));
        Finding f = c.run(rule).get(Subject.partner("P07"));
        assertTrue(f.evidence().get(0).text().startsWith("loan L2:"), f.evidence().toString());
        assertEquals("0.00", f.metrics().get("publishedMaximum"));
    }

    @Test
    void aPartnerWithoutAReadableScheduleIsLeftToPart003() {
        assertTrue(new PartnerCase().partner("P04", PartnerStatus.ACTIVE).failedSchedule("P04", "HTTP 404")
                .loan("L1", BorrowerType.MICRO, "100000", "2023-01-01", "2024-01-01", 5, 4, "3.65",
                        fee("P04", "公证费", "500", FeeTiming.UPFRONT))
                .run(rule).isEmpty());
    }

    @Test
    void negotiatedPricesSetNoBound() {
        assertTrue(new PartnerCase().partner("P06", PartnerStatus.ACTIVE)
                .schedule("P06", "担保费", Price.negotiated("协议定价"))
                .loan("L1", BorrowerType.MEDIUM, "100000", "2023-01-01", "2024-01-01", 5, 4, "3.65",
                        fee("P06", "保证费", "9000", FeeTiming.UPFRONT))
                .run(rule).isEmpty());
    }

    /** A schedule whose 担保费 is written by borrower size, as a 大中型企业 | 小微企业 cell reads. */
    private PartnerCase bySize() {
        return new PartnerCase().partner("P08", PartnerStatus.ACTIVE)
                .schedule("P08", "担保费", "大中型企业：1%；小微企业：0.5%");
    }

    @Test
    void aSmallBorrowerChargedTheLargeEnterpriseRateIsAFindingAgainstItsOwnPart() {
        Finding f = bySize().loan("L1", BorrowerType.SMALL, "100000", "2023-01-01", "2024-01-01", 5, 4, "3.65",
                fee("P08", "担保费", "1000", FeeTiming.UPFRONT)).run(rule).get(Subject.partner("P08"));
        assertEquals("PART-004", f.rule());
        assertEquals("1000", f.metrics().get("amount"));
        assertEquals("500.00", f.metrics().get("publishedMaximum"));
        assertTrue(f.evidence().get(0).text().startsWith("loan L1:"), f.evidence().toString());
    }

    @Test
    void aLargeBorrowerChargedWithinItsOwnPartIsNotJudgedAgainstTheSmallBusinessPart() {
        assertTrue(bySize().loan("L1", BorrowerType.LARGE, "100000", "2023-01-01", "2024-01-01", 5, 4, "3.65",
                fee("P08", "担保费", "1000", FeeTiming.UPFRONT)).run(rule).isEmpty());
        Finding f = bySize().loan("L2", BorrowerType.MEDIUM, "100000", "2023-01-01", "2024-01-01", 5, 4, "3.65",
                fee("P08", "担保费", "1200", FeeTiming.UPFRONT)).run(rule).get(Subject.partner("P08"));
        assertEquals("1000.00", f.metrics().get("publishedMaximum"));
    }

    @Test
    void aPriceWithoutSizePartsBoundsEveryBorrowerAlike() {
        // tiers by amount are not by borrower size: the 10-yuan tier bounds small and large borrowers alike
        PartnerCase c = new PartnerCase().partner("P09", PartnerStatus.ACTIVE)
                .schedule("P09", "账户管理费", "1万元以下每笔5元；1万元以上每笔10元")
                .loan("L1", BorrowerType.MICRO, "100000", "2023-01-01", "2024-01-01", 5, 4, "3.65",
                        fee("P09", "账户管理费", "10", FeeTiming.UPFRONT))
                .loan("L2", BorrowerType.LARGE, "100000", "2023-01-01", "2024-01-01", 5, 4, "3.65",
                        fee("P09", "账户管理费", "10", FeeTiming.UPFRONT));
        assertTrue(c.run(rule).isEmpty());
        c.loan("L3", BorrowerType.MICRO, "100000", "2023-01-01", "2024-01-01", 5, 4, "3.65",
                fee("P09", "账户管理费", "12", FeeTiming.UPFRONT))
                .loan("L4", BorrowerType.LARGE, "100000", "2023-01-01", "2024-01-01", 5, 4, "3.65",
                        fee("P09", "账户管理费", "12", FeeTiming.UPFRONT));
        Finding f = c.run(rule).get(Subject.partner("P09"));
        assertEquals("10.00", f.metrics().get("publishedMaximum"));
        assertTrue(f.evidence().toString().contains("loan L3:") && f.evidence().toString().contains("loan L4:"),
                f.evidence().toString());
    }
}
