package org.feewatch.loanbook.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers every loan id of a book with the line it was first seen on, in little memory, so that a
 * later line with the same id can be rejected naming the first one. Used by one thread at a time, in
 * book order.
 *
 * <p>Two stores, both asked on every lookup:
 * <ul>
 * <li><b>Numbered runs</b> (exact, almost no memory): ids of the form prefix + digits ("G00000123",
 * "L0001") are kept as runs of consecutive numbers on consecutive lines, per prefix and digit count.
 * A book exported in id order is a handful of runs whatever its size: 10,000,000 such loans take a
 * few bytes.</li>
 * <li><b>Hashed ids</b> (everything else, or runs once there are too many of them): a 64-bit hash of
 * the id in an open-addressing table with the first line, 12 bytes a slot, at most 75 % full
 * (about 16-32 bytes per id). Two different ids with the same 64-bit hash would make the later one
 * a false duplicate: for n hashed ids the chance is about n²/2⁶⁵, i.e. 3·10⁻⁶ for 10,000,000 ids.</li>
 * </ul>
 */
final class IdRegistry {
    /** Beyond this many runs in all, new irregular ids go to the hash table. */
    private static final int MAX_RUNS = 1 << 20;
    /** Inserting a run in the middle moves the runs after it; allowed only while that is cheap. */
    private static final int MAX_RUNS_FOR_MIDDLE_INSERT = 4096;
    private static final int MAX_DIGITS = 18;
    private static final long EMPTY = 0L;

    private final Map<String, Runs> runsByKey = new HashMap<>();
    private String lastKeyPrefix;
    private int lastKeyWidth;
    private Runs lastRuns;
    private int totalRuns;

    private long[] keys = new long[1 << 10];
    private int[] lines = new int[1 << 10];
    private int size;

    /**
     * Where the trailing digits of {@code id} that make its number start (at most {@link #MAX_DIGITS});
     * {@code id.length()} when it ends in no digit.
     */
    static int digitsStart(String id) {
        int n = id.length();
        int s = n;
        while (s > 0 && n - s < MAX_DIGITS) {
            char c = id.charAt(s - 1);
            if (c < '0' || c > '9') {
                break;
            }
            s--;
        }
        return s;
    }

    /** The number written by the digits of {@code id} from {@code from} on (as {@link #digitsStart} found them). */
    static long number(String id, int from) {
        long v = 0;
        for (int i = from; i < id.length(); i++) {
            v = v * 10 + (id.charAt(i) - '0');
        }
        return v;
    }

    /** The line {@code id} was first seen on, or -1 when it is new (it is then remembered with {@code line}). */
    long firstLine(String id, long line) {
        int n = id.length();
        int digitsStart = n;
        // the trailing digits and their value in one backward pass
        long number = 0;
        long scale = 1;
        while (digitsStart > 0 && n - digitsStart < MAX_DIGITS) {
            int d = id.charAt(digitsStart - 1) - '0';
            if (d < 0 || d > 9) {
                break;
            }
            number += d * scale;
            scale *= 10;
            digitsStart--;
        }
        Runs runs = null;
        if (digitsStart < n) {
            runs = runsFor(id, digitsStart, n - digitsStart);
            if (size == 0 && runs.extendLast(number, line)) {
                // the next number on the next line (a book in id order): new, as the steps below find
                return -1;
            }
            long seen = runs.lineOf(number);
            if (seen >= 0) {
                return seen;
            }
        }
        long h = 0;
        if (size > 0 || runs == null) {
            h = hash(id);
            long seen = get(h);
            if (seen != -2) {
                return seen;
            }
        }
        if (runs != null && runs.add(number, line, this)) {
            return -1;
        }
        if (h == 0) {
            h = hash(id);
        }
        put(h, line);
        return -1;
    }

    /**
     * After {@link #firstLine} found {@code id} (number {@code number}, line {@code line}) new: remembers
     * the {@code more} ids that follow it, the same prefix and digit count with the next numbers on the
     * next lines (a chunk of a book in id order), when all of them are new, and says so; what that many
     * calls of {@link #firstLine} would do and answer, with one step. False (nothing done) when they
     * cannot be taken at once: they are then asked one by one.
     */
    boolean followedBy(String id, long number, long line, long more) {
        if (size != 0 || more <= 0 || lastRuns == null) {
            // an id could be in the hash table, which the runs do not know
            return false;
        }
        int digitsStart = id.length() - lastKeyWidth;
        if (digitsStart != lastKeyPrefix.length() || !samePrefix(id, lastKeyPrefix, digitsStart)) {
            return false;
        }
        return lastRuns.extendLastBy(number, line, more);
    }

    /** Ids held in the hash table (for tests and the benchmark's memory notes). */
    int hashedIds() {
        return size;
    }

    int runs() {
        return totalRuns;
    }

    /** {@code id.startsWith(prefix)} for a prefix of that length, char by char (a short prefix: "G"). */
    private static boolean samePrefix(String id, String prefix, int length) {
        for (int i = 0; i < length; i++) {
            if (id.charAt(i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private Runs runsFor(String id, int prefixLength, int width) {
        if (lastRuns != null && lastKeyWidth == width && lastKeyPrefix.length() == prefixLength
                && samePrefix(id, lastKeyPrefix, prefixLength)) {
            return lastRuns;
        }
        String prefix = id.substring(0, prefixLength);
        String key = prefix + '\u0000' + width;
        Runs r = runsByKey.computeIfAbsent(key, k -> new Runs());
        lastKeyPrefix = prefix;
        lastKeyWidth = width;
        lastRuns = r;
        return r;
    }

    static long hash(String s) {
        long h = 0x243F6A8885A308D3L ^ s.length();
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }

    /**
     * {@link #hash(String)} of the text of bytes [s, e) when they are all ASCII (each byte is then
     * its char, whatever the encoding); 0, never a hash, when one is not.
     */
    static long hashAscii(byte[] b, int s, int e) {
        long h = 0x243F6A8885A308D3L ^ (e - s);
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c < 0) {
                return 0;
            }
            h = (h ^ c) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }

    /** First line for hash h; -2 when absent. */
    private long get(long h) {
        int mask = keys.length - 1;
        int i = (int) h & mask;
        while (true) {
            long k = keys[i];
            if (k == EMPTY) {
                return -2;
            }
            if (k == h) {
                return lines[i];
            }
            i = (i + 1) & mask;
        }
    }

    private void put(long h, long line) {
        if ((size + 1) * 4L > keys.length * 3L) {
            grow();
        }
        // a book of more than 2³¹ lines (some 800 GB) would see its later first lines capped
        insert(keys, lines, h, (int) Math.min(line, Integer.MAX_VALUE));
        size++;
    }

    private static void insert(long[] ks, int[] ls, long h, int line) {
        int mask = ks.length - 1;
        int i = (int) h & mask;
        while (ks[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        ks[i] = h;
        ls[i] = line;
    }

    private void grow() {
        long[] nk = new long[keys.length * 2];
        int[] nl = new int[keys.length * 2];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                insert(nk, nl, keys[i], lines[i]);
            }
        }
        keys = nk;
        lines = nl;
    }

    /** Sorted, disjoint runs [start, end] of numbers whose lines are startLine, startLine + 1, … */
    private static final class Runs {
        private long[] start = new long[4];
        private long[] end = new long[4];
        private long[] startLine = new long[4];
        private int count;
        private int hint;

        long lineOf(long n) {
            if (count == 0) {
                return -1;
            }
            int r = hint;
            if (n > end[r] && (r + 1 == count || n < start[r + 1])) {
                // past the run last used and before the next one (the next id of a sorted book)
                return -1;
            }
            if (!(start[r] <= n && n <= end[r])) {
                r = floor(n);
                if (r < 0 || end[r] < n) {
                    return -1;
                }
            }
            return startLine[r] + (n - start[r]);
        }

        /** Index of the last run starting at or before n, or -1. */
        private int floor(long n) {
            int i = Arrays.binarySearch(start, 0, count, n);
            return i >= 0 ? i : -i - 2;
        }

        /**
         * Extends the run last used by n on the line after its last, when n follows it and comes before
         * the next run (then n is in no run): what {@link #lineOf} and {@link #add} do for it; else false.
         */
        boolean extendLast(long n, long line) {
            if (count > 0) {
                int h = hint;
                if (n == end[h] + 1 && line == startLine[h] + (end[h] - start[h]) + 1
                        && (h + 1 == count || start[h + 1] > n)) {
                    end[h] = n;
                    return true;
                }
            }
            return false;
        }

        /**
         * Extends the run last used, which ends with n on {@code line}, by the {@code more} numbers after
         * n on the lines after, when none of them is in a run: what {@link #extendLast} does for them
         * one by one; else false.
         */
        boolean extendLastBy(long n, long line, long more) {
            if (count == 0) {
                return false;
            }
            int h = hint;
            if (end[h] == n && line == startLine[h] + (end[h] - start[h]) && n <= Long.MAX_VALUE - more
                    && (h + 1 == count || start[h + 1] > n + more)) {
                end[h] = n + more;
                return true;
            }
            return false;
        }

        boolean add(long n, long line, IdRegistry owner) {
            if (extendLast(n, line)) {
                return true;
            }
            if (owner.totalRuns >= MAX_RUNS) {
                return false;
            }
            int pos = floor(n) + 1;
            if (pos < count && count >= MAX_RUNS_FOR_MIDDLE_INSERT) {
                return false;
            }
            if (count == start.length) {
                int cap = count * 2;
                start = Arrays.copyOf(start, cap);
                end = Arrays.copyOf(end, cap);
                startLine = Arrays.copyOf(startLine, cap);
            }
            int move = count - pos;
            if (move > 0) {
                System.arraycopy(start, pos, start, pos + 1, move);
                System.arraycopy(end, pos, end, pos + 1, move);
                System.arraycopy(startLine, pos, startLine, pos + 1, move);
            }
            start[pos] = n;
            end[pos] = n;
            startLine[pos] = line;
            count++;
            hint = pos;
            owner.totalRuns++;
            return true;
        }
    }
}
