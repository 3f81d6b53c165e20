package org.feewatch.loanbook.internal;

import java.nio.charset.StandardCharsets;

/**
 * A fixed ASCII byte sequence of up to 24 bytes (a quoted field name or enum value) compared
 * against a line eight bytes at a time: one to three word compares instead of a scan, a hash and a
 * byte loop. The words are fields, not an array, as C1 (the launcher's compiler) keeps loops and
 * array loads as written.
 */
final class BytePattern {
    static final int MAX_LENGTH = 24;

    final int length;
    private final byte[] bytes;
    /** For callers that compare the first word themselves (no call): see {@link #at}. */
    final int words;
    final int span;
    final long w0;
    final long m0;
    final long w1;
    final long m1;
    final long w2;
    final long m2;

    BytePattern(String ascii) {
        byte[] p = ascii.getBytes(StandardCharsets.US_ASCII);
        if (p.length == 0 || p.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a pattern has 1 to " + MAX_LENGTH + " bytes: " + ascii);
        }
        length = p.length;
        bytes = p;
        words = (p.length + 7) / 8;
        long[] w = new long[3];
        long[] m = new long[3];
        for (int i = 0; i < p.length; i++) {
            w[i / 8] |= (p[i] & 0xFFL) << (8 * (i % 8));
            m[i / 8] |= 0xFFL << (8 * (i % 8));
        }
        span = 8 * words;
        w0 = w[0];
        m0 = m[0];
        w1 = w[1];
        m1 = m[1];
        w2 = w[2];
        m2 = m[2];
    }

    /** True when bytes [s, e) are exactly the pattern. */
    boolean is(byte[] b, int s, int e) {
        if (e - s != length) {
            return false;
        }
        if (s + 8 * words <= b.length) {
            return at(b, s, e);
        }
        for (int j = 0; j < length; j++) {
            if (b[s + j] != bytes[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when bytes [p, p + length) are the pattern and lie before {@code end}. False too when
     * the pattern's last word would pass the array's end: callers then take their full path.
     */
    boolean at(byte[] b, int p, int end) {
        if (p + length > end || p + 8 * words > b.length) {
            return false;
        }
        if ((Bytes.word(b, p) & m0) != w0) {
            return false;
        }
        if (words == 1) {
            return true;
        }
        return rest(b, p);
    }

    /** The words after the first (when {@code words > 1}), the rest being checked as in {@link #at}. */
    boolean rest(byte[] b, int p) {
        if ((Bytes.word(b, p + 8) & m1) != w1) {
            return false;
        }
        return words == 2 || (Bytes.word(b, p + 16) & m2) == w2;
    }
}
