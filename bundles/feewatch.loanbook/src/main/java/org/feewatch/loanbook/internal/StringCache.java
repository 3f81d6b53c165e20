package org.feewatch.loanbook.internal;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Shares the String of values that repeat across a book (product names, payees, fee items), so a
 * million loans do not make a million copies of "普惠经营贷". One per parser thread; a direct-mapped
 * table, so a miss simply replaces the slot.
 */
final class StringCache {
    private static final int SLOTS = 1024;
    private static final int MAX_CACHED_BYTES = 96;

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];

    /** The cached String for exactly these bytes, or null (nothing is decoded or stored). */
    String peek(byte[] b, int s, int e) {
        int len = e - s;
        if (len > MAX_CACHED_BYTES) {
            return null;
        }
        int slot = slot(b, s, e);
        byte[] k = keys[slot];
        return k != null && same(k, b, s, len) ? values[slot] : null;
    }

    /** From the length and the first and last eight bytes (the compare below checks them all). */
    private static int slot(byte[] b, int s, int e) {
        int len = e - s;
        long h = len;
        if (len >= 8) {
            h = (h * 31 + Bytes.word(b, s)) * 31 + Bytes.word(b, e - 8);
        } else {
            for (int i = s; i < e; i++) {
                h = 31 * h + b[i];
            }
        }
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h >>> 54) & (SLOTS - 1);
    }

    private static boolean same(byte[] k, byte[] b, int s, int len) {
        if (k.length != len) {
            return false;
        }
        if (len >= 8) {
            // eight bytes at a time, the last word overlapping the one before it
            int j = 0;
            for (; j + 8 < len; j += 8) {
                if (Bytes.word(k, j) != Bytes.word(b, s + j)) {
                    return false;
                }
            }
            return Bytes.word(k, len - 8) == Bytes.word(b, s + len - 8);
        }
        for (int j = 0; j < len; j++) {
            if (k[j] != b[s + j]) {
                return false;
            }
        }
        return true;
    }

    String get(byte[] b, int s, int e, Charset cs) {
        int len = e - s;
        if (len > MAX_CACHED_BYTES) {
            return new String(b, s, len, cs);
        }
        int slot = slot(b, s, e);
        byte[] k = keys[slot];
        if (k != null && same(k, b, s, len)) {
            return values[slot];
        }
        String v = new String(b, s, len, cs);
        keys[slot] = Arrays.copyOfRange(b, s, e);
        values[slot] = v;
        return v;
    }
}
