package org.feewatch.engine;

import static org.feewatch.engine.Fixtures.NOMINAL_APR;
import static org.feewatch.engine.Fixtures.caseInfo;
import static org.feewatch.engine.Fixtures.info;
import static org.feewatch.engine.Fixtures.pack;
import static org.feewatch.engine.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.feewatch.api.Finding;
import org.feewatch.api.Loan;
import org.feewatch.api.Policy;
import org.feewatch.api.Report;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.SubjectType;
import org.feewatch.api.spi.Rule;
import org.junit.jupiter.api.Test;

/** A rule that never returns from one loan is cut off and reported; every loan is still judged. */
class LoanRuleTimeLimitTest {

    @Test
    void aRuleStuckOnOneLoanIsReportedAndTheOtherRulesJudgeEveryLoan() {
        CountDownLatch release = new CountDownLatch(1);
        // batches of 7: L00040 (a 9 % loan) is the fifth of its batch, so the rule after the stuck
        // one must still judge it, and the two loans after it must still be judged
        List<List<Loan>> batches = Fixtures.book(210, 7);
        String stuckOn = "L00040";
        // stuck on one loan, ignoring interruption as a careless rule would, until the test ends
        Rule stuck = rule(info("ZZ-001", Severity.HIGH, SubjectType.LOAN), (loan, sink) -> {
            if (loan.loan().id().equals(stuckOn)) {
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException ignored) {
                        // deliberately ignored
                    }
                }
            }
        }, null);
        List<String> detailIds = Collections.synchronizedList(new ArrayList<>());
        try {
            AuditInput input = AuditInput.builder(caseInfo("CN", Policy.EMPTY)).loanBook(listener -> {
                for (int i = 0; i < batches.size(); i++) {
                    listener.onLoans(i, batches.get(i));
                }
            }).build();
            Report r = AuditEngine.audit(input,
                    List.of(pack("national", "CN", List.of(Fixtures.aprAbove("RATE-003", 6.0), stuck,
                            Fixtures.aprAbove("RATE-004", 6.0)))),
                    NOMINAL_APR, AuditOptions.builder().workerThreads(2).batchesInFlight(3)
                            .finishTimeout(Duration.ofMillis(300)).detail(row -> detailIds.add(row.loanId())).build());

            List<Finding> reported = r.findings().stream().filter(f -> f.rule().equals("ZZ-001")).toList();
            assertEquals(1, reported.size(), r.findings().toString());
            assertEquals(Severity.INFO, reported.get(0).severity());
            assertEquals(Subject.source("national"), reported.get(0).subject());
            assertEquals("it did not finish judging loan " + stuckOn + " within 300 ms",
                    reported.get(0).evidence().get(0).text());
            // the rules before and after the stuck one judged every loan, including the stuck loan
            assertEquals(21, r.byRule().get("RATE-003"));
            assertEquals(21, r.byRule().get("RATE-004"));
            assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("RATE-004")
                    && f.subject().equals(Subject.loan(stuckOn))), "RATE-004 judged the loan ZZ-001 was stuck on");
            assertEquals(210, r.loans().accepted());
            List<String> bookOrder = batches.stream().flatMap(List::stream).map(Loan::id).toList();
            assertEquals(bookOrder, detailIds, "every loan has its detail row, in book order");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aSlowButFinishingRuleIsNotCutOff() {
        Rule slow = rule(info("ZZ-002", Severity.HIGH, SubjectType.LOAN), (loan, sink) -> Thread.onSpinWait(), null);
        AuditInput input = AuditInput.builder(caseInfo("CN", Policy.EMPTY)).loanBook(listener -> {
            List<List<Loan>> batches = Fixtures.book(50, 10);
            for (int i = 0; i < batches.size(); i++) {
                listener.onLoans(i, batches.get(i));
            }
        }).build();
        Report r = AuditEngine.audit(input, List.of(pack("national", "CN", List.of(slow))), NOMINAL_APR,
                AuditOptions.builder().workerThreads(2).build());
        assertTrue(r.findings().stream().noneMatch(f -> f.rule().equals("ZZ-002")), r.findings().toString());
    }
}
