package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.PartnerCase.fee;
import static org.feewatch.rules.national.internal.rules.PartnerCase.percent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.Price;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

class Part001PartnerProhibitedFeesTest {

    private final Part001PartnerProhibitedFees rule = new Part001PartnerProhibitedFees();

    @Test
    void partnerChargingABankBorneCostToAMicroBorrowerIsCriticalAndEndsTheActivePartnership() {
        PartnerCase c = new PartnerCase().partner("P02", PartnerStatus.ACTIVE)
                .loan("L0040", BorrowerType.MICRO, "208000.00", "2023-03-19", "2026-03-19", 4.9, 4.65, "3.65",
                        fee("P02", "押品评估费", "624.00", FeeTiming.UPFRONT));
        Finding f = c.run(rule).get(Subject.partner("P02"));
        assertEquals("PART-001", f.rule());
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals(Action.TERMINATE_PARTNERSHIP, f.action());
        assertEquals("loans.jsonl", f.evidence().get(0).source());
        assertEquals("line 1", f.evidence().get(0).locator());
        assertTrue(f.evidence().get(0).text().contains("押品评估费 624.00"));
        assertTrue(f.citations().contains("银保监办发〔2023〕42号（八）"));
    }

    @Test
    void theSameFeeToAMediumBorrowerIsNotAFinding() {
        PartnerCase c = new PartnerCase().partner("P02", PartnerStatus.ACTIVE)
                .loan("L1", BorrowerType.MEDIUM, "208000.00", "2023-03-19", "2026-03-19", 4.9, 4.65, "3.65",
                        fee("P02", "押品评估费", "624.00", FeeTiming.UPFRONT), fee("P02", "资金管理费", "100", FeeTiming.UPFRONT));
        assertTrue(c.run(rule).isEmpty());
    }

    @Test
    void aProhibitedFeeChargedByTheBankItselfIsLeftToFee001() {
        PartnerCase c = new PartnerCase().partner("P02", PartnerStatus.ACTIVE)
                .loan("L1", BorrowerType.SMALL, "100000", "2023-03-19", "2024-03-19", 4.9, 4.9, "3.65",
                        fee(PartnerCase.BANK, "贷款承诺费", "500", FeeTiming.UPFRONT));
        assertTrue(c.run(rule).isEmpty());
    }

    @Test
    void publishingAProhibitedFeeWithoutExemptionRejectsAProspectivePartnerWithoutAnyLoan() {
        PartnerCase c = new PartnerCase().partner("P09", PartnerStatus.PROSPECTIVE)
                .schedule("P09", "平台服务费", percent("0.25", Price.Period.PER_MONTH),
                        "资金管理费", percent("0.5", Price.Period.ONCE));
        Map<Subject, Finding> findings = c.run(rule);
        Finding f = findings.get(Subject.partner("P09"));
        assertEquals(Action.REJECT_PARTNER, f.action());
        assertEquals(1, f.evidence().size());
        assertEquals("p09-schedule-0", f.evidence().get(0).source());
        assertEquals("sha-p09-schedule-0", f.evidence().get(0).sha256());
        assertTrue(f.evidence().get(0).text().contains("资金管理费"));
    }

    @Test
    void aPublishedProhibitedFeeThatExemptsSmallAndMicroBorrowersIsAllowed() {
        PartnerCase c = new PartnerCase().partner("P09", PartnerStatus.ACTIVE)
                .schedule("P09", "贷款承诺费", "对小微企业免收")
                .schedule("P09", "资金管理费", "仅适用于大中型企业客户");
        assertTrue(c.run(rule).isEmpty());
    }

    @Test
    void aPublishedProhibitedFeeThatChargesNobodyIsAllowed() {
        // a guarantor's list: 「提前还款违约金：不收取」 (hardpages bank-i), as FEE-001 reads a bank's 免费 entry
        PartnerCase c = new PartnerCase().partner("P09", PartnerStatus.ACTIVE)
                .schedule("P09", "提前还款违约金", "不收取", "资金管理费", "暂不收费");
        assertTrue(c.run(rule).isEmpty());
    }

    @Test
    void severalBreachesOfOnePartnerAreOneFindingWithAllTheEvidence() {
        PartnerCase c = new PartnerCase().partner("P02", PartnerStatus.ACTIVE)
                .schedule("P02", "资金管理费", percent("0.5", Price.Period.ONCE))
                .loan("L1", BorrowerType.INDIVIDUAL_BUSINESS, "100000", "2023-01-01", "2024-01-01", 5, 4, "3.65",
                        fee("P02", "资金管理费", "500", FeeTiming.UPFRONT))
                .loan("L2", BorrowerType.MICRO_OWNER, "100000", "2023-01-01", "2024-01-01", 5, 4, "3.65",
                        fee("P02", "押品评估费", "300", FeeTiming.UPFRONT));
        Map<Subject, Finding> findings = c.run(rule);
        assertEquals(1, findings.size());
        assertEquals(3, findings.get(Subject.partner("P02")).evidence().size());
    }
}
