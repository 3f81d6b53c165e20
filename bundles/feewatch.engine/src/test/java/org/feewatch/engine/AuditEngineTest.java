package org.feewatch.engine;

import static org.feewatch.engine.Fixtures.NOMINAL_APR;
import static org.feewatch.engine.Fixtures.caseInfo;
import static org.feewatch.engine.Fixtures.info;
import static org.feewatch.engine.Fixtures.pack;
import static org.feewatch.engine.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.feewatch.api.Action;
import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.InputIssue;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.LoanMetrics;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerType;
import org.feewatch.api.Policy;
import org.feewatch.api.Report;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.SubjectType;
import org.feewatch.api.Verdict;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.LoanTrait;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.api.spi.RulePack;
import org.junit.jupiter.api.Test;

class AuditEngineTest {

    private static final Policy NATIONAL = new Policy(300, new BigDecimal("1.0"), new BigDecimal("1.0"),
            new BigDecimal("0.10"));

    private static AuditOptions.Builder options() {
        return AuditOptions.builder().workerThreads(4).engineVersion("9.9.9")
                .clock(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    }

    static LoanBookSource bookOf(List<List<Loan>> batches) {
        return listener -> {
            for (int i = 0; i < batches.size(); i++) {
                listener.onLoans(i, batches.get(i));
            }
        };
    }

    static AuditInput input(LoanBookSource book) {
        return input("CN", book);
    }

    /** A case of {@code region}: a region without its pack also gets the engine's "pack missing" info finding. */
    private static AuditInput input(String region, LoanBookSource book) {
        return AuditInput.builder(caseInfo(region, Policy.EMPTY)).nationalDefaults(NATIONAL).loanBook(book).build();
    }

    @Test
    void detailRowsComeInBookOrderWithTheRulesEachLoanBrokeWhateverThreadJudgedThem() {
        List<List<Loan>> batches = Fixtures.book(5_000, 37);
        // a rule that is slow on some batches, so that threads finish out of order
        RuleInfo slowInfo = info("RATE-004", Severity.HIGH, SubjectType.LOAN);
        Rule slow = rule(slowInfo, (loan, sink) -> {
            if (loan.loan().line() % 370 == 1) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, null);
        List<LoanMetrics> rows = Collections.synchronizedList(new ArrayList<>());
        Report report = AuditEngine.audit(input(bookOf(batches)),
                List.of(pack("national", "CN", List.of(Fixtures.aprAbove("RATE-003", 6.0), slow))), NOMINAL_APR,
                options().detail(rows::add).build());

        assertEquals(5_000, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(String.format("L%05d", i + 1), rows.get(i).loanId());
        }
        assertEquals(List.of("RATE-003"), rows.get(9).rules());
        assertEquals(List.of(), rows.get(0).rules());
        assertEquals(9.0, rows.get(9).apr());
        assertEquals(new BigDecimal("3.65"), rows.get(0).lpr1y());
        assertEquals(new BigDecimal("4.50"), rows.get(0).nominalRate());
        assertEquals(500, report.byRule().get("RATE-003"));
        assertEquals(Map.of("high", 500), report.bySeverity());
        assertEquals(5_000, report.loans().accepted());
        assertEquals("L00010", report.findings().get(0).subject().id());
    }

    @Test
    void theReaderNeverGetsMoreThanTheInFlightBoundAhead() {
        List<List<Loan>> batches = Fixtures.book(2_000, 10);
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger emittedBatches = new AtomicInteger();
        AtomicInteger worstLead = new AtomicInteger();
        AtomicInteger rowsSeen = new AtomicInteger();
        LoanBookSource book = listener -> {
            for (int i = 0; i < batches.size(); i++) {
                listener.onLoans(i, batches.get(i));
                int lead = delivered.incrementAndGet() - emittedBatches.get();
                worstLead.accumulateAndGet(lead, Math::max);
            }
        };
        AuditEngine.audit(input(book), List.of(pack("national", "CN", List.of(Fixtures.aprAbove("RATE-003", 6.0)))),
                NOMINAL_APR, options().workerThreads(2).batchesInFlight(3).detail(row -> {
                    if (rowsSeen.incrementAndGet() % 10 == 0) {
                        emittedBatches.incrementAndGet();
                    }
                }).build());
        assertEquals(2_000, rowsSeen.get());
        assertTrue(worstLead.get() <= 3, "reader was " + worstLead.get() + " batches ahead");
    }

    @Test
    void countsReadAcceptedRejectedAndTheReadersWarnings() {
        LoanBookSource book = listener -> {
            listener.onLoans(0, List.of(Fixtures.loan("L1", 1, "4.00"), Fixtures.loan("L2", 2, "4.00")));
            listener.onRejected(InputIssue.at("loans.jsonl", 3, "principal is negative"));
            listener.onWarning(InputIssue.at("loans.jsonl", 2, "unknown field \"colour\""));
            listener.onLoans(1, List.of(Fixtures.loan("L4", 4, "4.00")));
        };
        Report r = AuditEngine.audit(input(book), List.of(), NOMINAL_APR, options().build());
        assertEquals(4, r.loans().read());
        assertEquals(3, r.loans().accepted());
        assertEquals(1, r.loans().rejected());
        assertEquals(List.of(InputIssue.at("loans.jsonl", 3, "principal is negative")), r.loans().errors());
        assertTrue(r.warnings().contains(InputIssue.at("loans.jsonl", 2, "unknown field \"colour\"")));
    }

    @Test
    void aCaseWithoutABookHasNoLoanCountsAndRulesSeeNoBook() {
        AtomicReference<Boolean> seen = new AtomicReference<>();
        Rule probe = new Rule() {
            @Override
            public RuleInfo info() {
                return Fixtures.info("RATE-005", Severity.HIGH, SubjectType.PORTFOLIO);
            }

            @Override
            public RuleEvaluation start(AuditContext context) {
                seen.set(context.hasLoanBook());
                return new RuleEvaluation() {
                };
            }
        };
        Report r = AuditEngine.audit(input(null), List.of(pack("national", "CN", List.of(probe))), NOMINAL_APR,
                options().build());
        assertEquals(0, r.loans().read());
        assertFalse(seen.get());
    }

    @Test
    void aLoanWithoutAnAprIsAWarningNamingItAndItsRowHasNoApr() {
        List<LoanMetrics> rows = new ArrayList<>();
        LoanBookSource book = bookOf(List.of(List.of(Fixtures.loan("L1", 1, "4.00"), Fixtures.loan("L2", 2, "-1"))));
        Report r = AuditEngine.audit(input(book),
                List.of(pack("national", "CN", List.of(Fixtures.aprAbove("RATE-003", 6.0)))), NOMINAL_APR,
                options().detail(rows::add).build());
        InputIssue w = r.warnings().stream().filter(i -> i.message().contains("L2")).findFirst().orElseThrow();
        assertEquals("loans.jsonl", w.file());
        assertEquals(2L, w.line());
        assertTrue(w.message().contains("has no annual percentage rate: no rate of return solves its cash flows"), w.message());
        assertNull(rows.get(1).apr());
        assertEquals(4.0, rows.get(0).apr());
        assertEquals(List.of(), r.findings());
    }

    @Test
    void aRuleThatThrowsIsReportedOnceAndTheAuditCompletes() {
        RuleInfo brokenInfo = info("FEE-002", Severity.HIGH, SubjectType.LOAN);
        Rule broken = rule(brokenInfo, (loan, sink) -> {
            throw new IllegalStateException("fee table missing");
        }, null);
        Report r = AuditEngine.audit(input(bookOf(Fixtures.book(100, 10))),
                List.of(pack("national", "CN", List.of(broken, Fixtures.aprAbove("RATE-003", 6.0)))), NOMINAL_APR,
                options().build());
        List<Finding> info = r.findings().stream().filter(f -> f.severity() == Severity.INFO).toList();
        assertEquals(1, info.size());
        Finding f = info.get(0);
        assertEquals("FEE-002", f.rule());
        assertEquals(Subject.source("national"), f.subject());
        assertTrue(f.title().contains("FEE-002") && f.title().contains("national 1.0.0"), f.title());
        assertTrue(f.evidence().get(0).text().contains("fee table missing"), f.evidence().get(0).text());
        assertFalse(f.evidence().get(0).text().contains("IllegalStateException"));
        assertEquals(Action.REVIEW, f.action());
        assertEquals(10, r.byRule().get("RATE-003"));
    }

    @Test
    void aRuleIsAskedOnlyAboutTheLoansThatHaveTheTraitsItNeeds() {
        List<Loan> loans = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            Loan plain = Fixtures.loan(String.format("L%02d", i), i, "4.00");
            // every other loan is a medium borrower's; every third pays a fee: a micro borrower to the bank, a
            // medium one to a partner
            List<LoanFee> fees = i % 3 != 0 ? List.of()
                    : List.of(new LoanFee(i % 2 == 1 ? "BANK-A" : "P01", "担保费", new BigDecimal("100"), FeeTiming.UPFRONT));
            loans.add(new Loan(plain.id(), new Borrower("B" + i, i % 2 == 0 ? BorrowerType.MEDIUM : BorrowerType.MICRO,
                    null), plain.product(), null, plain.principal(), plain.contractDate(), plain.maturityDate(),
                    plain.rate(), plain.repayment(), false, BigDecimal.ZERO, List.of(), fees, plain.file(), plain.line()));
        }
        Map<String, List<String>> seen = new java.util.concurrent.ConcurrentHashMap<>();
        List<Rule> rules = new ArrayList<>();
        String[][] codes = {{"FEE-001", "BANK_FEES,SMALL_OR_MICRO"}, {"PART-002", "PARTNER_FEES"}, {"RATE-003", "SMALL_OR_MICRO"},
                {"RATE-004", ""}};
        for (String[] c : codes) {
            RuleInfo ri = info(c[0], Severity.HIGH, SubjectType.LOAN);
            java.util.Set<LoanTrait> traits = c[1].isEmpty() ? java.util.Set.of()
                    : java.util.Arrays.stream(c[1].split(",")).map(LoanTrait::valueOf).collect(java.util.stream.Collectors.toSet());
            rules.add(new Rule() {
                @Override
                public RuleInfo info() {
                    return ri;
                }

                @Override
                public RuleEvaluation start(AuditContext context) {
                    return new RuleEvaluation() {
                        @Override
                        public java.util.Set<LoanTrait> onlyLoansWith() {
                            return traits;
                        }

                        @Override
                        public void onLoan(org.feewatch.api.spi.LoanFacts loan, org.feewatch.api.spi.FindingSink findings) {
                            seen.computeIfAbsent(ri.code(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                                    .add(loan.loan().id());
                        }
                    };
                }
            });
        }
        AuditEngine.audit(input(bookOf(List.of(loans.subList(0, 17), loans.subList(17, 40)))),
                List.of(pack("national", "CN", rules)), NOMINAL_APR, options().build());

        assertEquals(List.of("L03", "L09", "L15", "L21", "L27", "L33", "L39"), sorted(seen.get("FEE-001")));
        assertEquals(List.of("L06", "L12", "L18", "L24", "L30", "L36"), sorted(seen.get("PART-002")));
        assertEquals(20, seen.get("RATE-003").size());
        assertTrue(seen.get("RATE-003").stream().allMatch(id -> Integer.parseInt(id.substring(1)) % 2 == 1));
        assertEquals(40, seen.get("RATE-004").size());
    }

    @Test
    void theBanksOtherNamesForItselfAreItsIdForEveryRuleAndEachIsOneWarningAtItsFirstLine() {
        // many batches on several threads: each payee form counted once per fee, at its earliest line
        List<List<Loan>> batches = new ArrayList<>();
        List<Loan> batch = new ArrayList<>();
        for (int i = 1; i <= 600; i++) {
            Loan plain = Fixtures.loan(String.format("L%03d", i), i, "4.00");
            String payee = i % 3 == 0 ? "本行" : i % 5 == 0 ? "bank-a" : i % 7 == 0 ? "P09" : "BANK-A";
            batch.add(new Loan(plain.id(), plain.borrower(), plain.product(), null, plain.principal(),
                    plain.contractDate(), plain.maturityDate(), plain.rate(), plain.repayment(), false, BigDecimal.ZERO,
                    List.of(), List.of(new LoanFee(payee, "担保费", new BigDecimal("100"), FeeTiming.UPFRONT)),
                    plain.file(), plain.line()));
            if (batch.size() == 25) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        Map<String, String> payeeSeen = new java.util.concurrent.ConcurrentHashMap<>();
        RuleInfo ri = info("FEE-001", Severity.HIGH, SubjectType.LOAN);
        Rule recording = rule(ri, (loan, sink) -> payeeSeen.put(loan.loan().id(), loan.loan().fees().get(0).payee()),
                null);
        Report r = AuditEngine.audit(input(bookOf(batches)), List.of(pack("national", "CN", List.of(recording))),
                NOMINAL_APR, options().build());

        assertEquals(600, payeeSeen.size());
        assertEquals("BANK-A", payeeSeen.get("L003"));
        assertEquals("BANK-A", payeeSeen.get("L005"));
        assertEquals("P09", payeeSeen.get("L007"));
        List<InputIssue> payeeWarnings = r.warnings().stream().filter(w -> w.message().startsWith("fee payee")).toList();
        assertEquals(List.of(
                new InputIssue("loans.jsonl", 3L, "fee payee \"本行\" taken as the institution BANK-A (200 fees); "
                        + "write its id BANK-A in the book"),
                new InputIssue("loans.jsonl", 5L, "fee payee \"bank-a\" taken as the institution BANK-A (80 fees); "
                        + "write its id BANK-A in the book"),
                new InputIssue("loans.jsonl", 7L, "fee payee \"P09\" is neither the institution BANK-A nor a partner in "
                        + "partners.json (45 fees); it is taken as a third party")), payeeWarnings);
    }

    private static List<String> sorted(List<String> ids) {
        List<String> out = new ArrayList<>(ids);
        out.sort(null);
        return out;
    }

    @Test
    void garbageFindingsAreDroppedAndReportedWhileTheRuleGoesOn() {
        RuleInfo gi = info("DISC-002", Severity.MEDIUM, SubjectType.FEE_ITEM);
        Rule garbage = rule(gi, null, sink -> {
            sink.add(null);
            sink.add(new Finding("bad code", Severity.HIGH, Subject.source("s"), "t", null, null, null, Action.REVIEW));
            sink.add(new Finding("DISC-002", Severity.HIGH, Subject.source("s"), " ", null, null, null, Action.REVIEW));
            sink.add(new Finding("DISC-002", null, Subject.source("s"), "t", null, null, null, Action.REVIEW));
            sink.add(new Finding("DISC-002", Severity.MEDIUM, Subject.feeItem("cat", "x"), "good", null, null, null,
                    Action.FIX_DISCLOSURE));
        });
        Report r = AuditEngine.audit(input(null), List.of(pack("national", "CN", List.of(garbage))), NOMINAL_APR,
                options().build());
        assertEquals(2, r.findings().size());
        Finding good = r.findings().stream().filter(f -> f.severity() == Severity.MEDIUM).findFirst().orElseThrow();
        assertEquals("good", good.title());
        Finding info = r.findings().stream().filter(f -> f.severity() == Severity.INFO).findFirst().orElseThrow();
        assertEquals(Subject.source("national"), info.subject());
        assertEquals(4, info.evidence().size());
    }

    @Test
    void aRuleWithoutEvaluationOrCatalogueEntryIsReportedAndSkipped() {
        Rule noEvaluation = new Rule() {
            @Override
            public RuleInfo info() {
                return Fixtures.info("DISC-003", Severity.MEDIUM, SubjectType.PRODUCT);
            }

            @Override
            public RuleEvaluation start(AuditContext context) {
                return null;
            }
        };
        Rule noInfo = new Rule() {
            @Override
            public RuleInfo info() {
                return null;
            }

            @Override
            public RuleEvaluation start(AuditContext context) {
                throw new AssertionError("must not start");
            }
        };
        Report r = AuditEngine.audit(input(bookOf(Fixtures.book(10, 5))),
                List.of(pack("national", "CN", List.of(noEvaluation, noInfo))), NOMINAL_APR, options().build());
        assertEquals(List.of("DISC-003", "ENGINE-001"), r.findings().stream().map(Finding::rule).toList());
        assertTrue(r.findings().get(0).evidence().get(0).text().contains("returned nothing to evaluate"));
        assertTrue(r.findings().get(1).evidence().get(0).text().contains("it has no catalogue entry"));
        assertEquals(10, r.loans().accepted());
    }

    @Test
    void aRuleStuckInFinishIsCutOffAndReported() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        RuleInfo hi = info("RATE-005", Severity.HIGH, SubjectType.PORTFOLIO);
        Rule hanging = rule(hi, null, sink -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                // cut off: add a finding that must be dropped
                sink.add(hi, Subject.portfolio("2023Q1"), "late", List.of(), Map.of());
            }
        });
        RuleInfo oi = info("PART-003", Severity.HIGH, SubjectType.PARTNER);
        Rule fine = rule(oi, null, sink -> sink.add(oi, Subject.partner("P01"), "no schedule", List.of(), Map.of()));
        Report r = AuditEngine.audit(input(null), List.of(pack("national", "CN", List.of(hanging, fine))), NOMINAL_APR,
                options().finishTimeout(Duration.ofMillis(300)).build());
        Thread.sleep(50);
        assertEquals(List.of("PART-003", "RATE-005"), r.findings().stream().map(Finding::rule).toList());
        Finding cut = r.findings().get(1);
        assertEquals(Severity.INFO, cut.severity());
        assertTrue(cut.evidence().get(0).text().contains("did not finish within 300 ms"), cut.evidence().get(0).text());
    }

    @Test
    void aRuleStuckOnALoanIsSwitchedOffAndTheBookGoesOnInOrder() {
        CountDownLatch never = new CountDownLatch(1);
        RuleInfo hi = info("FEE-003", Severity.HIGH, SubjectType.LOAN);
        Rule hanging = rule(hi, (loan, sink) -> {
            if (loan.loan().id().equals("L00040")) {
                // ignores interrupts, like a rule caught in a loop
                while (never.getCount() > 0) {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        // keep hanging
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        Thread.interrupted();
                    }
                }
            }
        }, null);
        List<LoanMetrics> rows = Collections.synchronizedList(new ArrayList<>());
        try {
            Report r = AuditEngine.audit(input(bookOf(Fixtures.book(200, 20))),
                    List.of(pack("national", "CN", List.of(Fixtures.aprAbove("RATE-003", 6.0), hanging))),
                    NOMINAL_APR, options().workerThreads(2).loanTimeout(Duration.ofMillis(300)).detail(rows::add)
                            .build());
            assertEquals(200, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(String.format("L%05d", i + 1), rows.get(i).loanId());
            }
            assertEquals(List.of("RATE-003"), rows.get(39).rules(), "the stuck loan keeps the rules it broke before");
            assertEquals(20, r.byRule().get("RATE-003"));
            Finding cut = r.findings().stream().filter(f -> f.rule().equals("FEE-003")).findFirst().orElseThrow();
            assertEquals(Severity.INFO, cut.severity());
            assertTrue(cut.evidence().get(0).text().contains("did not finish judging loan L00040 within 300 ms"),
                    cut.evidence().get(0).text());
        } finally {
            never.countDown();
        }
    }

    @Test
    void aPackThatCannotBeReadAndARuleWithoutACatalogueEntryAreReported() {
        RulePack broken = new RulePack() {
            @Override
            public String id() {
                return "region-cn-bj";
            }

            @Override
            public String version() {
                return "0.1.0";
            }

            @Override
            public String region() {
                return "CN-BJ";
            }

            @Override
            public List<Rule> rules() {
                throw new IllegalStateException("catalogue.json is not valid JSON");
            }
        };
        Rule nameless = new Rule() {
            @Override
            public RuleInfo info() {
                throw new IllegalStateException("rule FEE-009 is not in the national catalogue");
            }

            @Override
            public RuleEvaluation start(AuditContext context) {
                throw new AssertionError("must not start");
            }
        };
        Report r = AuditEngine.audit(input("CN-BJ", bookOf(Fixtures.book(20, 5))),
                List.of(broken, pack("national", "CN", List.of(nameless, Fixtures.aprAbove("RATE-003", 6.0)))),
                NOMINAL_APR, options().build());
        assertEquals(List.of("national 1.0.0"), r.plugins());
        List<Finding> info = r.findings().stream().filter(f -> f.severity() == Severity.INFO).toList();
        assertEquals(2, info.size());
        assertTrue(info.stream().allMatch(f -> f.rule().equals("ENGINE-001")));
        assertTrue(info.stream().anyMatch(f -> f.subject().id().equals("region-cn-bj")
                && f.evidence().get(0).text().contains("catalogue.json is not valid JSON")));
        assertEquals(2, r.byRule().get("RATE-003"));
    }

    @Test
    void rulesNotInForceOnAsOfAndPacksOfOtherRegionsAreSkipped() {
        AtomicInteger started = new AtomicInteger();
        RuleInfo future = info("RATE-009", Severity.HIGH, SubjectType.LOAN, LocalDate.of(2024, 1, 1), null);
        RuleInfo past = info("RATE-008", Severity.HIGH, SubjectType.LOAN, null, LocalDate.of(2023, 6, 29));
        RuleInfo today = info("RATE-007", Severity.HIGH, SubjectType.LOAN, Fixtures.AS_OF, Fixtures.AS_OF);
        List<Rule> rules = new ArrayList<>();
        for (RuleInfo i : List.of(future, past, today)) {
            rules.add(new Rule() {
                @Override
                public RuleInfo info() {
                    return i;
                }

                @Override
                public RuleEvaluation start(AuditContext context) {
                    started.incrementAndGet();
                    return new RuleEvaluation() {
                        @Override
                        public void finish(org.feewatch.api.spi.FindingSink findings) {
                            findings.add(i, Subject.portfolio("2023Q2"), "ran", List.of(), Map.of());
                        }
                    };
                }
            });
        }
        Report r = AuditEngine.audit(input("CN-BJ", null),
                List.of(pack("national", "CN", rules), pack("region-cn-bj", "CN-BJ", List.of()),
                        pack("region-cn-sh", "CN-SH", List.of(Fixtures.aprAbove("SH-001", 0)))),
                NOMINAL_APR, options().build());
        assertEquals(1, started.get());
        assertEquals(List.of("RATE-007"), r.findings().stream().map(Finding::rule).toList());
        assertEquals(List.of("national 1.0.0", "region CN-BJ 1.0.0"), r.plugins());
    }

    @Test
    void theContextLayersPolicyAndPutsTheCaseBenchmarksBeforeThePacksData() {
        OnLendingAverage fromCase = new OnLendingAverage("CN-BJ", "2023Q1", "rural-commercial", new BigDecimal("4.30"),
                "benchmarks.json");
        OnLendingAverage fromPack = new OnLendingAverage("CN-BJ", "2023Q1", "rural-commercial", new BigDecimal("5.00"),
                "region data");
        AtomicReference<AuditContext> ctx = new AtomicReference<>();
        Rule probe = new Rule() {
            @Override
            public RuleInfo info() {
                return Fixtures.info("RATE-005", Severity.HIGH, SubjectType.PORTFOLIO);
            }

            @Override
            public RuleEvaluation start(AuditContext context) {
                ctx.set(context);
                return new RuleEvaluation() {
                };
            }
        };
        RulePack region = pack("region-cn-bj", "CN-BJ", List.of(), new Policy(600, new BigDecimal("0.8"), null, null),
                List.of(fromPack));
        Partner p = new Partner("P01", "担保公司", PartnerType.GUARANTEE, PartnerStatus.ACTIVE, true);
        AuditInput in = AuditInput.builder(caseInfo("CN-BJ", new Policy(null, null, null, new BigDecimal("0.05"))))
                .nationalDefaults(NATIONAL).benchmarks(List.of(fromCase)).partners(List.of(p))
                .demandDepositRate(new BigDecimal("0.20")).build();
        Report r = AuditEngine.audit(in, List.of(pack("national", "CN", List.of(probe)), region), NOMINAL_APR,
                options().build());

        Policy expected = new Policy(300, new BigDecimal("0.8"), new BigDecimal("1.0"), new BigDecimal("0.05"));
        assertEquals(expected, ctx.get().policy());
        assertEquals(expected, r.caseInfo().policy());
        assertEquals(List.of(fromCase, fromPack), ctx.get().onLendingAverages());
        assertSame(p, ctx.get().partner("P01").orElseThrow());
        assertEquals(new BigDecimal("0.20"), ctx.get().demandDepositRate());
        assertTrue(ctx.get().ruleInfo("RATE-005").isPresent());
        assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("maxSpreadBp to 600")));
        assertEquals(List.of(new org.feewatch.api.PartnerVerdict("P01", PartnerStatus.ACTIVE, Verdict.APPROVE,
                List.of())), r.partners());
        assertEquals("9.9.9", r.engineVersion());
        assertEquals(Instant.parse("2026-11-27T10:00:00Z"), r.generatedAt());
    }

    @Test
    void partnerFindingsDecideVerdicts() {
        RuleInfo p1 = info("PART-001", Severity.CRITICAL, SubjectType.PARTNER);
        Rule part = rule(p1, (loan, sink) -> {
            if (loan.aprAllIn() > 6) {
                sink.add(p1, Subject.partner("P02"), "prohibited fee", List.of(loan.evidence("承诺费")), Map.of());
            }
        }, null);
        Partner a = new Partner("P01", "a", PartnerType.GUARANTEE, PartnerStatus.ACTIVE, false);
        Partner b = new Partner("P02", "b", PartnerType.LOAN_FACILITATION, PartnerStatus.ACTIVE, false);
        AuditInput in = AuditInput.builder(caseInfo("CN", Policy.EMPTY)).nationalDefaults(NATIONAL)
                .partners(List.of(a, b)).loanBook(bookOf(Fixtures.book(100, 7))).build();
        Report r = AuditEngine.audit(in, List.of(pack("national", "CN", List.of(part))), NOMINAL_APR,
                options().evidencePerFinding(4).build());
        assertEquals(Verdict.APPROVE, r.partners().get(0).verdict());
        assertEquals(Verdict.TERMINATE, r.partners().get(1).verdict());
        assertEquals(List.of("PART-001"), r.partners().get(1).rules());
        Finding f = r.findings().get(0);
        assertEquals(List.of("line 10", "line 20", "line 30", "line 40"),
                f.evidence().stream().map(e -> e.locator()).toList());
        assertEquals("10", f.metrics().get(MergingFindingSink.EVIDENCE_COUNT));
        assertEquals(1, r.byRule().get("PART-001"));
    }

    @Test
    void aFailingDetailWriterStopsTheAuditWithItsError() {
        UncheckedIOException boom = new UncheckedIOException(new IOException("disk full"));
        UncheckedIOException thrown = assertThrows(UncheckedIOException.class,
                () -> AuditEngine.audit(input(bookOf(Fixtures.book(10_000, 10))), List.of(), NOMINAL_APR,
                        options().workerThreads(2).batchesInFlight(2).detail(row -> {
                            throw boom;
                        }).build()));
        assertSame(boom, thrown);
    }

    @Test
    void aBookThatCannotBeReadToTheEndKeepsWhatWasReadAndSaysWhy() {
        LoanBookSource book = listener -> {
            listener.onLoans(0, List.of(Fixtures.loan("L1", 1, "9.00")));
            throw new IOException("loans.jsonl: input ended in the middle of a character");
        };
        Report r = AuditEngine.audit(input(book),
                List.of(pack("national", "CN", List.of(Fixtures.aprAbove("RATE-003", 6.0)))), NOMINAL_APR,
                options().build());
        assertEquals(1, r.loans().accepted());
        assertEquals(1, r.byRule().get("RATE-003"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("could not be read to the end")
                && w.message().contains("middle of a character")));
    }

    @Test
    void aReaderThatSkipsABatchNumberStillGetsEveryRowOut() {
        List<List<Loan>> batches = Fixtures.book(60, 10);
        LoanBookSource book = listener -> {
            long seq = 0;
            for (List<Loan> b : batches) {
                listener.onLoans(seq, b);
                seq += seq == 2 ? 2 : 1; // 3 is never sent
            }
        };
        List<String> ids = new ArrayList<>();
        AuditEngine.audit(input(book), List.of(), NOMINAL_APR,
                options().workerThreads(1).batchesInFlight(2).detail(row -> ids.add(row.loanId())).build());
        assertEquals(60, ids.size());
        List<String> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        assertEquals(sorted, ids);
    }

    @Test
    void theAprSampleIsBoundedAndTheSameEveryRun() {
        AuditOptions o = options().aprSampleSize(50).build();
        List<RulePack> packs = List.of();
        Report a = AuditEngine.audit(input(bookOf(Fixtures.book(3_000, 100))), packs, NOMINAL_APR, o);
        Report b = AuditEngine.audit(input(bookOf(Fixtures.book(3_000, 100))), packs, NOMINAL_APR,
                o.toBuilder().workerThreads(1).build());
        assertEquals(50, a.aprSample().size());
        assertEquals(a.aprSample(), b.aprSample());
    }

    @Test
    void aLargeAuditStreamsItsLoanFindingsInBookOrderWithTheSameContentAndCounts() {
        // two findings of one rule for the same loan (merged within the loan), a partner finding
        // held in memory, and a loan finding of another rule
        RuleInfo twiceInfo = info("FEE-001", Severity.HIGH, SubjectType.LOAN);
        Rule twice = rule(twiceInfo, (facts, sink) -> {
            if (facts.loan().line() % 7 == 0) {
                sink.add(twiceInfo, Subject.loan(facts.loan().id()), "first", List.of(Fixtures.ev("book", "line "
                        + facts.loan().line(), "b")), Map.of("n", "1"));
                sink.add(twiceInfo, Subject.loan(facts.loan().id()), "second", List.of(Fixtures.ev("book", "line "
                        + facts.loan().line(), "a")), Map.of("n", "2"));
            }
        }, sink -> sink.add(twiceInfo, Subject.partner("P1"), "partner", List.of(Fixtures.ev("p", null, "x")),
                Map.of()));
        List<RulePack> packs = List.of(pack("national", "CN", List.of(Fixtures.aprAbove("RATE-003", 6.0), twice)));
        Report held = AuditEngine.audit(input(bookOf(Fixtures.book(2_000, 37))), packs, NOMINAL_APR,
                options().build());
        Report streamed = AuditEngine.audit(input(bookOf(Fixtures.book(2_000, 37))), packs, NOMINAL_APR,
                options().findingsInMemory(10).build());

        assertFalse(held.findings() instanceof org.feewatch.api.FindingStream);
        assertTrue(streamed.findings() instanceof org.feewatch.api.FindingStream);
        assertEquals(held.byRule(), streamed.byRule());
        assertEquals(held.bySeverity(), streamed.bySeverity());
        assertEquals(held.partners(), streamed.partners());
        assertEquals(held.findings().size(), streamed.findings().size());
        List<Finding> all = new ArrayList<>(streamed.findings());
        assertEquals(new java.util.HashSet<>(held.findings()), new java.util.HashSet<>(all));
        // by rule; within a rule the partner first, then the loans in book order
        assertEquals("FEE-001", all.get(0).rule());
        assertEquals(SubjectType.PARTNER, all.get(0).subject().type());
        List<String> loans = all.stream().filter(f -> f.rule().equals("FEE-001")
                && f.subject().type() == SubjectType.LOAN).map(f -> f.subject().id()).toList();
        assertEquals(loans.stream().sorted().toList(), loans);
        assertEquals(2, all.get(1).evidence().size());
        assertEquals("a", all.get(1).evidence().get(0).text());
        // a second pass reads the same findings again
        assertEquals(all, new ArrayList<>(streamed.findings()));
    }

    @Test
    void aStreamedReportsPreRenderedRunsAreWhatItsRendererMakesOfTheFindingsInTheReportsOrder() throws Exception {
        RuleInfo twiceInfo = info("FEE-001", Severity.HIGH, SubjectType.LOAN);
        Rule twice = rule(twiceInfo, (facts, sink) -> {
            if (facts.loan().line() % 7 == 0) {
                sink.add(twiceInfo, Subject.loan(facts.loan().id()), "贷款 \"" + facts.loan().id() + "\"",
                        List.of(Fixtures.ev("book", "line " + facts.loan().line(), "b")), Map.of("n", "1"));
            }
        }, sink -> sink.add(twiceInfo, Subject.partner("P1"), "partner", List.of(Fixtures.ev("p", null, "x")),
                Map.of()));
        List<RulePack> packs = List.of(pack("national", "CN", List.of(Fixtures.aprAbove("RATE-003", 6.0), twice)));
        TextRenderer renderer = new TextRenderer();
        Report streamed = AuditEngine.audit(input(bookOf(Fixtures.book(2_000, 37))), packs, NOMINAL_APR,
                options().findingsInMemory(10).findingRenderer(renderer).build());

        org.feewatch.api.FindingStream findings = (org.feewatch.api.FindingStream) streamed.findings();
        List<org.feewatch.api.FindingStream.Run> runs = findings.runs("text");
        List<Finding> inRuns = new ArrayList<>();
        int rendered = 0;
        for (org.feewatch.api.FindingStream.Run run : runs) {
            List<Finding> objects = new ArrayList<>();
            run.forEach(objects::add);
            assertEquals(run.size(), objects.size());
            inRuns.addAll(objects);
            if (run.rendered()) {
                rendered += run.size();
                java.io.ByteArrayOutputStream copied = new java.io.ByteArrayOutputStream();
                run.copyRendered(copied);
                java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
                TextRenderer fresh = new TextRenderer();
                for (int i = 0; i < objects.size(); i++) {
                    if (i > 0) {
                        expected.write(fresh.separator());
                    }
                    fresh.render(objects.get(i), expected);
                }
                assertEquals(expected.toString(java.nio.charset.StandardCharsets.UTF_8),
                        copied.toString(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                // only what the loans did not find is held, and rendered by the writer
                assertTrue(objects.stream().allMatch(f -> f.subject().type() != SubjectType.LOAN));
            }
        }
        assertEquals(new ArrayList<>(findings), inRuns);
        assertEquals(inRuns.stream().filter(f -> f.subject().type() == SubjectType.LOAN).count(), rendered);
        assertTrue(rendered > 10);
        // a writer of another format renders every finding itself
        assertTrue(findings.runs("json").stream().noneMatch(org.feewatch.api.FindingStream.Run::rendered));
    }

    /** A stand-in report format: one finding a line. */
    private static final class TextRenderer implements org.feewatch.api.spi.FindingRenderer {
        @Override
        public String format() {
            return "text";
        }

        @Override
        public void render(Finding f, java.io.OutputStream out) throws java.io.IOException {
            out.write((f.rule() + " " + f.subject().id() + " " + f.title() + " " + f.metrics() + " "
                    + f.evidence()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public byte[] separator() {
            return new byte[] {'\n'};
        }
    }
}
