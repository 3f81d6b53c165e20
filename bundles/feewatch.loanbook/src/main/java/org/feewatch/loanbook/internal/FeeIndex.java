package org.feewatch.loanbook.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where each loan's rows are in fees.csv, without the rows themselves: one entry per group of
 * consecutive rows with the same loan id (byte offset, length, first line, 64-bit hash of the id),
 * about 40 bytes per group. Parser threads re-read a loan's rows from the file when they parse the
 * loan; a hash match is always confirmed against the id in the row, so the index is exact. When
 * fees.csv is in the order of loans.csv, those reads move forward through the file. Groups never
 * claimed by a loan line are the orphan rows.
 */
final class FeeIndex {
    private long[] offsets = new long[256];
    private int[] lengths = new int[256];
    private long[] firstLines = new long[256];
    private long[] hashes = new long[256];
    private int[] next = new int[256];
    private int count;
    private int[] table = new int[1024];
    /** One bit per group: set for the first group of its id hash (the one {@link #firstGroup} gives). */
    private long[] heads = new long[4];
    private AtomicLongArray claimed;
    /**
     * Two bits per id hash in one word of a bit set of about 16 bits per group (a blocked Bloom
     * filter): most loans have no fee rows, and this answers "none" with one small memory read
     * instead of probing the large table (about 1.5 % of the answers are "maybe").
     */
    private long[] filter;
    private int filterMask;

    /**
     * Numbered ids ("G00000123": the prefix and digit count of the first id): one bit per number,
     * set for every group whose id has that form. Loans come in id order, so for the many loans
     * without fees "none" is read from a bit set walked in order, not from random places.
     */
    private static final int MAX_NUMBER = 1 << 27;
    private static final int MAX_DIGITS = 9;
    private byte[] numberedPrefix;
    private int numberedDigits;
    private long[] numbered;
    private boolean numberedOff;

    void add(long hash, long offset, int length, long firstLine) {
        if (count == offsets.length) {
            int cap = count * 2;
            offsets = Arrays.copyOf(offsets, cap);
            lengths = Arrays.copyOf(lengths, cap);
            firstLines = Arrays.copyOf(firstLines, cap);
            hashes = Arrays.copyOf(hashes, cap);
            next = Arrays.copyOf(next, cap);
            heads = Arrays.copyOf(heads, (cap + 63) / 64);
        }
        int g = count++;
        offsets[g] = offset;
        lengths[g] = length;
        firstLines[g] = firstLine;
        hashes[g] = hash;
        next[g] = -1;
        if (count * 2 > table.length) {
            rehash();
        }
        link(g);
    }

    /** Records the id of the group just added in the numbered-id bits. */
    void addNumbered(String id) {
        if (numberedOff) {
            return;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) >= 0x80) {
                // never of the numbered form (its prefix is ASCII); the first id decides the form
                if (numbered == null) {
                    numberedOff = true;
                }
                return;
            }
        }
        byte[] b = id.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        addNumbered(b, 0, b.length);
    }

    /** As {@link #addNumbered(String)} for the id whose text is the ASCII bytes [s, e). */
    void addNumbered(byte[] b, int s, int e) {
        if (numberedOff) {
            return;
        }
        int digitsStart = e;
        // up to MAX_DIGITS ASCII digits at the end: the same split for every id of the form
        while (digitsStart > s && e - digitsStart < MAX_DIGITS && b[digitsStart - 1] >= '0'
                && b[digitsStart - 1] <= '9') {
            digitsStart--;
        }
        int digits = e - digitsStart;
        if (numbered == null) {
            if (digits < 1) {
                numberedOff = true;
                return;
            }
            numberedPrefix = Arrays.copyOfRange(b, s, digitsStart);
            numberedDigits = digits;
            numbered = new long[64];
        }
        if (digits != numberedDigits || digitsStart - s != numberedPrefix.length) {
            return;
        }
        for (int i = 0; i < numberedPrefix.length; i++) {
            if (b[s + i] != numberedPrefix[i]) {
                return;
            }
        }
        int number = 0;
        for (int i = digitsStart; i < e; i++) {
            number = number * 10 + (b[i] - '0');
        }
        if (number >= MAX_NUMBER) {
            numberedOff = true;
            numbered = null;
            return;
        }
        int word = number >>> 6;
        if (word >= numbered.length) {
            numbered = Arrays.copyOf(numbered, Math.max(word + 1, numbered.length * 2));
        }
        numbered[word] |= 1L << (number & 63);
    }

    /**
     * False when no group can have the id whose text is exactly bytes [s, e) (the caller makes
     * sure of that: no doubled quote): it has the numbered form and its bit is not set.
     */
    boolean mayHave(byte[] b, int s, int e) {
        if (numbered == null || numberedOff || e - s != numberedPrefix.length + numberedDigits) {
            return true;
        }
        byte[] prefix = numberedPrefix;
        for (int i = 0; i < prefix.length; i++) {
            if (b[s + i] != prefix[i]) {
                return true;
            }
        }
        int number = 0;
        for (int i = s + prefix.length; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return true;
            }
            number = number * 10 + d;
        }
        int word = number >>> 6;
        return word < numbered.length && (numbered[word] & (1L << (number & 63))) != 0;
    }

    /** Extends the last group by one more row. */
    void extendLast(long rowEndOffset) {
        int g = count - 1;
        lengths[g] = (int) (rowEndOffset - offsets[g]);
    }

    int lastGroup() {
        return count - 1;
    }

    long lastGroupEnd() {
        return offsets[count - 1] + lengths[count - 1];
    }

    /** Call once all groups are added. */
    void seal() {
        claimed = new AtomicLongArray((count + 63) / 64);
        int words = Integer.highestOneBit(Math.max(1, count / 4) * 2 - 1);
        filter = new long[words];
        filterMask = words - 1;
        for (int g = 0; g < count; g++) {
            long h = hashes[g];
            filter[filterWord(h)] |= filterBits(h);
        }
    }

    private int filterWord(long h) {
        return (int) (h >>> 32) & filterMask;
    }

    private static long filterBits(long h) {
        return (1L << (h & 63)) | (1L << ((h >>> 6) & 63));
    }

    private void link(int g) {
        int mask = table.length - 1;
        int i = (int) hashes[g] & mask;
        while (table[i] != 0) {
            int head = table[i] - 1;
            if (hashes[head] == hashes[g]) {
                int t = head;
                while (next[t] >= 0) {
                    t = next[t];
                }
                next[t] = g;
                return;
            }
            i = (i + 1) & mask;
        }
        table[i] = g + 1;
        heads[g >>> 6] |= 1L << (g & 63);
    }

    private void rehash() {
        table = new int[table.length * 2];
        Arrays.fill(heads, 0L);
        for (int g = 0; g < count - 1; g++) {
            next[g] = -1;
        }
        for (int g = 0; g < count - 1; g++) {
            link(g);
        }
    }

    /** The first group whose id hash is {@code hash}, or -1; then {@link #nextGroup}. */
    int firstGroup(long hash) {
        if (filter != null) {
            long bits = filterBits(hash);
            if ((filter[filterWord(hash)] & bits) != bits) {
                return -1;
            }
        }
        int mask = table.length - 1;
        int i = (int) hash & mask;
        while (table[i] != 0) {
            int head = table[i] - 1;
            if (hashes[head] == hash) {
                return head;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    /**
     * {@link #firstGroup(long)}, trying group {@code hint} first: a parser passes the group after the
     * last one it found, which is the next loan's when fees.csv is in the order of loans.csv, and is
     * then read where the groups lie in order rather than through the table at random places.
     */
    int firstGroup(long hash, int hint) {
        if (hint >= 0 && hint < count && hashes[hint] == hash && (heads[hint >>> 6] & (1L << (hint & 63))) != 0) {
            return hint;
        }
        return firstGroup(hash);
    }

    int nextGroup(int g) {
        return next[g];
    }

    long offset(int g) {
        return offsets[g];
    }

    int length(int g) {
        return lengths[g];
    }

    long firstLine(int g) {
        return firstLines[g];
    }

    int groups() {
        return count;
    }

    void claim(int g) {
        int word = g >>> 6;
        long bit = 1L << (g & 63);
        long v;
        do {
            v = claimed.get(word);
            if ((v & bit) != 0) {
                return;
            }
        } while (!claimed.compareAndSet(word, v, v | bit));
    }

    boolean isClaimed(int g) {
        return (claimed.get(g >>> 6) & (1L << (g & 63))) != 0;
    }
}
