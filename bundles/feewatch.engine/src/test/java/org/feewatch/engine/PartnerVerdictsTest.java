package org.feewatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.Finding;
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerType;
import org.feewatch.api.PartnerVerdict;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.Verdict;
import org.junit.jupiter.api.Test;

class PartnerVerdictsTest {

    private static Partner partner(String id, PartnerStatus status) {
        return new Partner(id, "name " + id, PartnerType.GUARANTEE, status, false);
    }

    private static Finding on(String partner, String rule, Severity s) {
        return new Finding(rule, s, Subject.partner(partner), "t", List.of(), Map.of(), List.of(),
                Action.TERMINATE_PARTNERSHIP);
    }

    private static Map<String, PartnerVerdict> verdicts(List<Partner> partners, List<Finding> findings) {
        return PartnerVerdicts.of(partners, findings).stream()
                .collect(java.util.stream.Collectors.toMap(PartnerVerdict::id, v -> v));
    }

    @Test
    void verdictsFollowTheRulesNotes() {
        List<Partner> partners = List.of(partner("P01", PartnerStatus.ACTIVE), partner("P02", PartnerStatus.ACTIVE),
                partner("P03", PartnerStatus.PROSPECTIVE), partner("P04", PartnerStatus.ACTIVE),
                partner("P05", PartnerStatus.PROSPECTIVE));
        List<Finding> findings = List.of(on("P02", "PART-004", Severity.HIGH), on("P02", "PART-001", Severity.CRITICAL),
                on("P02", "PART-001", Severity.CRITICAL), on("P03", "PART-003", Severity.HIGH),
                on("P04", "PART-003", Severity.HIGH),
                new Finding("FEE-001", Severity.CRITICAL, Subject.loan("P01"), "a loan that happens to be named P01",
                        List.of(), Map.of(), List.of(), Action.REFUND));
        Map<String, PartnerVerdict> v = verdicts(partners, findings);

        assertEquals(Verdict.APPROVE, v.get("P01").verdict());
        assertEquals(List.of(), v.get("P01").rules());
        assertEquals(Verdict.TERMINATE, v.get("P02").verdict());
        assertEquals(List.of("PART-001", "PART-004"), v.get("P02").rules());
        assertEquals(Verdict.REJECT, v.get("P03").verdict());
        assertEquals(Verdict.CONDITIONAL, v.get("P04").verdict());
        assertEquals(Verdict.APPROVE, v.get("P05").verdict());
        assertEquals(List.of("P01", "P02", "P03", "P04", "P05"),
                PartnerVerdicts.of(partners, findings).stream().map(PartnerVerdict::id).toList());
    }

    @Test
    void anActivePartnerWithTheMissingScheduleAndAnotherSeriousFindingIsTerminated() {
        Map<String, PartnerVerdict> v = verdicts(List.of(partner("P01", PartnerStatus.ACTIVE)),
                List.of(on("P01", "PART-003", Severity.HIGH), on("P01", "PART-002", Severity.HIGH)));
        assertEquals(Verdict.TERMINATE, v.get("P01").verdict());
        assertEquals(List.of("PART-002", "PART-003"), v.get("P01").rules());
    }

    @Test
    void onlyMediumOrLowFindingsGiveConditionalForBothStatuses() {
        Map<String, PartnerVerdict> v = verdicts(
                List.of(partner("P01", PartnerStatus.ACTIVE), partner("P02", PartnerStatus.PROSPECTIVE)),
                List.of(on("P01", "BJ-001", Severity.MEDIUM), on("P02", "BJ-001", Severity.LOW)));
        assertEquals(Verdict.CONDITIONAL, v.get("P01").verdict());
        assertEquals(Verdict.CONDITIONAL, v.get("P02").verdict());
    }

    @Test
    void infoFindingsAreNotBreaches() {
        Map<String, PartnerVerdict> v = verdicts(List.of(partner("P01", PartnerStatus.PROSPECTIVE)),
                List.of(on("P01", "PART-002", Severity.INFO)));
        assertEquals(Verdict.APPROVE, v.get("P01").verdict());
        assertEquals(List.of(), v.get("P01").rules());
    }
}
