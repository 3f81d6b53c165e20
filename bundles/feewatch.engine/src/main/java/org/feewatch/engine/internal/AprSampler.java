package org.feewatch.engine.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.feewatch.api.AprPoint;

/**
 * A bounded sample of loans for the APR chart that does not depend on thread timing: the
 * {@code size} loans whose ids hash lowest (a bottom-k sample, spread evenly over the book).
 */
public final class AprSampler {

    private record Key(long hash, String id) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(hash, o.hash);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }

    private final int size;
    private final TreeMap<Key, AprPoint> kept = new TreeMap<>();
    private volatile long threshold = Long.MAX_VALUE;

    public AprSampler(int size) {
        this.size = Math.max(0, size);
    }

    /** Offers a loan to the sample; its point is made only when the sample takes it. */
    public void offer(String loanId, java.time.LocalDate contractDate, java.math.BigDecimal lpr1y, double apr,
            boolean smallOrMicro) {
        if (size == 0 || !Double.isFinite(apr)) {
            return;
        }
        long h = mix(loanId.hashCode());
        if (h > threshold) {
            return;
        }
        synchronized (this) {
            kept.put(new Key(h, loanId), new AprPoint(loanId, contractDate, lpr1y, apr, smallOrMicro));
            if (kept.size() > size) {
                kept.pollLastEntry();
                threshold = kept.lastKey().hash();
            }
        }
    }

    /** The sample by contract date, then loan id. */
    public synchronized List<AprPoint> sample() {
        List<AprPoint> out = new ArrayList<>(kept.values());
        out.sort(Comparator.comparing(AprPoint::contractDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AprPoint::loanId));
        return out;
    }

    /** A 64-bit finaliser so that similar ids spread over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
