package org.feewatch.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A benchmark, not a test: audits a genbook.py case folder end to end (real readers, engine, JSON
 * report and detail CSV, as {@code feewatch audit --format json --detail} writes them; no schema check)
 * and prints time, CPU time, peak heap and whether the loan findings are genbook's counts.
 *
 * <pre>
 * python3 ../shared/tools/genbook.py --loans 1000000 --seed 42 --format jsonl --out /tmp/gb1m
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx200m -cp "$(cat itests/feewatch.conformance/target/classpath.txt)" \
 *     org.feewatch.conformance.BookScale /tmp/gb1m 2
 * </pre>
 */
public final class BookScale {

    private BookScale() {
    }

    public static void main(String[] args) throws Exception {
        Path book = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        RunMeter meter = RunMeter.start();
        Path out = Files.createTempDirectory("feewatch-scale-");
        CaseAudit.Result r = CaseAudit.runJsonOnly(book, out, threads);
        RunMeter.Measure m = meter.stop();
        double wall = m.seconds();
        double cpu = m.cpuSeconds();
        long loans = r.report().loans().accepted();
        var expected = GeneratedBooks.expected(book);
        var actual = GeneratedBooks.loanFindings(r.report());
        System.out.printf("%,d loans, %d threads: %.1f s wall, %.1f s CPU (%,.0f loans per CPU second), "
                + "peak heap %,d MB, detail %,d bytes%n", loans, threads, wall, cpu, loans / cpu,
                m.peakHeapBytes() / (1024 * 1024), Files.size(r.detail()));
        System.out.println(expected.equals(actual) ? "loan findings per rule: exactly genbook's counts"
                : "loan findings differ: expected " + expected + ", got " + actual);
        Files.delete(r.detail());
    }
}
