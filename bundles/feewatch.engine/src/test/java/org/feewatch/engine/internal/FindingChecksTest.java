package org.feewatch.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.feewatch.api.Action;
import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

class FindingChecksTest {

    @Test
    void ruleCodesAreCheckedExactlyAsTheSchemaPatternSays() {
        for (String code : List.of("FEE-001", "BJ-002", "ENGINE-001", "A-000", "FEE-01", "FEE-0001", "fee-001",
                "FEE001", "-001", "FEE-00a", "FEE-001\n", " FEE-001", "FEE--001", "FÉE-001", "", "F-1234")) {
            assertEquals(FindingChecks.RULE_CODE.matcher(code).matches(), FindingChecks.isRuleCode(code), code);
        }
        assertEquals(false, FindingChecks.isRuleCode(null));
    }

    @Test
    void sha256IsSixtyFourLowerCaseHexDigits() {
        String ok = "0123456789abcdef".repeat(4);
        for (String s : List.of(ok, ok.toUpperCase(), ok.substring(1), ok + "0", ok.replace('a', 'g'), "")) {
            assertEquals(FindingChecks.SHA256.matcher(s).matches(), FindingChecks.isSha256(s), s);
        }
    }

    @Test
    void aDigestAcceptedOnceIsStillCheckedAsTheSchemaSaysAfterwards() {
        String ok = "0123456789abcdef".repeat(4);
        for (int round = 0; round < 2; round++) {
            for (String s : List.of(ok, ok.toUpperCase(), ok, ok.replace('a', 'g'), new String(ok))) {
                assertEquals(FindingChecks.SHA256.matcher(s).matches(), FindingChecks.isSha256(s), s);
            }
        }
    }

    @Test
    void aMetricWithoutNameOrValueMakesTheFindingUnusableAndOthersDoNot() {
        for (String[] metric : new String[][] {{"apr", "5.1"}, {null, "5.1"}, {"apr", null}}) {
            java.util.Map<String, String> metrics = new java.util.LinkedHashMap<>();
            metrics.put("amount", "550.00");
            metrics.put(metric[0], metric[1]);
            Finding f = new Finding("FEE-001", Severity.HIGH, Subject.loan("L1"), "title",
                    List.of(new Evidence("loans.jsonl", "line 1", "text", "0123456789abcdef".repeat(4))), metrics,
                    List.of("citation"), Action.REFUND);
            assertEquals(metric[0] == null || metric[1] == null
                    ? "a finding with a metric that has no name or no value" : null, FindingChecks.problem(f));
        }
        Finding none = new Finding("FEE-001", Severity.HIGH, Subject.loan("L1"), "title", List.of(), null, null,
                Action.REFUND);
        assertEquals(null, FindingChecks.problem(none));
    }
}
