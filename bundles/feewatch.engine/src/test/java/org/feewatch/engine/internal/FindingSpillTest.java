package org.feewatch.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

class FindingSpillTest {

    private static Finding finding(String rule, int i) {
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("apr", i + ".5");
        metrics.put("名称", "服务费");
        String longText = i % 1000 == 0 ? "长".repeat(70_000) : "贷款 L" + i + " 的费用";
        return new Finding(rule, i % 2 == 0 ? Severity.HIGH : Severity.MEDIUM, Subject.loan("L" + i), "title " + i,
                List.of(new Evidence("loans.jsonl", i % 3 == 0 ? null : "line " + i, longText,
                        i % 5 == 0 ? "ab".repeat(32) : null)),
                metrics, List.of("银保监办发〔2023〕42号 第三条", "c" + (i % 7)), i % 4 == 0 ? null : Action.REFUND);
    }

    @Test
    void findingsComeBackAsWrittenRuleByRuleInTheOrderWrittenAsOftenAsAsked() {
        List<Finding> a = new ArrayList<>();
        List<Finding> b = new ArrayList<>();
        try (FindingSpill spill = new FindingSpill()) {
            for (int i = 0; i < 6_000; i++) {
                Finding f = finding(i % 3 == 0 ? "FEE-001" : "RATE-003", i);
                (f.rule().equals("FEE-001") ? a : b).add(f);
                spill.write(f);
            }
            spill.finishWriting();
            assertEquals(List.of("FEE-001", "RATE-003"), spill.rules());
            assertEquals(6_000, spill.total());
            assertEquals(Map.of("FEE-001", 2_000, "RATE-003", 4_000), spill.byRule());
            assertEquals(3_000, spill.count(Severity.HIGH));
            assertEquals(a, spill.readAll("FEE-001"));
            assertEquals(b, spill.readAll("RATE-003"));
            assertEquals(b, spill.readAll("RATE-003"));
            assertEquals(List.of(), spill.readAll("PART-001"));
        }
    }
}
