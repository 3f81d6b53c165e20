package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.PartnerCase.fee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

/** PART-004 against a partner schedule that says when its prices and discounts apply, as FEE-003 reads a catalogue. */
class Part004DatedPricesTest {

    private final Part004PartnerUnpublishedCharges rule = new Part004PartnerUnpublishedCharges();

    private static PartnerCase oldAndNew() {
        return new PartnerCase().partner("P01", PartnerStatus.ACTIVE).scheduleWithRemarks("P01",
                "担保费", "按担保金额的2%收取", "2022年12月31日前执行",
                "担保费", "按担保金额的1.5%收取", "2023年1月1日起执行");
    }

    private static Finding run(PartnerCase c) {
        return c.run(new Part004PartnerUnpublishedCharges()).get(Subject.partner("P01"));
    }

    @Test
    void theRateInForceOnTheContractDateBinds() {
        assertNull(run(oldAndNew().loan("L2022", BorrowerType.MEDIUM, "1000000", "2022-06-01", "2023-06-01", 6, 4,
                "3.65", fee("P01", "担保费", "20000", FeeTiming.UPFRONT))));
        Finding f = run(oldAndNew().loan("L2023", BorrowerType.MEDIUM, "1000000", "2023-06-01", "2024-06-01", 6, 4,
                "3.65", fee("P01", "担保费", "20000", FeeTiming.UPFRONT)));
        assertEquals("15000.00", f.metrics().get("publishedMaximum"));
        assertEquals(2, f.evidence().size(), "the loan and the one row in force");
        assertTrue(f.evidence().get(1).text().endsWith("（2023-01-01起执行）"), f.evidence().get(1).text());
    }

    @Test
    void aLoanBeforeEveryPeriodIsJudgedAsWithoutDates() {
        // both rows are dated and the first has no start: a 2020 loan is in the first row's period
        assertNull(run(oldAndNew().loan("L2020", BorrowerType.MEDIUM, "1000000", "2020-06-01", "2021-06-01", 6, 4,
                "3.65", fee("P01", "担保费", "20000", FeeTiming.UPFRONT))));
        PartnerCase startsLater = new PartnerCase().partner("P01", PartnerStatus.ACTIVE).scheduleWithRemarks("P01",
                "担保费", "按担保金额的1.5%收取", "2023年1月1日起执行");
        Finding f = run(startsLater.loan("L2020", BorrowerType.MEDIUM, "1000000", "2020-06-01", "2021-06-01", 6, 4,
                "3.65", fee("P01", "担保费", "20000", FeeTiming.UPFRONT)));
        assertEquals("15000.00", f.metrics().get("publishedMaximum"));
        assertTrue(f.evidence().get(1).text().contains("not in force on the contract date 2020-06-01"),
                f.evidence().get(1).text());
    }

    private static PartnerCase waiver() {
        return new PartnerCase().partner("P01", PartnerStatus.ACTIVE).scheduleWithRemarks("P01",
                "平台服务费", "按贷款本金的0.1%/月", "2022年1月1日至2022年12月31日对小微企业免收");
    }

    @Test
    void aDatedWaiverForSmallAndMicroBorrowersBindsInItsPeriodOnly() {
        Finding active = run(waiver().loan("L2022", BorrowerType.MICRO, "100000", "2022-03-01", "2023-03-01", 6, 4,
                "3.65", fee("P01", "平台服务费", "100", FeeTiming.MONTHLY)));
        assertEquals("0.00", active.metrics().get("publishedMaximum"));
        assertTrue(active.evidence().get(1).text().endsWith("（2022-01-01至2022-12-31优惠：小微企业免收）"),
                active.evidence().get(1).text());
        assertNull(run(waiver().loan("L2023", BorrowerType.MICRO, "100000", "2023-03-01", "2024-03-01", 6, 4,
                "3.65", fee("P01", "平台服务费", "100", FeeTiming.MONTHLY))), "expired: 0.1 % a month allowed");
        assertNull(run(waiver().loan("L2021", BorrowerType.MICRO, "100000", "2021-03-01", "2022-03-01", 6, 4,
                "3.65", fee("P01", "平台服务费", "100", FeeTiming.MONTHLY))), "not yet in force");
        assertNull(run(waiver().loan("M2022", BorrowerType.MEDIUM, "100000", "2022-03-01", "2023-03-01", 6, 4,
                "3.65", fee("P01", "平台服务费", "100", FeeTiming.MONTHLY))), "not for a medium borrower");
    }
}
