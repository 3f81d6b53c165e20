package org.feewatch.conformance;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For the benchmarks: wall time, process CPU time and peak heap (sampled every 50 ms) from
 * {@link #start()} to {@link #stop()}.
 */
final class RunMeter {

    /** What one run took. */
    record Measure(double seconds, double cpuSeconds, long peakHeapBytes) {
    }

    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long cpuStart;
    private final long start;

    private RunMeter() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        sampler = new Thread(() -> {
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
        cpuStart = os.getProcessCpuTime();
        start = System.nanoTime();
    }

    static RunMeter start() {
        return new RunMeter();
    }

    Measure stop() {
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        sampler.interrupt();
        return new Measure(seconds, cpu, peak.get());
    }
}
