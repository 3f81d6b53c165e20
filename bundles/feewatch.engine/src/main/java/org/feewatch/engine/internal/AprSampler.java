package org.feewatch.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.feewatch.api.AprPoint;
import org.feewatch.api.Loan;

/**
 * A bounded sample of loans for the APR chart that does not depend on thread timing: the
 * {@code size} loans whose ids hash lowest (a bottom-k sample, spread evenly over the book), ties
 * of the hash broken by id.
 * <p>
 * The sample is kept as arrays sorted by (hash, id): a binary search over a few kilobytes of
 * hashes and one array copy per loan taken. A tree of that many nodes, scattered over the heap,
 * cost a cache miss per level on each of the ~15,000 loans a million-loan book offers it.
 */
public final class AprSampler {

    private final int size;
    /** The kept loans' hashes, ids and points, sorted by (hash, id); {@code count} are in use (guarded by this). */
    private long[] hashes;
    private String[] ids;
    private AprPoint[] points;
    private int count;
    /** Once {@code size} loans are kept: the highest hash kept; a loan that hashes above it cannot be taken. */
    private volatile long threshold = Long.MAX_VALUE;

    public AprSampler(int size) {
        this.size = Math.max(0, size);
        int initial = Math.min(this.size, 256);
        this.hashes = new long[initial];
        this.ids = new String[initial];
        this.points = new AprPoint[initial];
    }

    /**
     * Offers a loan to the sample; its point (and the loan's figures in it) is made only when the
     * sample takes it, which after the first few thousand loans is rare.
     */
    public void offer(Loan loan, java.math.BigDecimal lpr1y, double apr) {
        if (size == 0 || !Double.isFinite(apr)) {
            return;
        }
        String loanId = loan.id();
        long h = mix(loanId.hashCode());
        if (h > threshold) {
            return;
        }
        synchronized (this) {
            insert(h, loanId, loan, lpr1y, apr);
        }
    }

    private void insert(long h, String loanId, Loan loan, java.math.BigDecimal lpr1y, double apr) {
        // the first position whose key is not below (h, loanId)
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(hashes[mid], ids[mid], h, loanId) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo < count && hashes[lo] == h && ids[lo].equals(loanId)) {
            points[lo] = new AprPoint(loanId, loan.contractDate(), lpr1y, apr, loan.smallOrMicro());
            return; // the same loan again: its newer point, as a map would keep
        }
        if (count == size) {
            if (lo == size) {
                return; // above every kept loan
            }
            count--; // the highest kept loan leaves
        } else if (count == hashes.length) {
            int grown = (int) Math.min(size, 2L * hashes.length);
            hashes = Arrays.copyOf(hashes, grown);
            ids = Arrays.copyOf(ids, grown);
            points = Arrays.copyOf(points, grown);
        }
        System.arraycopy(hashes, lo, hashes, lo + 1, count - lo);
        System.arraycopy(ids, lo, ids, lo + 1, count - lo);
        System.arraycopy(points, lo, points, lo + 1, count - lo);
        hashes[lo] = h;
        ids[lo] = loanId;
        points[lo] = new AprPoint(loanId, loan.contractDate(), lpr1y, apr, loan.smallOrMicro());
        count++;
        if (count == size) {
            threshold = hashes[size - 1];
        }
    }

    private static int compare(long hashA, String idA, long hashB, String idB) {
        int c = Long.compare(hashA, hashB);
        return c != 0 ? c : idA.compareTo(idB);
    }

    /** The sample by contract date, then loan id. */
    public synchronized List<AprPoint> sample() {
        List<AprPoint> out = new ArrayList<>(Arrays.asList(points).subList(0, count));
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
