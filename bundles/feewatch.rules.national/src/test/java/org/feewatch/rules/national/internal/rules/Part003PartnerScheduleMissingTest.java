package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.PartnerCase.percent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.Finding;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.Price;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

class Part003PartnerScheduleMissingTest {

    private final Part003PartnerScheduleMissing rule = new Part003PartnerScheduleMissing();

    @Test
    void aProspectivePartnerWithNoScheduleListedIsToBeRejected() {
        Finding f = new PartnerCase().partner("P03", PartnerStatus.PROSPECTIVE).run(rule).get(Subject.partner("P03"));
        assertEquals("PART-003", f.rule());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(Action.REJECT_PARTNER, f.action());
        assertTrue(f.title().contains("no fee schedule is listed"));
        assertEquals("partners.json", f.evidence().get(0).source());
    }

    @Test
    void anActivePartnerWhoseScheduleFailedIsToBeReviewedWithTheReason() {
        Finding f = new PartnerCase().partner("P04", PartnerStatus.ACTIVE).failedSchedule("P04", "HTTP 404")
                .run(rule).get(Subject.partner("P04"));
        assertEquals(Action.REVIEW, f.action());
        assertTrue(f.evidence().get(0).text().contains("HTTP 404"));
        assertEquals("p04-schedule-0", f.evidence().get(0).source());
    }

    @Test
    void aScheduleReadWithNoFeeItemIsNotReadable() {
        Finding f = new PartnerCase().partner("P05", PartnerStatus.ACTIVE).schedule("P05").run(rule)
                .get(Subject.partner("P05"));
        assertTrue(f.evidence().get(0).text().contains("no fee item"));
    }

    @Test
    void oneReadableScheduleIsEnoughEvenWhenAnotherFailed() {
        Map<Subject, Finding> findings = new PartnerCase().partner("P01", PartnerStatus.ACTIVE)
                .failedSchedule("P01", "connect timed out")
                .schedule("P01", "担保费", percent("0.8", Price.Period.PER_YEAR)).run(rule);
        assertTrue(findings.isEmpty());
    }

    @Test
    void aScheduleOwnedBySomeoneElseDoesNotCount() {
        Map<Subject, Finding> findings = new PartnerCase().partner("P01", PartnerStatus.ACTIVE)
                .partner("P02", PartnerStatus.ACTIVE)
                .schedule("P02", "平台服务费", percent("0.25", Price.Period.PER_MONTH)).run(rule);
        assertEquals(1, findings.size());
        assertTrue(findings.containsKey(Subject.partner("P01")));
    }
}
