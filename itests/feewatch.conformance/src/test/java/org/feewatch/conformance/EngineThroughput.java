package org.feewatch.conformance;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;

import org.feewatch.api.CaseInfo;
import org.feewatch.api.Report;
import org.feewatch.engine.AuditEngine;
import org.feewatch.engine.AuditInput;
import org.feewatch.engine.AuditOptions;
import org.feewatch.report.DetailCsvWriter;

/**
 * A benchmark, not a test: judges a synthetic book of N loans with the real analyzer and the
 * national rules, writes the detail CSV to nowhere, and prints loans per second and the peak heap.
 *
 * <pre>
 * mvn -q -o -pl itests/feewatch.conformance -am test-compile
 * java -Xmx512m -cp "$(cat itests/feewatch.conformance/target/classpath.txt)" \
 *     org.feewatch.conformance.EngineThroughput 1000000 2
 * </pre>
 */
public final class EngineThroughput {

    private EngineThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long loans = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Result r = run(loans, threads);
        System.out.printf("%,d loans, %d threads: %.1f s wall, %.1f s CPU, %,.0f loans/s (%,.0f per CPU second), "
                + "%,d detail rows, %,d findings, peak heap %,d MB%n", loans, threads, r.seconds, r.cpuSeconds,
                loans / r.seconds, loans / r.cpuSeconds, r.rows, r.findings, r.peakHeapBytes / (1024 * 1024));
        System.out.println("findings by rule: " + r.report.byRule());
    }

    record Result(double seconds, double cpuSeconds, long rows, int findings, long peakHeapBytes, Report report) {
    }

    static Result run(long loans, int threads) throws IOException {
        CaseInfo c = new CaseInfo(SyntheticBook.BANK, "合成银行", "rural-commercial", "CN", LocalDate.of(2024, 6, 30),
                null);
        AuditInput input = AuditInput.builder(c).nationalDefaults(Wiring.NATIONAL_DEFAULTS)
                .demandDepositRate(Wiring.DEMAND_RATE).referenceRates(Wiring.lpr())
                .loanBook(SyntheticBook.of(loans, 1000, 42)).build();
        RunMeter meter = RunMeter.start();
        Report report;
        try (DetailCsvWriter detail = new DetailCsvWriter(OutputStream.nullOutputStream())) {
            report = AuditEngine.audit(input, Wiring.packs(), Wiring.analyzer(),
                    AuditOptions.builder().workerThreads(threads).detail(detail).engineVersion("bench").build());
            RunMeter.Measure m = meter.stop();
            return new Result(m.seconds(), m.cpuSeconds(), detail.rows(), report.findings().size(), m.peakHeapBytes(),
                    report);
        }
    }
}
