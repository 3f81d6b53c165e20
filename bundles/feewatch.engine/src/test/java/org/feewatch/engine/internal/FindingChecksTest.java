package org.feewatch.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

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
    void findingsWithANullMetricOrABadDigestAreRefused() {
        String digest = "0123456789abcdef".repeat(4);
        assertEquals(null, FindingChecks.problem(finding(Map.of("amount", "1.00"), digest)));
        assertEquals(null, FindingChecks.problem(finding(Map.of(), digest)), "the same digest again");
        assertEquals(null, FindingChecks.problem(finding(null, null)));
        Map<String, String> nullValue = new java.util.LinkedHashMap<>();
        nullValue.put("amount", null);
        Map<String, String> nullName = new java.util.LinkedHashMap<>();
        nullName.put(null, "1");
        String metric = "a finding with a metric that has no name or no value";
        assertEquals(metric, FindingChecks.problem(finding(nullValue, digest)));
        assertEquals(metric, FindingChecks.problem(finding(nullName, null)));
        assertEquals("a finding with evidence whose sha256 is not 64 lower-case hex digits",
                FindingChecks.problem(finding(Map.of(), digest.toUpperCase())));
    }

    private static org.feewatch.api.Finding finding(Map<String, String> metrics, String sha256) {
        return new org.feewatch.api.Finding("FEE-003", org.feewatch.api.Severity.HIGH,
                org.feewatch.api.Subject.loan("L1"), "title",
                List.of(new org.feewatch.api.Evidence("loans.jsonl", "line 1", "text", sha256)), metrics, List.of(),
                org.feewatch.api.Action.REVIEW);
    }
}
