package org.feewatch.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

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
}
