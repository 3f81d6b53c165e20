package org.feewatch.region.bj.internal.rules;

import static org.feewatch.region.bj.internal.RegionAudit.loan;
import static org.feewatch.region.bj.internal.RegionAudit.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.feewatch.api.Action;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.region.bj.internal.BeijingRulePack;
import org.feewatch.region.bj.internal.RegionAudit;
import org.junit.jupiter.api.Test;

class Bj001AdditionalProcedureFeesTest {

    @Test
    void notarizationAndAppraisalFeesOnASmallLoanAreOneFindingWithBothItems() {
        List<Finding> found = of(new RegionAudit()
                .loan(loan("L1").line(7).fee("NOTARY-1", "借款合同公证费", "800", FeeTiming.UPFRONT)
                        .fee("BANK-A", "押品评估服务费", "1200", FeeTiming.UPFRONT))
                .run(new BeijingRulePack()), "BJ-001");
        assertEquals(1, found.size(), found.toString());
        Finding f = found.get(0);
        assertEquals(Subject.loan("L1"), f.subject());
        assertEquals(Severity.LOW, f.severity());
        assertEquals(Action.REVIEW, f.action());
        assertEquals("2000.00", f.metrics().get("amount"));
        assertEquals("借款合同公证费, 押品评估服务费", f.metrics().get("items"));
        assertEquals("line 7", f.evidence().get(0).locator());
        assertTrue(f.citations().get(0).contains("尽量减少评估费、公证费"), f.citations().toString());
    }

    @Test
    void theSynonymsOfThePackDataAreUsed() {
        // 赋强公证费 is only in the Beijing data file's synonyms, not in the national dictionary
        assertEquals(1, of(new RegionAudit().loan(loan("L1").fee("NOTARY-1", "赋强公证费", "500", FeeTiming.UPFRONT))
                .run(new BeijingRulePack()), "BJ-001").size());
    }

    @Test
    void mediumBorrowersAndOtherFeesGiveNothing() {
        assertTrue(of(new RegionAudit()
                .loan(loan("BIG").borrower(BorrowerType.MEDIUM).fee("NOTARY-1", "公证费", "800", FeeTiming.UPFRONT))
                .loan(loan("L2").fee("BANK-A", "贷款手续费", "100", FeeTiming.UPFRONT))
                .loan(loan("ZERO").fee("NOTARY-1", "公证费", "0", FeeTiming.UPFRONT))
                .run(new BeijingRulePack()), "BJ-001").isEmpty());
    }

    @Test
    void notInForceBeforeTheBeijingOpinionsWereIssued() {
        assertTrue(of(new RegionAudit().asOf("2018-06-30")
                .loan(loan("L1").dates("2018-03-15", "2019-03-15").fee("NOTARY-1", "公证费", "800", FeeTiming.UPFRONT))
                .run(new BeijingRulePack()), "BJ-001").isEmpty());
    }
}
