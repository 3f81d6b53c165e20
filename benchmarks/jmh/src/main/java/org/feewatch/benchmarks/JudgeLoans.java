package org.feewatch.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.feewatch.api.CaseInfo;
import org.feewatch.api.Disclosure;
import org.feewatch.api.Finding;
import org.feewatch.api.InputIssue;
import org.feewatch.api.Loan;
import org.feewatch.api.Policy;
import org.feewatch.api.Snapshot;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.DisclosureExtractor;
import org.feewatch.api.spi.FeeDictionary;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanBookListener;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.api.spi.RulePack;
import org.feewatch.caseio.CaseReader;
import org.feewatch.caseio.LoadedCase;
import org.feewatch.disclosure.internal.extract.BlockCatalogueExtractor;
import org.feewatch.disclosure.internal.extract.ExtractionLimits;
import org.feewatch.disclosure.internal.extract.ProductPageExtractor;
import org.feewatch.disclosure.internal.extract.TableCatalogueExtractor;
import org.feewatch.engine.CaseAuditContext;
import org.feewatch.engine.cashflow.CashFlowLoanAnalyzer;
import org.feewatch.engine.fees.SynonymFeeDictionary;
import org.feewatch.engine.internal.LoanTraits;
import org.feewatch.loanbook.internal.JsonlLoanBookReader;
import org.feewatch.loanbook.internal.ReaderConfig;
import org.feewatch.rules.national.internal.NationalLpr;
import org.feewatch.rules.national.internal.NationalRulePack;

/**
 * The cost of judging one loan, as the audit's worker threads do it: the cash-flow analysis
 * ({@code analyzer.analyze(loan, context)}) and the {@code onLoan} of every national rule that asks for the
 * loan's traits (as the pipeline calls them), one thread, in
 * thread CPU time. The case (pages, partners, policy) and its loans are read by the product's own
 * readers and extractors before the clock starts; the findings go to a sink that only counts them,
 * so neither the pipeline nor the report writers are measured. Then the same for the loans that
 * break no rule alone, and the analysis alone. Also prints a SHA-256 of every
 * finding made (rule, subject, title, evidence, metrics, in loan order), so that a change to the
 * rules can be checked to give exactly the same findings.
 * <pre>
 * mvn -B -q -o -Pbenchmarks -pl benchmarks/jmh -am package -DskipTests
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp benchmarks/jmh/target/benchmarks.jar \
 *     org.feewatch.benchmarks.JudgeLoans CASE_FOLDER [rounds]
 * </pre>
 * {@code -Djudge.cleanOnly=true} times only the loans that break no rule, {@code -Djudge.breakingOnly=true}
 * only those that break one (for a profile of either).
 * CASE_FOLDER: e.g. a folder with the first 200,000 lines of the 1,000,000-loan genbook book as
 * loans.jsonl beside its case.json, sources.json, partners.json and pages/.
 */
public final class JudgeLoans {

    private static final BigDecimal DEMAND_RATE = new BigDecimal("0.20");
    private static final Policy NATIONAL_DEFAULTS = new Policy(300, new BigDecimal("1.0"), new BigDecimal("1.0"),
            new BigDecimal("0.10"));

    private JudgeLoans() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<RulePack> packs = List.of(new NationalRulePack());
        FeeDictionary dictionary = SynonymFeeDictionary.of(packs);
        AuditContext context;
        List<Loan> loans;
        try (LoadedCase c = new CaseReader().read(folder)) {
            List<Disclosure> disclosures = new ArrayList<>();
            List<SourceStatus> statuses = new ArrayList<>();
            List<DisclosureExtractor> extractors = List.of(
                    new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, dictionary),
                    new BlockCatalogueExtractor(ExtractionLimits.DEFAULTS, dictionary),
                    new ProductPageExtractor(ExtractionLimits.DEFAULTS, dictionary));
            for (SourceRef ref : c.sources()) {
                byte[] body = Files.readAllBytes(c.folder().resolve(ref.file()));
                Snapshot snapshot = new Snapshot(ref.id(), ref.file(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(body)), "text/html", "UTF-8", "meta",
                        Instant.parse("2023-12-31T00:00:00Z"), body, new String(body, StandardCharsets.UTF_8));
                DisclosureExtractor best = extractors.get(0);
                for (DisclosureExtractor x : extractors) {
                    if (x.suitability(ref, snapshot) > best.suitability(ref, snapshot)) {
                        best = x;
                    }
                }
                Disclosure d = best.extract(ref, snapshot);
                disclosures.add(d);
                statuses.add(SourceStatus.ok(ref.id(), snapshot.sha256(), d.items().size()));
            }
            CaseInfo info = c.caseInfo();
            context = CaseAuditContext.builder(info).policy(info.policy().orElse(NATIONAL_DEFAULTS))
                    .partners(c.partners()).sources(c.sources()).sourceStatuses(statuses).disclosures(disclosures)
                    .hasLoanBook(true).packs(packs).lpr(NationalLpr.BUILT_IN).onLendingAverages(c.benchmarks())
                    .demandDepositRate(DEMAND_RATE).build();
            loans = read(c.folder());
        }
        System.out.printf("%,d loans read; %d disclosures (%s)%n", loans.size(), context.disclosures().size(),
                context.disclosures().stream().map(d -> d.source().id() + ":" + d.items().size()).toList());

        CashFlowLoanAnalyzer analyzer = new CashFlowLoanAnalyzer();
        List<Rule> rules = new ArrayList<>();
        for (RulePack pack : packs) {
            for (Rule r : pack.rules()) {
                if (r.info().inForceOn(context.caseInfo().asOf())) {
                    rules.add(r);
                }
            }
        }

        // the findings once, for the fingerprint; and which loans break no rule
        Fingerprint print = new Fingerprint();
        List<Loan> clean = new ArrayList<>();
        List<Loan> breaking = new ArrayList<>();
        RuleEvaluation[] once = start(rules, context);
        for (Loan loan : loans) {
            long before = print.count;
            round(analyzer, context, once, List.of(loan), print);
            (print.count == before ? clean : breaking).add(loan);
        }
        if (Boolean.getBoolean("judge.breakingOnly")) {
            loans = breaking; // for a profile of the loans that break a rule
        }
        System.out.printf("findings: %,d, by rule %s, sha256 %s; %,d loans break no rule%n", print.count,
                new TreeMap<>(print.byRule), print.hex(), clean.size());
        // every APR bit for bit, so that a change to the analysis can be checked to give the same figures
        long bits = 0;
        for (Loan loan : loans) {
            LoanFacts f = analyzer.analyze(loan, context);
            bits = bits * 31 + Double.doubleToLongBits(f.aprAllIn());
            bits = bits * 31 + Double.doubleToLongBits(f.aprAllInEffective());
            bits = bits * 31 + Double.doubleToLongBits(f.aprBankOnly());
            bits = bits * 31 + Double.doubleToLongBits(f.aprAllInWithoutDeposit());
            bits = bits * 31 + java.util.Objects.hashCode(f.aprProblem()) + java.util.Objects.hashCode(f.lprOnContractDate());
        }
        System.out.printf("APR bits checksum %016x%n", bits);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cleanOnly = Boolean.getBoolean("judge.cleanOnly"); // for a profile of the loans that break no rule
        for (int r = 0; r < (cleanOnly ? 0 : rounds + 2); r++) {
            Counter counter = new Counter();
            RuleEvaluation[] evaluations = start(rules, context);
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            round(analyzer, context, evaluations, loans, counter);
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            System.out.printf("%s round %d: %,.0f ns CPU per loan, %,.0f ns wall per loan (%,d findings)%n",
                    r < 2 ? "warm-up" : "measured", r + 1, (double) cpu / loans.size(), (double) wall / loans.size(),
                    counter.count);
        }
        // the loans that break no rule alone
        for (int r = 0; r < rounds; r++) {
            Counter counter = new Counter();
            RuleEvaluation[] evaluations = start(rules, context);
            long cpu0 = threads.getCurrentThreadCpuTime();
            cleanRound(analyzer, context, evaluations, clean, counter);
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            System.out.printf("loans that break no rule, round %d: %,.0f ns CPU per loan%n", r + 1,
                    (double) cpu / clean.size());
        }
        // the rules alone on the loans that break no rule, their facts computed beforehand
        LoanFacts[] cleanFacts = new LoanFacts[clean.size()];
        for (int i = 0; i < cleanFacts.length; i++) {
            cleanFacts[i] = analyzer.analyze(clean.get(i), context);
        }
        for (int r = 0; r < Math.max(3, rounds); r++) {
            Counter counter = new Counter();
            RuleEvaluation[] evaluations = start(rules, context);
            long cpu0 = threads.getCurrentThreadCpuTime();
            int[][] byTraits = byTraits(evaluations);
            String institution = context.caseInfo().institutionId();
            for (LoanFacts facts : cleanFacts) {
                for (int e : byTraits[LoanTraits.of(facts, institution)]) {
                    evaluations[e].onLoan(facts, counter);
                }
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            System.out.printf("rules alone on the loans that break no rule, round %d: %,.0f ns CPU per loan%n", r + 1,
                    (double) cpu / cleanFacts.length);
        }
        // the analysis alone, for the split
        for (int r = 0; r < 3; r++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            double sum = 0;
            for (Loan loan : loans) {
                sum += analyzer.analyze(loan, context).aprAllIn();
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            System.out.printf("analysis alone, round %d: %,.0f ns CPU per loan (checksum %.3f)%n", r + 1,
                    (double) cpu / loans.size(), sum);
        }
    }

    private static RuleEvaluation[] start(List<Rule> rules, AuditContext context) {
        RuleEvaluation[] e = new RuleEvaluation[rules.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = rules.get(i).start(context);
        }
        return e;
    }

    /** Each rule judges the loans of the traits it asks for, as the audit's pipeline calls them. */
    private static void round(CashFlowLoanAnalyzer analyzer, AuditContext context, RuleEvaluation[] evaluations,
            List<Loan> loans, FindingSink sink) {
        int[][] byTraits = byTraits(evaluations);
        String institution = context.caseInfo().institutionId();
        for (int i = 0, n = loans.size(); i < n; i++) {
            LoanFacts facts = analyzer.analyze(loans.get(i), context);
            for (int r : byTraits[LoanTraits.of(facts, institution)]) {
                evaluations[r].onLoan(facts, sink);
            }
        }
    }

    /** {@link #round} under a name of its own, so that a profile tells the loans that break no rule apart. */
    private static void cleanRound(CashFlowLoanAnalyzer analyzer, AuditContext context, RuleEvaluation[] evaluations,
            List<Loan> loans, FindingSink sink) {
        round(analyzer, context, evaluations, loans, sink);
    }

    /** By a loan's traits, the indexes of the evaluations that judge it. */
    private static int[][] byTraits(RuleEvaluation[] evaluations) {
        int[] required = new int[evaluations.length];
        for (int r = 0; r < required.length; r++) {
            required[r] = LoanTraits.mask(evaluations[r].onlyLoansWith());
        }
        return LoanTraits.rulesByMask(required);
    }

    /** The book through the product's JSONL reader, in book order. */
    private static List<Loan> read(Path folder) throws Exception {
        TreeMap<Long, List<Loan>> batches = new TreeMap<>();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        new JsonlLoanBookReader(defaults(ReaderConfig.class)).read(folder, new LoanBookListener() {
            @Override
            public void onLoans(long sequence, List<Loan> batch) {
                synchronized (batches) {
                    batches.put(sequence, batch);
                }
            }

            @Override
            public void onRejected(InputIssue issue) {
                problems.add(issue.toString());
            }

            @Override
            public void onWarning(InputIssue issue) {
                problems.add(issue.toString());
            }
        });
        if (!problems.isEmpty()) {
            System.out.println(problems.size() + " input issues, first: " + problems.get(0));
        }
        List<Loan> all = new ArrayList<>();
        batches.values().forEach(all::addAll);
        return all;
    }

    private static final class Counter implements FindingSink {
        long count;

        @Override
        public void add(Finding finding) {
            count++;
        }
    }

    private static final class Fingerprint implements FindingSink {
        final MessageDigest digest;
        final Map<String, Integer> byRule = new TreeMap<>();
        long count;

        Fingerprint() throws Exception {
            digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public void add(Finding f) {
            count++;
            byRule.merge(f.rule(), 1, Integer::sum);
            digest.update(f.toString().getBytes(StandardCharsets.UTF_8));
        }

        String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** A DS configuration annotation with every attribute at its default. */
    @SuppressWarnings("unchecked")
    private static <A> A defaults(Class<A> config) {
        return (A) Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config}, (proxy, method, a) -> {
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            return switch (method.getName()) {
                case "annotationType" -> config;
                case "toString" -> config.getSimpleName() + "(defaults)";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == a[0];
                default -> throw new IllegalStateException(config.getSimpleName() + "." + method.getName());
            };
        });
    }
}
