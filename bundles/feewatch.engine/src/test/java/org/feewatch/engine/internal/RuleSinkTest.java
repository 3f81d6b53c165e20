package org.feewatch.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

/** The loan-phase sink: loans that break nothing take no lock, and nothing of one loan leaks into the next. */
class RuleSinkTest {

    @Test
    void eachLoanGetsItsOwnRulesAndFindingsWhetherItBreaksAnythingOrNot() {
        List<Finding> elsewhere = new ArrayList<>();
        RuleSink sink = new RuleSink(elsewhere::add, 50);

        sink.startLoan("L1");
        assertEquals(List.of(), sink.endLoan());
        assertEquals(List.of(), sink.takeKeptByOwner());

        sink.startLoan("L2");
        sink.add(finding("RATE-004", Severity.HIGH, Subject.loan("L2")));
        sink.add(finding("FEE-001", Severity.MEDIUM, Subject.loan("L2")));
        sink.add(finding("RATE-002", Severity.INFO, Subject.loan("L2")));
        sink.add(finding("PART-002", Severity.HIGH, Subject.partner("P01")));
        assertEquals(List.of("FEE-001", "RATE-004"), sink.loanRulesSoFar());
        assertEquals(List.of("FEE-001", "RATE-004"), sink.endLoan());

        sink.startLoan("L3");
        assertEquals(List.of(), sink.endLoan(), "the loan before's rules are not this one's");

        List<Finding> kept = sink.takeKeptByOwner();
        assertEquals(List.of("RATE-004", "FEE-001", "RATE-002"), kept.stream().map(Finding::rule).toList());
        assertEquals(List.of("PART-002"), elsewhere.stream().map(Finding::rule).toList());
        assertEquals(List.of(), sink.takeKeptByOwner());

        // a loan cut short (no endLoan) leaves nothing behind for the next
        sink.startLoan("L4");
        sink.add(finding("FEE-002", Severity.HIGH, Subject.loan("L4")));
        sink.startLoan("L5");
        assertEquals(List.of(), sink.loanRulesSoFar());
        assertEquals(List.of(), sink.endLoan());
        assertEquals(List.of(), sink.takeKept());
    }

    @Test
    void twoFindingsOfOneRuleOnALoanAreMerged() {
        RuleSink sink = new RuleSink(f -> { }, 50);
        sink.startLoan("L1");
        sink.add(finding("FEE-003", Severity.MEDIUM, Subject.loan("L1")));
        sink.add(finding("FEE-003", Severity.HIGH, Subject.loan("L1")));
        assertEquals(List.of("FEE-003"), sink.endLoan());
        List<Finding> kept = sink.takeKeptByOwner();
        assertEquals(1, kept.size());
        assertEquals(Severity.HIGH, kept.get(0).severity());
    }

    private static Finding finding(String rule, Severity severity, Subject subject) {
        return new Finding(rule, severity, subject, rule + " on " + subject.id(),
                List.of(new Evidence("loans.jsonl", "line 1", "text", null)), Map.of(), List.of(), Action.REVIEW);
    }
}
