package org.feewatch.engine;

import static org.feewatch.engine.Fixtures.NOMINAL_APR;
import static org.feewatch.engine.Fixtures.info;
import static org.feewatch.engine.Fixtures.pack;
import static org.feewatch.engine.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.feewatch.api.Loan;
import org.feewatch.api.LoanMetrics;
import org.feewatch.api.Report;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.SubjectType;
import org.feewatch.api.spi.DetailRows;
import org.feewatch.api.spi.Rule;
import org.junit.jupiter.api.Test;

/** A detail consumer that takes its rows rendered by the judging threads, batch by batch. */
class DetailRowsTest {

    /** Keeps the rows it is given, as objects, and which threads filled its batches. */
    private static class Recorded implements DetailRows {
        final List<LoanMetrics> rows = new ArrayList<>();
        final Set<String> fillers = ConcurrentHashMap.newKeySet();
        int accepted;

        @Override
        public void accept(LoanMetrics m) {
            accepted++;
            rows.add(m);
        }

        @Override
        public Batch newBatch() {
            return new Rows();
        }

        @Override
        public void write(Batch batch) {
            rows.addAll(((Rows) batch).mine);
        }

        private final class Rows implements Batch {
            final List<LoanMetrics> mine = new ArrayList<>();

            @Override
            public void add(String loanId, BigDecimal lpr1y, BigDecimal nominalRate, double apr, double aprEffective,
                    double aprBankOnly, List<String> rules) {
                fillers.add(Thread.currentThread().getName());
                mine.add(new LoanMetrics(loanId, lpr1y, nominalRate, known(apr), known(aprEffective), known(aprBankOnly),
                        rules));
            }

            @Override
            public int size() {
                return mine.size();
            }
        }

        private static Double known(double d) {
            return Double.isFinite(d) ? d : null;
        }
    }

    private static AuditOptions.Builder options() {
        return AuditOptions.builder().engineVersion("test");
    }

    @Test
    void rowsRenderedByTheJudgingThreadsAreTheRowsAPlainConsumerGetsInBookOrder() {
        List<List<Loan>> batches = Fixtures.book(5_000, 37);
        // slow on some loans, so that batches finish out of order
        Rule slow = rule(info("RATE-004", Severity.HIGH, SubjectType.LOAN), (loan, sink) -> {
            if (loan.loan().line() % 370 == 1) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, null);
        List<Rule> rules = List.of(Fixtures.aprAbove("RATE-003", 6.0), slow);
        List<LoanMetrics> plain = Collections.synchronizedList(new ArrayList<>());
        AuditEngine.audit(AuditEngineTest.input(AuditEngineTest.bookOf(batches)),
                List.of(pack("national", "CN", rules)), NOMINAL_APR,
                options().workerThreads(2).detail(plain::add).build());
        Recorded rendered = new Recorded();
        Report r = AuditEngine.audit(AuditEngineTest.input(AuditEngineTest.bookOf(batches)),
                List.of(pack("national", "CN", rules)), NOMINAL_APR,
                options().workerThreads(2).detail(rendered).build());

        assertEquals(5_000, rendered.rows.size());
        assertEquals(plain, rendered.rows);
        assertEquals(0, rendered.accepted, "every row came in a batch");
        assertTrue(rendered.fillers.stream().allMatch(n -> n.startsWith("feewatch-loans-")), rendered.fillers.toString());
        assertEquals(List.of("RATE-003"), rendered.rows.get(9).rules());
        assertEquals(500, r.byRule().get("RATE-003"));
    }

    @Test
    void theRowOfALoanARuleHungOnIsInItsBatchWithTheRulesBrokenBefore() {
        CountDownLatch never = new CountDownLatch(1);
        RuleInfo hi = info("FEE-003", Severity.HIGH, SubjectType.LOAN);
        Rule hanging = rule(hi, (loan, sink) -> {
            if (loan.loan().id().equals("L00040")) {
                while (never.getCount() > 0) {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        // keeps hanging, like a rule caught in a loop
                    }
                }
            }
        }, null);
        Recorded rendered = new Recorded();
        try {
            AuditEngine.audit(AuditEngineTest.input(AuditEngineTest.bookOf(Fixtures.book(200, 20))),
                    List.of(pack("national", "CN", List.of(Fixtures.aprAbove("RATE-003", 6.0), hanging))),
                    NOMINAL_APR, options().workerThreads(2).loanTimeout(Duration.ofMillis(300)).detail(rendered).build());
            assertEquals(200, rendered.rows.size());
            for (int i = 0; i < rendered.rows.size(); i++) {
                assertEquals(String.format("L%05d", i + 1), rendered.rows.get(i).loanId());
            }
            assertEquals(List.of("RATE-003"), rendered.rows.get(39).rules());
        } finally {
            never.countDown();
        }
    }

    @Test
    void aLoanWithoutAnAprHasAnEmptyAprInItsRenderedRow() {
        Recorded rendered = new Recorded();
        AuditEngine.audit(AuditEngineTest.input(AuditEngineTest.bookOf(
                List.of(List.of(Fixtures.loan("L1", 1, "4.00"), Fixtures.loan("L2", 2, "-1"))))),
                List.of(), NOMINAL_APR, options().detail(rendered).build());
        assertNull(rendered.rows.get(1).apr());
        assertEquals(4.0, rendered.rows.get(0).apr());
    }

    @Test
    void aBatchThatFailsToRenderStopsTheAuditWithItsError() {
        IllegalStateException boom = new IllegalStateException("no room for the row");
        DetailRows failing = new Recorded() {
            @Override
            public Batch newBatch() {
                return new Batch() {
                    @Override
                    public void add(String loanId, BigDecimal lpr1y, BigDecimal nominalRate, double apr,
                            double aprEffective, double aprBankOnly, List<String> rules) {
                        throw boom;
                    }

                    @Override
                    public int size() {
                        return 0;
                    }
                };
            }

            @Override
            public void write(Batch batch) {
                // nothing was rendered
            }
        };
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> AuditEngine.audit(AuditEngineTest.input(AuditEngineTest.bookOf(Fixtures.book(10_000, 10))),
                        List.of(), NOMINAL_APR, options().workerThreads(2).batchesInFlight(2).detail(failing).build()));
        assertSame(boom, thrown);
    }
}
