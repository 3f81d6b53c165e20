package org.feewatch.conformance;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A benchmark, not a test: audits a genbook.py case folder end to end (real readers, engine and
 * writers) and prints time, CPU time, peak heap and whether the loan findings are genbook's counts.
 *
 * <pre>
 * python3 ../shared/tools/genbook.py --loans 1000000 --seed 42 --format jsonl --out /tmp/gb1m
 * java -Xmx512m -cp "$(cat itests/feewatch.conformance/target/classpath.txt)" \
 *     org.feewatch.conformance.BookScale /tmp/gb1m 2
 * </pre>
 */
public final class BookScale {

    private BookScale() {
    }

    public static void main(String[] args) throws Exception {
        Path book = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        var memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Path out = Files.createTempDirectory("feewatch-scale-");
        CaseAudit.Result r = CaseAudit.run(book, out, threads);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        sampler.interrupt();
        long loans = r.report().loans().accepted();
        var expected = GeneratedBooks.expected(book);
        var actual = GeneratedBooks.loanFindings(r.report());
        System.out.printf("%,d loans, %d threads: %.1f s wall, %.1f s CPU (%,.0f loans per CPU second), "
                + "peak heap %,d MB, detail %,d bytes%n", loans, threads, wall, cpu, loans / cpu,
                peak.get() / (1024 * 1024), Files.size(r.detail()));
        System.out.println(expected.equals(actual) ? "loan findings per rule: exactly genbook's counts"
                : "loan findings differ: expected " + expected + ", got " + actual);
        Files.delete(r.detail());
    }
}
