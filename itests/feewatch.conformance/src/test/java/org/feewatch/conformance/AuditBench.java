package org.feewatch.conformance;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A benchmark, not a test: audits a case the way {@code feewatch audit CASE --format json --out
 * OUT/report.json --detail OUT/detail.csv} does, without OSGi, several times in one JVM, and prints
 * wall and CPU seconds of each run (the loan phase and the report writing, not the JVM start).
 *
 * <pre>
 * mvn -q -o -pl itests/feewatch.conformance -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "itests/feewatch.conformance/target/test-classes:$(cat \
 *     itests/feewatch.conformance/target/classpath.txt)" org.feewatch.conformance.AuditBench CASE OUT [runs]
 * </pre>
 *
 * {@code -Dfeewatch.bench.phases=true} prints the audit's and the JSON report's wall and CPU seconds;
 * {@code -Dfeewatch.bench.prerender=false} leaves the loan findings to be rendered by the JSON writer
 * instead of as they are spilled (the way before "Pre-rendered findings" in BENCHMARKS.md).
 */
public final class AuditBench {

    private AuditBench() {
    }

    public static void main(String[] args) throws Exception {
        Path casePath = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        for (int r = 1; r <= runs; r++) {
            RunMeter meter = RunMeter.start();
            CaseAudit.Result result = CaseAudit.runJsonOnly(casePath, out, threads);
            RunMeter.Measure m = meter.stop();
            System.out.printf("run %d: %.3f s wall, %.3f s CPU, %,d findings, report %,d bytes, detail %,d bytes%n", r,
                    m.seconds(), m.cpuSeconds(), result.report().bySeverity().values().stream().mapToInt(Integer::intValue).sum(), Files.size(result.json()),
                    Files.size(result.detail()));
            if (Boolean.getBoolean("feewatch.bench.phases")) {
                long t0 = System.nanoTime();
                long chars = 0;
                for (org.feewatch.api.Finding f : result.report().findings()) {
                    chars += f.title().length();
                }
                System.out.printf("  reading the findings back: %.3f s (%,d title chars)%n", (System.nanoTime() - t0) / 1e9,
                        chars);
            }
        }
    }
}
