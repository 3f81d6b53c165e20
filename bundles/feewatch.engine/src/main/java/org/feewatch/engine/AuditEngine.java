package org.feewatch.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.feewatch.api.CaseInfo;
import org.feewatch.api.Disclosure;
import org.feewatch.api.Finding;
import org.feewatch.api.InputIssue;
import org.feewatch.api.LoanCounts;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Policy;
import org.feewatch.api.Report;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.spi.RulePack;
import org.feewatch.engine.fees.SynonymFeeDictionary;
import org.feewatch.engine.internal.AprSampler;
import org.feewatch.engine.internal.CappedIssues;
import org.feewatch.engine.internal.FindingSpill;
import org.feewatch.engine.internal.SpilledFindings;
import org.feewatch.engine.internal.GuardedRule;
import org.feewatch.engine.internal.LoanPipeline;
import org.feewatch.engine.internal.RegionCoverage;
import org.feewatch.engine.internal.RuleSink;

/**
 * Runs one audit: layers the policy, builds the {@link CaseAuditContext}, starts every rule in
 * force on the case's {@code asOf}, streams the loan book through the rules on worker threads,
 * lets every rule finish (each within {@link AuditOptions#finishTimeout()}; one loan within
 * {@link AuditOptions#loanTimeout()}), merges and orders
 * the findings, gives every partner its verdict and counts the summary.
 *
 * <p>What the engine decides:
 * <ul>
 * <li>Packs apply when their region is {@code CN} or the case's region and their effective dates
 * cover {@code asOf}; rules apply when their catalogue entry is in force on {@code asOf}.
 * {@code engine.plugins} lists the applied packs ("national 1.0.0", "region CN-BJ 1.0.0").</li>
 * <li>A rule or pack that throws or hands over an unusable finding never stops the audit: see
 * {@link GuardedRule} for the {@code info} finding that reports it (rule code, subject
 * {@code source} with the pack id). A rule that throws is switched off for the rest of the
 * audit.</li>
 * <li>A loan whose APR cannot be computed (no solution, or the analysis failed) is a warning in
 * {@code inputs.warnings} naming the loan, its file and line: it is a property of the input, not a
 * breach. Its detail row has empty APR cells.</li>
 * <li>Warnings: the input warnings, then the sources' extraction notes, then policy refusals,
 * then the loan book's, then the loans without an APR. Long lists are capped (the counts in
 * {@code inputs.loans} stay exact) and one more warning says how many were left out.</li>
 * <li>A case whose region (other than {@code CN}) no pack serves on {@code asOf} gets an {@code info}
 * finding {@value org.feewatch.engine.internal.RegionCoverage#CODE} saying the region pack is missing.</li>
 * <li>The report's {@code caseInfo.policy()} is the effective policy.</li>
 * </ul>
 */
public final class AuditEngine {

    /** The region code of the national packs. */
    public static final String NATIONAL_REGION = "CN";

    private final LoanAnalyzer analyzer;
    private final AuditOptions options;

    /** How a pack is named in a report's {@code engine.plugins}: "national 1.0.0", "region CN-BJ 1.0.0". */
    public static String pluginLabel(String id, String version, String region) {
        return LoadedPack.label(id, version, region);
    }

    public AuditEngine(LoanAnalyzer analyzer, AuditOptions options) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.options = options == null ? AuditOptions.defaults() : options;
    }

    /** Runs an audit with these options. */
    public static Report audit(AuditInput input, List<RulePack> packs, LoanAnalyzer analyzer, AuditOptions options) {
        return new AuditEngine(analyzer, options).audit(input, packs);
    }

    public Report audit(AuditInput input, List<RulePack> packs) {
        Instant generatedAt = options.clock().instant();
        CaseInfo caseInfo = input.caseInfo();
        LocalDate asOf = caseInfo.asOf();
        MergingFindingSink sink = new MergingFindingSink(options.evidencePerFinding());
        List<InputIssue> warnings = new ArrayList<>(input.warnings());
        for (Disclosure d : input.disclosures()) {
            for (String note : d.notes()) {
                String id = d.source() == null ? "?" : d.source().id();
                String file = d.source() == null ? null : d.source().location();
                warnings.add(new InputIssue(file, null, "source " + id + ": " + note));
            }
        }

        // 1. the packs that apply, each probed once so that a broken pack is reported, not fatal
        List<LoadedPack> loaded = new ArrayList<>();
        for (RulePack pack : packs == null ? List.<RulePack>of() : packs) {
            LoadedPack lp = LoadedPack.probe(pack, caseInfo, sink, options);
            if (lp != null) {
                loaded.add(lp);
            }
        }

        regionCoverage(packs, loaded, caseInfo, sink);

        // 2. policy: case.json > region packs > national defaults (configuration, then national packs)
        Policy national = input.nationalDefaults();
        List<RulePack> regionPacks = new ArrayList<>();
        for (LoadedPack lp : loaded) {
            if (lp.national) {
                national = national.orElse(lp.policy);
            } else {
                regionPacks.add(lp);
            }
        }
        PolicyLayers.Result policy = PolicyLayers.resolve(caseInfo.policy(), regionPacks, national);
        warnings.addAll(policy.warnings());

        // 3. the context
        List<RulePack> dataPacks = new ArrayList<>();
        List<OnLendingAverage> packAverages = new ArrayList<>();
        List<RuleInfo> infos = new ArrayList<>();
        for (LoadedPack lp : loaded) {
            dataPacks.add(lp);
            packAverages.addAll(lp.averages);
            for (LoadedPack.LoadedRule r : lp.rules) {
                if (r.info() != null && r.info().code() != null) {
                    infos.add(r.info());
                }
            }
        }
        List<OnLendingAverage> averages = new ArrayList<>(input.benchmarks());
        averages.addAll(packAverages);
        CaseAuditContext context = CaseAuditContext.builder(caseInfo).policy(policy.effective())
                .partners(input.partners()).sources(input.sources()).sourceStatuses(input.sourceStatuses())
                .disclosures(input.disclosures()).hasLoanBook(input.loanBook() != null)
                .feeDictionary(SynonymFeeDictionary.of(dataPacks)).lpr(input.referenceRates())
                .onLendingAverages(averages).demandDepositRate(input.demandDepositRate()).ruleInfos(infos).build();

        // 4. start the rules in force
        List<GuardedRule> rules = new ArrayList<>();
        for (LoadedPack lp : loaded) {
            for (LoadedPack.LoadedRule r : lp.rules) {
                GuardedRule g = new GuardedRule(lp.id, lp.label, r.rule(), r.info(), sink, options.diagnostics());
                if (r.info() == null) {
                    g.fail(r.problem() == null ? "it has no catalogue entry"
                            : "its catalogue entry could not be read: " + r.problem(), r.cause());
                    continue;
                }
                if (GuardedRule.ENGINE_CODE.equals(g.code())) {
                    g.fail("its catalogue entry has the malformed code \"" + r.info().code() + "\"", null);
                    continue;
                }
                if (asOf != null && !r.info().inForceOn(asOf)) {
                    continue;
                }
                g.start(context);
                rules.add(g);
            }
        }

        // 5. the loans
        LoanCounts counts = LoanCounts.NONE;
        AprSampler sampler = new AprSampler(options.aprSampleSize());
        FindingSpill spill = new FindingSpill(options.findingRenderer());
        if (input.loanBook() != null) {
            LoanPipeline pipeline = new LoanPipeline(context, analyzer, rules, options, sink, sampler, spill);
            try {
                pipeline.run(input.loanBook(), "the loan book");
            } catch (RuntimeException | Error e) {
                spill.close(); // the audit stops: no report will read the spilled findings
                throw e;
            }
            CappedIssues errors = pipeline.errors();
            counts = new LoanCounts(pipeline.accepted() + pipeline.rejected(), pipeline.accepted(),
                    pipeline.rejected(), errors.kept());
            if (errors.notListed() > 0) {
                warnings.add(new InputIssue(null, null, errors.notListed()
                        + " more rejected loan lines are counted in inputs.loans but not listed in its errors"));
            }
            addCapped(warnings, pipeline.warnings(), "more loan book warnings are not listed");
            InputIssue late = pipeline.afterAuditDate().warning();
            if (late != null) {
                warnings.add(late);
            }
            addCapped(warnings, pipeline.loanProblems(), "more loans without an APR are not listed");
            CappedIssues payees = new CappedIssues(options.maxListedWarnings());
            pipeline.payees().warnings().forEach(payees::add);
            addCapped(warnings, payees, "more fee payees that are not the institution or a partner are not listed");
        }

        // 6. case-level judgement, each rule within its time
        finish(rules, sink);

        // 7. the report: the loans' own findings come back from the spill files; kept in memory and
        // sorted with the rest when there are few, streamed in book order within each rule when many
        spill.finishWriting();
        if (spill.renderFailure() != null) {
            options.diagnostics().accept("the loan findings could not be rendered ahead, the report writer renders"
                    + " them: " + spill.renderFailure(), null);
        }
        List<Finding> held;
        List<Finding> findings;
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        Map<String, Integer> byRule = new TreeMap<>();
        if (spill.total() <= options.findingsInMemory()) {
            for (String rule : spill.rules()) {
                spill.readAll(rule).forEach(sink::add);
            }
            spill.close();
            held = sink.findings();
            findings = held;
        } else {
            held = sink.findings();
            findings = new SpilledFindings(held, spill);
            spill.byRule().forEach((rule, n) -> byRule.merge(rule, n, Integer::sum));
        }
        for (Severity s : Severity.values()) {
            int n = (int) held.stream().filter(f -> f.severity() == s).count();
            if (findings != held) {
                n += spill.count(s);
            }
            if (n > 0) {
                bySeverity.put(s.wireName(), n);
            }
        }
        for (Finding f : held) {
            byRule.merge(f.rule(), 1, Integer::sum);
        }
        List<String> plugins = new ArrayList<>();
        for (LoadedPack lp : loaded) {
            plugins.add(lp.label);
        }
        CaseInfo effectiveCase = new CaseInfo(caseInfo.institutionId(), caseInfo.institutionName(),
                caseInfo.institutionType(), caseInfo.region(), caseInfo.asOf(), policy.effective());
        return new Report(generatedAt, effectiveCase, options.engineVersion(), plugins, input.sourceStatuses(),
                counts, warnings, findings, PartnerVerdicts.of(input.partners(), held), bySeverity, byRule,
                sampler.sample());
    }

    /** An info finding when the case names a region but no pack of that region applies. */
    private void regionCoverage(List<RulePack> packs, List<LoadedPack> loaded, CaseInfo caseInfo,
            MergingFindingSink sink) {
        String region = caseInfo.region();
        if (region == null || region.isBlank() || NATIONAL_REGION.equals(region)
                || loaded.stream().anyMatch(lp -> !lp.national && region.equals(lp.region))) {
            return;
        }
        List<String> notInForce = new ArrayList<>();
        LocalDate asOf = caseInfo.asOf();
        for (RulePack pack : packs == null ? List.<RulePack>of() : packs) {
            try {
                if (!region.equals(pack.region())) {
                    continue;
                }
                LocalDate from = pack.effectiveFrom();
                LocalDate to = pack.effectiveTo();
                if (asOf == null || (from == null || !asOf.isBefore(from)) && (to == null || !asOf.isAfter(to))) {
                    return; // in force but it could not be loaded: LoadedPack.probe reported that already
                }
                notInForce.add(LoadedPack.label(pack.id(), pack.version(), pack.region()));
            } catch (RuntimeException broken) {
                return; // a pack that cannot even say its region or dates was already reported
            }
        }
        sink.add(RegionCoverage.missing(region, caseInfo.asOf(), notInForce));
    }

    private static void addCapped(List<InputIssue> warnings, CappedIssues issues, String more) {
        warnings.addAll(issues.kept());
        if (issues.notListed() > 0) {
            warnings.add(new InputIssue(null, null, issues.notListed() + " " + more));
        }
    }

    /** Runs every active rule's finish at once, each on its own thread, and waits at most the time limit. */
    private void finish(List<GuardedRule> rules, MergingFindingSink sink) {
        record Running(GuardedRule rule, RuleSink sink, Thread thread) {
        }
        List<Running> running = new ArrayList<>();
        for (GuardedRule rule : rules) {
            if (!rule.active()) {
                continue;
            }
            RuleSink ruleSink = new RuleSink(sink, rule);
            Thread t = new Thread(() -> {
                try {
                    rule.evaluation().finish(ruleSink);
                } catch (OutOfMemoryError oom) {
                    throw oom;
                } catch (Throwable e) {
                    rule.fail("it stopped with an error while judging the case as a whole: "
                            + GuardedRule.reason(e), e);
                }
            }, "feewatch-finish-" + rule.code());
            t.setDaemon(true);
            running.add(new Running(rule, ruleSink, t));
        }
        running.forEach(r -> r.thread().start());
        long deadline = System.nanoTime() + options.finishTimeout().toNanos();
        boolean interrupted = false;
        for (Running r : running) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    r.thread().join(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (r.thread().isAlive()) {
                // whatever the rule adds from now on is dropped; the thread is a daemon
                r.sink().close();
                r.thread().interrupt();
                r.rule().fail("it did not finish within " + describe(options.finishTimeout())
                        + " when judging the case as a whole", null);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(java.time.Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
