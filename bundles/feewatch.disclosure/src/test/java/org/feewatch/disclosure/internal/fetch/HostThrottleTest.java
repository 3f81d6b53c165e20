package org.feewatch.disclosure.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HostThrottleTest {

    private long now = 1_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();

    private HostThrottle throttle(Duration delay) {
        return new HostThrottle(delay, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        });
    }

    @Test
    void secondRequestToAHostWaitsForTheDelay() throws InterruptedException {
        HostThrottle t = throttle(Duration.ofSeconds(1));
        assertEquals(0, t.acquire("www.bank.cn"));
        now += Duration.ofMillis(300).toNanos();
        assertEquals(Duration.ofMillis(700).toNanos(), t.acquire("www.bank.cn"));
        assertEquals(List.of(Duration.ofMillis(700).toNanos()), sleeps);
    }

    @Test
    void otherHostsDoNotWait() throws InterruptedException {
        HostThrottle t = throttle(Duration.ofSeconds(1));
        t.acquire("www.bank.cn");
        assertEquals(0, t.acquire("fees.partner.cn"));
        assertEquals(List.of(), sleeps);
    }

    @Test
    void requestsQueuedTogetherAreSpacedOut() throws InterruptedException {
        long[] reserved = new long[3];
        HostThrottle t = new HostThrottle(Duration.ofSeconds(1), () -> now, nanos -> { });
        for (int i = 0; i < 3; i++) {
            reserved[i] = t.acquire("www.bank.cn"); // the clock does not move: each waits one more delay
        }
        assertEquals(0, reserved[0]);
        assertEquals(Duration.ofSeconds(1).toNanos(), reserved[1]);
        assertEquals(Duration.ofSeconds(2).toNanos(), reserved[2]);
    }

    @Test
    void afterTheDelayThereIsNoWait() throws InterruptedException {
        HostThrottle t = throttle(Duration.ofSeconds(1));
        t.acquire("www.bank.cn");
        now += Duration.ofSeconds(5).toNanos();
        assertEquals(0, t.acquire("www.bank.cn"));
    }

    @Test
    void zeroDelayNeverWaits() throws InterruptedException {
        HostThrottle t = throttle(Duration.ZERO);
        t.acquire("a");
        assertEquals(0, t.acquire("a"));
    }
}
