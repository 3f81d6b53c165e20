package org.feewatch.loanbook.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.feewatch.api.InputIssue;
import org.feewatch.api.Loan;
import org.feewatch.api.spi.LoanBookListener;

/**
 * Reads a case's loan book several times and prints wall time and loans per second (the reader
 * alone, no audit). Not a test: run by benchmarks/scale/run.sh --reader-only.
 *
 * <pre>java -cp … org.feewatch.loanbook.internal.ReaderBenchmark jsonl|csv CASE_DIR [runs] [threads]</pre>
 */
public final class ReaderBenchmark {
    private ReaderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String format = args[0];
        Path dir = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        ReaderSettings s = new ReaderSettings(threads, ReaderSettings.DEFAULTS.chunkBytes(),
                ReaderSettings.DEFAULTS.maxLineBytes());
        for (int r = 1; r <= runs; r++) {
            Counting l = new Counting();
            long t0 = System.nanoTime();
            long cpu0 = cpuNanos();
            ChunkedBookReader.Totals t = "csv".equals(format)
                    ? new CsvLoanBookReader(s, ColumnMapping.defaults(), "auto").readCounting(dir, l)
                    : new JsonlLoanBookReader(s).readCounting(dir, l);
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - cpu0) / 1e9;
            Runtime rt = Runtime.getRuntime();
            System.out.printf("run %d: %s %,d accepted, %,d rejected, %,d warnings, %,d fees, principal %s: "
                    + "%.3f s wall, %.3f s CPU (all threads), %,.0f loans/s, heap used %d MB, "
                    + "parser threads allocated %,d bytes per loan%n", r, format, t.accepted(),
                    t.rejected(), l.warnings.get(), l.fees.get(), l.principal, secs, cpu,
                    (t.accepted() + t.rejected()) / secs,
                    (rt.totalMemory() - rt.freeMemory()) >> 20, l.allocated() / Math.max(1, t.accepted()));
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Touches every loan the way a consumer would (so nothing is optimised away), keeps nothing. */
    private static final class Counting implements LoanBookListener {
        final AtomicLong warnings = new AtomicLong();
        final AtomicLong fees = new AtomicLong();
        BigDecimal principal = BigDecimal.ZERO;
        /** Bytes each parser thread had allocated when it last handed over a batch (it starts with the read). */
        private final java.util.Map<Long, Long> allocatedByThread = new java.util.concurrent.ConcurrentHashMap<>();

        long allocated() {
            return allocatedByThread.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public void onLoans(long sequence, List<Loan> loans) {
            BigDecimal sum = BigDecimal.ZERO;
            long f = 0;
            for (Loan loan : loans) {
                sum = sum.add(loan.principal());
                f += loan.fees().size() + loan.bundled().size();
            }
            fees.addAndGet(f);
            allocatedByThread.put(Thread.currentThread().getId(),
                    ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                            .getCurrentThreadAllocatedBytes());
            synchronized (this) {
                principal = principal.add(sum);
            }
        }

        @Override
        public void onRejected(InputIssue issue) {
        }

        @Override
        public void onWarning(InputIssue issue) {
            warnings.incrementAndGet();
        }
    }
}
