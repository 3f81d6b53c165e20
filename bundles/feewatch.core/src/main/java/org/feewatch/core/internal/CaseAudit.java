package org.feewatch.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.feewatch.api.Disclosure;
import org.feewatch.api.InputIssue;
import org.feewatch.api.Policy;
import org.feewatch.api.Report;
import org.feewatch.api.Snapshot;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.spi.DisclosureExtractor;
import org.feewatch.api.spi.LoanBookReader;
import org.feewatch.api.spi.ReferenceRates;
import org.feewatch.api.spi.RulePack;
import org.feewatch.api.spi.SourceException;
import org.feewatch.api.spi.SourceFetcher;
import org.feewatch.caseio.LoadedCase;
import org.feewatch.core.AuditRequest;
import org.feewatch.core.UnavailableException;
import org.feewatch.engine.AuditEngine;
import org.feewatch.engine.AuditInput;
import org.feewatch.engine.AuditOptions;
import org.feewatch.engine.LoanBookSource;
import org.feewatch.engine.cashflow.CashFlowLoanAnalyzer;
import org.feewatch.report.DetailCsvWriter;
import org.feewatch.report.JsonReportWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One audit of a case already read: fetches and extracts every source (a source that fails is
 * reported as failed with its reason, and the audit goes on), picks the loan book, and runs the
 * engine with the plugins given. Plain Java: the OSGi side only hands over the services.
 */
final class CaseAudit {

    private static final Logger LOG = LoggerFactory.getLogger(CaseAudit.class);

    /** The loan-book formats in order of preference: loans.jsonl wins over loans.csv. */
    static final List<String> BOOK_PREFERENCE = List.of("jsonl", "csv");

    record Plugins(List<RulePack> packs, List<DisclosureExtractor> extractors, List<LoanBookReader> readers,
            SourceFetcher fetcher, ReferenceRates rates) {
    }

    private final Plugins plugins;
    private final Policy nationalPolicy;
    private final BigDecimal demandDepositRate;
    private final String engineVersion;

    CaseAudit(Plugins plugins, Policy nationalPolicy, BigDecimal demandDepositRate, String engineVersion) {
        this.plugins = plugins;
        this.nationalPolicy = nationalPolicy;
        this.demandDepositRate = demandDepositRate;
        this.engineVersion = engineVersion;
    }

    /** A finished audit's report and what it read. */
    record Outcome(Report report, AuditInput input) {
    }

    Outcome run(LoadedCase c, AuditRequest request) throws UnavailableException {
        if (plugins.rates() == null) {
            throw new UnavailableException("the LPR table is not installed");
        }
        List<InputIssue> warnings = new ArrayList<>(c.warnings());
        List<SourceStatus> statuses = new ArrayList<>();
        List<Disclosure> disclosures = new ArrayList<>();
        long sourcesStarted = System.nanoTime();
        for (SourceRef source : c.sources()) {
            read(source, c.folder(), request.restricted(), statuses, disclosures);
        }
        LOG.info("{} sources read in {} ms", c.sources().size(), (System.nanoTime() - sourcesStarted) / 1_000_000);
        statuses.addAll(c.refusedSources());
        LoanBookSource book = loanBook(c.folder(), warnings);

        AuditInput input = AuditInput.builder(c.caseInfo()).nationalDefaults(nationalPolicy).sources(c.sources())
                .sourceStatuses(statuses).disclosures(disclosures).partners(c.partners()).benchmarks(c.benchmarks())
                .warnings(warnings).demandDepositRate(demandDepositRate).referenceRates(plugins.rates())
                .loanBook(book).build();
        AuditOptions.Builder options = AuditOptions.builder().engineVersion(engineVersion)
                .finishTimeout(RuleTimeout.get())
                .progress(request.progress()::onProgress)
                .diagnostics((message, cause) -> LOG.warn("{}", message, cause));
        if (request.reportFormat() == null || "json".equals(request.reportFormat())) {
            // a large audit renders its loans' findings as it spills them, and the JSON writer copies
            // them; other formats read the objects, so for them nothing is rendered ahead
            options.findingRenderer(JsonReportWriter.findingRenderer());
        }
        long engineStarted = System.nanoTime();
        Report report;
        if (request.detail() == null) {
            report = AuditEngine.audit(input, plugins.packs(), new CashFlowLoanAnalyzer(), options.build());
        } else {
            try (OutputStream out = request.detail().open(); DetailCsvWriter detail = new DetailCsvWriter(out)) {
                report = AuditEngine.audit(input, plugins.packs(), new CashFlowLoanAnalyzer(),
                        options.detail(detail).build());
            } catch (IOException e) {
                throw new UncheckedIOException("the detail file could not be written: " + e.getMessage(), e);
            }
        }
        logEngine(report, System.nanoTime() - engineStarted);
        return new Outcome(report, input);
    }

    /** How long the loans and the rules took, for the log (and the scale benchmark, which reads it). */
    private static void logEngine(Report report, long nanos) {
        long ms = Math.max(1, nanos / 1_000_000);
        long read = report.loans().read();
        LOG.info("rules applied to {} loans ({} accepted, {} rejected) in {} ms{}: {} findings", read,
                report.loans().accepted(), report.loans().rejected(), ms,
                read == 0 ? "" : String.format(java.util.Locale.ROOT, " (%,d loans/s)", read * 1000 / ms),
                report.findings().size());
    }

    /** Fetches and extracts one source; a failure becomes its status, never an exception. */
    private void read(SourceRef source, Path caseDir, boolean restricted, List<SourceStatus> statuses,
            List<Disclosure> disclosures) {
        SourceFetcher fetcher = plugins.fetcher();
        if (fetcher == null) {
            statuses.add(SourceStatus.failed(source.id(), "no source fetcher is installed"));
            return;
        }
        Snapshot snapshot;
        try {
            snapshot = fetcher.fetch(source, caseDir, restricted);
        } catch (SourceException e) {
            statuses.add(SourceStatus.failed(source.id(), e.getMessage()));
            return;
        } catch (RuntimeException e) {
            LOG.error("fetching source {} failed", source.id(), e);
            statuses.add(SourceStatus.failed(source.id(), "the source could not be read (internal error; see the log file)"));
            return;
        }
        DisclosureExtractor best = null;
        int bestScore = 0;
        for (DisclosureExtractor x : plugins.extractors().stream().sorted(Comparator.comparing(DisclosureExtractor::name)).toList()) {
            try {
                int score = x.suitability(source, snapshot);
                if (score > bestScore) {
                    best = x;
                    bestScore = score;
                }
            } catch (RuntimeException e) {
                LOG.warn("extractor {} failed to score source {}", x.name(), source.id(), e);
            }
        }
        if (best == null) {
            statuses.add(SourceStatus.failed(source.id(), plugins.extractors().isEmpty()
                    ? "no disclosure extractor is installed" : "no extractor can read this " + source.kind().wireName()));
            return;
        }
        try {
            Disclosure d = best.extract(source, snapshot);
            disclosures.add(d);
            int items = d.items().size() + (d.product() == null ? 0 : 1);
            statuses.add(SourceStatus.ok(source.id(), snapshot.sha256(), items));
        } catch (RuntimeException e) {
            LOG.error("extractor {} failed on source {}", best.name(), source.id(), e);
            statuses.add(SourceStatus.failed(source.id(), "the page could not be extracted (internal error; see the log file)"));
        }
    }

    /** The case's loan book: the preferred format present; another book present is skipped with a warning. */
    LoanBookSource loanBook(Path dir, List<InputIssue> warnings) throws UnavailableException {
        List<LoanBookReader> readers = new ArrayList<>(plugins.readers());
        readers.sort(Comparator.comparingInt(r -> {
            int i = BOOK_PREFERENCE.indexOf(r.format());
            return i < 0 ? BOOK_PREFERENCE.size() : i;
        }));
        LoanBookReader chosen = null;
        Path chosenFile = null;
        for (LoanBookReader r : readers) {
            Path file = r.bookFile(dir);
            if (file == null) {
                continue;
            }
            if (chosen == null) {
                chosen = r;
                chosenFile = file;
            } else {
                warnings.add(InputIssue.of(dir.relativize(file).toString(), "skipped: the case also has "
                        + dir.relativize(chosenFile) + ", which is the same book and is read instead"));
            }
        }
        if (chosen == null) {
            for (String name : List.of("loans.jsonl", "loans.csv")) {
                Path entry = dir.resolve(name);
                if (java.nio.file.Files.isRegularFile(entry)) {
                    throw new UnavailableException("the case has " + name + " but no loan-book reader for it is installed");
                }
                if (java.nio.file.Files.exists(entry)) {
                    // not a fatal case (CASE-FORMAT.md): reported, and the audit goes on without a book
                    warnings.add(InputIssue.of(name, "not a file (a folder or other entry has its name): no loan "
                            + "book was read"));
                }
            }
            if (java.nio.file.Files.exists(dir.resolve("fees.csv"))) {
                // fees.csv belongs to loans.csv: alone it is not a loan book
                warnings.add(InputIssue.of("fees.csv", "skipped: there is no loans.csv beside it, so no loan book was read"));
            }
            return null;
        }
        LoanBookReader reader = chosen;
        return listener -> reader.read(dir, listener);
    }
}
