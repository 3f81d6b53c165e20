package org.feewatch.engine;

import static org.feewatch.engine.Fixtures.ev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.feewatch.api.Action;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

class MergingFindingSinkTest {

    private static Finding finding(String rule, Severity s, Subject subject, String title, int line) {
        return new Finding(rule, s, subject, title, List.of(ev("loans.jsonl", "line " + line, "text " + line)),
                Map.of("line", String.valueOf(line)), List.of("依据A"), Action.REFUND);
    }

    @Test
    void findingsOfOneRuleAndSubjectBecomeOneWithAllEvidenceAndTheWorstSeverity() {
        MergingFindingSink sink = new MergingFindingSink(50);
        Subject p = Subject.partner("P01");
        sink.add(finding("PART-002", Severity.HIGH, p, "first", 10));
        sink.add(finding("PART-002", Severity.CRITICAL, p, "second", 2));
        sink.add(finding("PART-002", Severity.MEDIUM, p, "third", 10)); // same evidence as the first

        List<Finding> out = sink.findings();
        assertEquals(1, out.size());
        Finding f = out.get(0);
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals(List.of("line 2", "line 10"), f.evidence().stream().map(e -> e.locator()).toList());
        // title and metrics from the finding whose evidence comes first
        assertEquals("second", f.title());
        assertEquals("2", f.metrics().get("line"));
        assertEquals(List.of("依据A"), f.citations());
    }

    @Test
    void evidenceBeyondTheCapIsCountedNotKept() {
        MergingFindingSink sink = new MergingFindingSink(3);
        for (int i = 1; i <= 10; i++) {
            sink.add(finding("PART-004", Severity.HIGH, Subject.partner("P02"), "t", i));
        }
        Finding f = sink.findings().get(0);
        assertEquals(3, f.evidence().size());
        assertEquals(List.of("line 1", "line 2", "line 3"), f.evidence().stream().map(e -> e.locator()).toList());
        assertEquals("10", f.metrics().get(MergingFindingSink.EVIDENCE_COUNT));
    }

    @Test
    void aFindingWithinTheCapHasNoCountMetricAndKeepsItsOwnEvidenceOrder() {
        MergingFindingSink sink = new MergingFindingSink(5);
        sink.add(new Finding("DISC-001", Severity.HIGH, Subject.loan("L1"), "t",
                List.of(ev("loans.jsonl", "line 9", "b"), ev("bank-catalog", "tr:nth-child(2)", "a")), Map.of(),
                List.of(), Action.REFUND));
        Finding f = sink.findings().get(0);
        assertEquals(List.of("line 9", "tr:nth-child(2)"), f.evidence().stream().map(e -> e.locator()).toList());
        assertFalse(f.metrics().containsKey(MergingFindingSink.EVIDENCE_COUNT));
    }

    @Test
    void findingsAreOrderedByRuleThenSubjectIdWithNumbersAsNumbers() {
        MergingFindingSink sink = new MergingFindingSink(5);
        sink.add(finding("RATE-003", Severity.HIGH, Subject.loan("L10"), "t", 1));
        sink.add(finding("FEE-001", Severity.CRITICAL, Subject.loan("L2"), "t", 1));
        sink.add(finding("RATE-003", Severity.HIGH, Subject.loan("L9"), "t", 1));
        sink.add(finding("FEE-001", Severity.CRITICAL, Subject.feeItem("bank-catalog", "承诺费"), "t", 1));
        List<String> keys = sink.findings().stream().map(f -> f.rule() + "/" + f.subject().id()).toList();
        assertEquals(List.of("FEE-001/L2", "FEE-001/bank-catalog:承诺费", "RATE-003/L9", "RATE-003/L10"), keys);
    }

    @Test
    void theResultDoesNotDependOnTheOrderOrThreadsFindingsArriveFrom() throws Exception {
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            all.add(finding("PART-00" + (1 + i % 3), i % 7 == 0 ? Severity.CRITICAL : Severity.HIGH,
                    Subject.partner("P0" + (i % 5)), "title " + i, i));
        }
        MergingFindingSink sequential = new MergingFindingSink(20);
        all.forEach(sequential::add);

        List<Finding> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(7));
        MergingFindingSink concurrent = new MergingFindingSink(20);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        shuffled.forEach(f -> pool.submit(() -> concurrent.add(f)));
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);

        assertEquals(15, concurrent.size());
        assertEquals(sequential.findings(), concurrent.findings());
    }
}
