package org.feewatch.conformance;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.feewatch.api.Disclosure;
import org.feewatch.api.InputIssue;
import org.feewatch.api.Report;
import org.feewatch.api.Snapshot;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.spi.DisclosureExtractor;
import org.feewatch.api.spi.FeeDictionary;
import org.feewatch.api.spi.LoanBookReader;
import org.feewatch.api.spi.SourceException;
import org.feewatch.api.spi.SourceFetcher;
import org.feewatch.caseio.CaseException;
import org.feewatch.caseio.CaseReader;
import org.feewatch.caseio.LoadedCase;
import org.feewatch.disclosure.internal.extract.BlockCatalogueExtractor;
import org.feewatch.disclosure.internal.extract.ExtractionLimits;
import org.feewatch.disclosure.internal.extract.ProductPageExtractor;
import org.feewatch.disclosure.internal.extract.TableCatalogueExtractor;
import org.feewatch.disclosure.internal.fetch.FetchConfig;
import org.feewatch.disclosure.internal.fetch.PoliteSourceFetcher;
import org.feewatch.disclosure.internal.snapshot.FileSnapshotStore;
import org.feewatch.engine.AuditEngine;
import org.feewatch.engine.AuditInput;
import org.feewatch.engine.AuditOptions;
import org.feewatch.engine.fees.SynonymFeeDictionary;
import org.feewatch.loanbook.internal.ColumnsConfig;
import org.feewatch.loanbook.internal.CsvLoanBookReader;
import org.feewatch.loanbook.internal.JsonlLoanBookReader;
import org.feewatch.loanbook.internal.ReaderConfig;
import org.feewatch.report.DetailCsvWriter;
import org.feewatch.report.CsvReportWriter;
import org.feewatch.report.HtmlReportWriter;
import org.feewatch.report.JsonReportWriter;

/**
 * An audit the way {@code feewatch audit CASE --format json --detail FILE} runs it, with the real
 * case reader, fetcher, extractors, loan-book readers, national pack, analyzer, engine and writers,
 * each built with its default configuration, and no OSGi.
 */
final class CaseAudit {

    record Result(Report report, Path json, Path detail) {
    }

    /**
     * As the product, loan findings are rendered to JSON as they are spilled; false
     * ({@code -Dfeewatch.bench.prerender=false}) measures the JSON writer rendering them all.
     */
    private static final boolean PRERENDER = Boolean.parseBoolean(System.getProperty("feewatch.bench.prerender",
            "true"));

    private CaseAudit() {
    }

    static Result run(Path casePath, Path out, int threads) throws IOException, CaseException {
        return run(casePath, out, threads, true, b -> b);
    }

    /** As {@link #run}, with the engine's options changed by {@code options}. */
    static Result run(Path casePath, Path out, int threads,
            java.util.function.UnaryOperator<AuditOptions.Builder> options) throws IOException, CaseException {
        return run(casePath, out, threads, true, options);
    }

    /** As {@link #run}, writing only the JSON report and the detail CSV, unvalidated (for benchmarks). */
    static Result runJsonOnly(Path casePath, Path out, int threads) throws IOException, CaseException {
        return run(casePath, out, threads, false, b -> b);
    }

    private static Result run(Path casePath, Path out, int threads, boolean everyFormat,
            java.util.function.UnaryOperator<AuditOptions.Builder> options) throws IOException, CaseException {
        Files.createDirectories(out);
        try (LoadedCase c = new CaseReader().read(casePath)) {
            List<InputIssue> warnings = new ArrayList<>(c.warnings());
            FeeDictionary dictionary = SynonymFeeDictionary.of(Wiring.packs());
            List<DisclosureExtractor> extractors = List.of(
                    new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, dictionary),
                    new BlockCatalogueExtractor(ExtractionLimits.DEFAULTS, dictionary),
                    new ProductPageExtractor(ExtractionLimits.DEFAULTS, dictionary));
            SourceFetcher fetcher = new PoliteSourceFetcher(Wiring.defaults(FetchConfig.class),
                    new FileSnapshotStore(out.resolve("snapshots")));
            List<SourceStatus> statuses = new ArrayList<>();
            List<Disclosure> disclosures = new ArrayList<>();
            for (SourceRef source : c.sources()) {
                try {
                    Snapshot snapshot = fetcher.fetch(source, c.folder(), false);
                    DisclosureExtractor best = extractors.stream()
                            .max(Comparator.comparingInt(x -> x.suitability(source, snapshot))).orElseThrow();
                    Disclosure d = best.extract(source, snapshot);
                    disclosures.add(d);
                    statuses.add(SourceStatus.ok(source.id(), snapshot.sha256(), d.items().size()));
                } catch (SourceException e) {
                    statuses.add(SourceStatus.failed(source.id(), e.getMessage()));
                }
            }
            statuses.addAll(c.refusedSources());
            LoanBookReader book = book(c.folder(), warnings);
            AuditInput input = AuditInput.builder(c.caseInfo()).nationalDefaults(Wiring.NATIONAL_DEFAULTS)
                    .sources(c.sources()).sourceStatuses(statuses).disclosures(disclosures).partners(c.partners())
                    .benchmarks(c.benchmarks()).warnings(warnings).demandDepositRate(Wiring.DEMAND_RATE)
                    .referenceRates(Wiring.lpr())
                    .loanBook(book == null ? null : listener -> book.read(c.folder(), listener)).build();
            Path json = out.resolve("report.json");
            Path detailFile = out.resolve("detail.csv");
            Report report;
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long loanPhaseCpu = os.getProcessCpuTime();
            long loanPhase = System.nanoTime();
            try (DetailCsvWriter detail = new DetailCsvWriter(rewrite(detailFile))) {
                report = AuditEngine.audit(input, Wiring.packs(), Wiring.analyzer(),
                        options.apply(AuditOptions.builder().workerThreads(threads).engineVersion("1.0.0")
                                .detail(detail).findingRenderer(PRERENDER ? JsonReportWriter.findingRenderer() : null))
                                .build());
            }
            long written = System.nanoTime();
            long writtenCpu = os.getProcessCpuTime();
            try (FileChannel o = openForRewrite(json)) {
                new JsonReportWriter().write(report, o);
                cutToPosition(o);
            }
            if (Boolean.getBoolean("feewatch.bench.phases")) {
                System.out.printf("  audit %.3f s (%.3f s CPU), JSON report %.3f s (%.3f s CPU)%n",
                        (written - loanPhase) / 1e9, (writtenCpu - loanPhaseCpu) / 1e9,
                        (System.nanoTime() - written) / 1e9, (os.getProcessCpuTime() - writtenCpu) / 1e9);
            }
            if (!everyFormat) {
                return new Result(report, json, detailFile);
            }
            try (OutputStream o = Files.newOutputStream(out.resolve("report.html"))) {
                new HtmlReportWriter().write(report, o);
            }
            try (OutputStream o = Files.newOutputStream(out.resolve("report.csv"))) {
                new CsvReportWriter().write(report, o);
            }
            // every JSON report a conformance run writes must validate
            List<String> invalid = ReportSchema.errors(json);
            if (!invalid.isEmpty()) {
                throw new AssertionError(json + " does not validate against report.schema.json: " + invalid);
            }
            return new Result(report, json, detailFile);
        }
    }

    /*
     * The command's --out and --detail files are opened so (feewatch.core's OutputFiles): written
     * from the start without being cut to nothing first, which on ext4 makes the next audit wait for
     * the disk; cut where the writing ended.
     */
    private static FileChannel openForRewrite(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (ch.size() > 1) {
            ch.truncate(1);
        }
        return ch;
    }

    private static void cutToPosition(FileChannel ch) throws IOException {
        if (ch.size() > ch.position()) {
            ch.truncate(ch.position());
        }
    }

    private static OutputStream rewrite(Path file) throws IOException {
        FileChannel ch = openForRewrite(file);
        return new FilterOutputStream(Channels.newOutputStream(ch)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (ch.isOpen()) {
                    cutToPosition(ch);
                    ch.close();
                }
            }
        };
    }

    /** loans.jsonl when there is one (a loans.csv beside it is skipped with a warning), else loans.csv. */
    private static LoanBookReader book(Path dir, List<InputIssue> warnings) {
        LoanBookReader jsonl = new JsonlLoanBookReader(Wiring.defaults(ReaderConfig.class),
                Wiring.defaults(ColumnsConfig.class));
        LoanBookReader csv = new CsvLoanBookReader(Wiring.defaults(ReaderConfig.class),
                Wiring.defaults(ColumnsConfig.class));
        Path j = jsonl.bookFile(dir);
        Path v = csv.bookFile(dir);
        if (j != null && Files.exists(j)) {
            if (v != null && Files.exists(v)) {
                warnings.add(InputIssue.of(v.getFileName().toString(),
                        "the case also has loans.jsonl, which was read: this book was skipped"));
            }
            return jsonl;
        }
        return v != null && Files.exists(v) ? csv : null;
    }
}
