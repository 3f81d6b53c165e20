package org.feewatch.disclosure.internal.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps at least the configured delay between two requests to the same host, across threads:
 * each request reserves the host's next free slot and waits for it.
 */
final class HostThrottle {

    /** Waits; replaceable in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long delayNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private final Map<String, Long> nextFree = new HashMap<>();

    HostThrottle(Duration delay, LongSupplier nanoClock, Sleeper sleeper) {
        this.delayNanos = delay.toNanos();
        this.clock = nanoClock;
        this.sleeper = sleeper;
    }

    static HostThrottle system(Duration delay) {
        return new HostThrottle(delay, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Waits until a request to {@code host} may be sent; returns how long it waited, in nanoseconds. */
    long acquire(String host) throws InterruptedException {
        if (delayNanos == 0) {
            return 0;
        }
        long now = clock.getAsLong();
        long slot;
        synchronized (nextFree) {
            Long free = nextFree.get(host);
            slot = free == null || free - now < 0 ? now : free;
            nextFree.put(host, slot + delayNanos);
            if (nextFree.size() > 1000) {
                nextFree.values().removeIf(t -> t - now < 0);
            }
        }
        long wait = slot - now;
        if (wait > 0) {
            sleeper.sleep(wait);
        }
        return wait;
    }
}
