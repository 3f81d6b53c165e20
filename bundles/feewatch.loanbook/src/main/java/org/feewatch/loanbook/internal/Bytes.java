package org.feewatch.loanbook.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Finding one byte value eight bytes at a time (line ends in large chunks). */
final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH = 0x8080808080808080L;

    private Bytes() {
    }

    /** 0x80 in each byte of x that equals the byte of {@code pattern}, exactly (no false hits). */
    static long matches(long x, long pattern) {
        long t = x ^ pattern;
        return ~(((t & LOW7) + LOW7) | t | LOW7);
    }

    /** The eight bytes at i as one little-endian long (i + 8 must not pass the array's end). */
    static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /**
     * The index (0-7) of the lowest byte of m with its high bit set, for m nonzero with no other bits
     * (as {@link #matches} gives): {@code Long.numberOfTrailingZeros(m) >>> 3} with no branch, as the
     * launcher's compiler (C1) runs that method as branching Java code.
     */
    static int firstMarked(long m) {
        // the lowest mark as 1 << 8k picks byte 7 - k of the multiplier, which holds k
        return (int) ((((m & -m) >>> 7) * 0x0001020304050607L) >>> 56);
    }

    static int indexOf(byte[] b, int from, int to, byte v) {
        long pattern = ONES * (v & 0xFF);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long m = matches((long) LONGS.get(b, i), pattern);
            if (m != 0) {
                return i + firstMarked(m);
            }
        }
        for (; i < to; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first byte with its high bit set (not ASCII), or -1. */
    static int firstNonAscii(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long m = (long) LONGS.get(b, i) & 0x8080808080808080L;
            if (m != 0) {
                return i + firstMarked(m);
            }
        }
        for (; i < to; i++) {
            if (b[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the {@code n}-th byte v (n from 1) in [from, to); when there are fewer, minus one
     * minus how many there are (-1 for none).
     */
    static int nthIndexOf(byte[] b, int from, int to, byte v, int n) {
        long pattern = ONES * (v & 0xFF);
        int seen = 0;
        int i = from;
        // thirty-two bytes with no v are stepped over after one test (whether some byte of x ^ pattern
        // is zero, exact as a yes or no); the words with one are then counted exactly, as below
        for (; i + 32 <= to; i += 32) {
            long t0 = (long) LONGS.get(b, i) ^ pattern;
            long t1 = (long) LONGS.get(b, i + 8) ^ pattern;
            long t2 = (long) LONGS.get(b, i + 16) ^ pattern;
            long t3 = (long) LONGS.get(b, i + 24) ^ pattern;
            if (((((t0 - ONES) & ~t0) | ((t1 - ONES) & ~t1) | ((t2 - ONES) & ~t2) | ((t3 - ONES) & ~t3))
                    & HIGH) == 0) {
                continue;
            }
            for (int k = i; k < i + 32; k += 8) {
                long m = matches((long) LONGS.get(b, k), pattern);
                if (m != 0) {
                    int c = Long.bitCount(m);
                    if (c >= n - seen) {
                        for (int r = n - seen - 1; r > 0; r--) {
                            m &= m - 1;
                        }
                        return k + firstMarked(m);
                    }
                    seen += c;
                }
            }
        }
        for (; i + 8 <= to; i += 8) {
            long m = matches((long) LONGS.get(b, i), pattern);
            if (m != 0) {
                int c = Long.bitCount(m);
                if (c >= n - seen) {
                    for (int k = n - seen - 1; k > 0; k--) {
                        m &= m - 1;
                    }
                    return i + firstMarked(m);
                }
                seen += c;
            }
        }
        for (; i < to; i++) {
            if (b[i] == v && ++seen == n) {
                return i;
            }
        }
        return -1 - seen;
    }

    static int lastIndexOf(byte[] b, int from, int to, byte v) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A CSV record with no value in it: only separators, blanks and empty quoted fields ({@code ,,,,}
     * or {@code "",""}), as spreadsheets write rows that were formatted but left empty.
     */
    static boolean emptyCsvRecord(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '"') {
                // an empty quoted field: "" not followed by a third quote (which would start content)
                if (i + 1 < to && b[i + 1] == '"' && (i + 2 == to || b[i + 2] != '"')) {
                    i++;
                    continue;
                }
                return false;
            }
            if (c != ',' && c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the content of the line [start, lineEnd) ends: before every carriage return at its end, so
     * that "\r\n" and "\r\r\n" (a CRLF file written again through a text-mode stream, as Python's csv
     * module does on Windows) end a line alike.
     */
    static int lineContentEnd(byte[] b, int start, int lineEnd) {
        int e = lineEnd;
        while (e > start && b[e - 1] == '\r') {
            e--;
        }
        return e;
    }
}
