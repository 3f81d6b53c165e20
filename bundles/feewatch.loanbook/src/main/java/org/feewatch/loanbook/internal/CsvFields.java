package org.feewatch.loanbook.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits one CSV record (one physical line, RFC 4180 quoting: a quoted field may hold commas and
 * doubled quotes, never a line break) into field bounds, without copying. Spaces around a field, and
 * inside the quotes of a quoted one, are not part of it.
 */
final class CsvFields {
    private int count;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] doubledQuotes = new boolean[32];
    private byte[] b;
    private int lineStart;

    /** Byte classes for {@link #splitPlain}: a field separator, or a byte that needs {@link #split}. */
    static final byte[] CLASS = new byte[256];
    static final byte COMMA = 1;
    static final byte HIGH = 2;
    static final byte FULL = 3;
    static {
        CLASS[','] = COMMA;
        CLASS['"'] = FULL;
        CLASS[' '] = FULL;
        CLASS['\t'] = FULL;
        for (int c = 0x80; c < 0x100; c++) {
            CLASS[c] = HIGH;
        }
    }

    private int firstHigh;
    private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long TABS = 0x0909090909090909L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * The common line, with no quote, space or tab: split in one pass with one table look-up a
     * byte, giving what {@link #split} gives for it. False (nothing to use) when the line has one
     * of those bytes and needs {@link #split}.
     */
    boolean splitPlain(byte[] buf, int s, int e) {
        b = buf;
        lineStart = s;
        count = 0;
        firstHigh = -1;
        int fieldStart = s;
        int i = s;
        // eight bytes at a time: a quote, space or tab leaves the line to split(), each comma ends a
        // field, the first byte above 0x7F is noted; the byte loop below reads the rest the same way
        while (i + 8 <= e) {
            long w = Bytes.word(buf, i);
            if ((Bytes.matches(w, QUOTES) | Bytes.matches(w, SPACES) | Bytes.matches(w, TABS)) != 0) {
                return false;
            }
            long high = w & HIGH_BITS;
            if (high != 0 && firstHigh < 0) {
                firstHigh = i + Bytes.firstMarked(high);
            }
            long commas = Bytes.matches(w, COMMAS);
            while (commas != 0) {
                int at = i + Bytes.firstMarked(commas);
                add(fieldStart, at, false);
                fieldStart = at + 1;
                commas &= commas - 1;
            }
            i += 8;
        }
        for (; i < e; i++) {
            int k = CLASS[buf[i] & 0xFF];
            if (k != 0) {
                if (k == COMMA) {
                    add(fieldStart, i, false);
                    fieldStart = i + 1;
                } else if (k == HIGH) {
                    if (firstHigh < 0) {
                        firstHigh = i;
                    }
                } else {
                    return false;
                }
            }
        }
        add(fieldStart, e, false);
        return true;
    }

    /** After {@link #splitPlain}: the index of the line's first byte above 0x7F, or -1. */
    int firstHigh() {
        return firstHigh;
    }

    /** Splits bytes [s, e); throws when the quotes do not balance. */
    void split(byte[] buf, int s, int e) throws Reject {
        b = buf;
        lineStart = s;
        count = 0;
        int i = s;
        while (true) {
            while (i < e && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            if (i < e && b[i] == '"') {
                int j = i + 1;
                boolean doubled = false;
                int close;
                while (true) {
                    int q = Bytes.indexOf(b, j, e, (byte) '"');
                    if (q < 0) {
                        throw new Reject("unbalanced quotes: the quoted field starting at byte " + (i - s + 1)
                                + " is not closed on this line");
                    }
                    if (q + 1 < e && b[q + 1] == '"') {
                        doubled = true;
                        j = q + 2;
                        continue;
                    }
                    close = q;
                    break;
                }
                // spaces inside the quotes are not part of the value either: core systems pad fixed-width
                // fields ("K1        ", "  100000.00") and quote them all
                int from = i + 1;
                int to = close;
                while (from < to && (b[from] == ' ' || b[from] == '\t')) {
                    from++;
                }
                while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
                    to--;
                }
                add(from, to, doubled);
                int k = close + 1;
                while (k < e && (b[k] == ' ' || b[k] == '\t')) {
                    k++;
                }
                if (k == e) {
                    return;
                }
                if (b[k] != ',') {
                    throw new Reject("unbalanced quotes: unexpected text after the closing quote at byte "
                            + (close - s + 1));
                }
                i = k + 1;
            } else {
                // fields are short: a plain loop beats a word-at-a-time search set up per field
                int c = i;
                while (c < e) {
                    byte x = b[c];
                    if (x == ',' || x == '"') {
                        break;
                    }
                    c++;
                }
                if (c == e) {
                    c = -1;
                }
                if (c >= 0 && b[c] == '"') {
                    throw new Reject("unbalanced quotes: a quote inside an unquoted field at byte " + (c - s + 1));
                }
                int fieldEnd = c < 0 ? e : c;
                int t = fieldEnd;
                while (t > i && (b[t - 1] == ' ' || b[t - 1] == '\t')) {
                    t--;
                }
                add(i, t, false);
                if (c < 0) {
                    return;
                }
                i = c + 1;
            }
        }
    }

    private void add(int s, int e, boolean doubled) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            doubledQuotes = Arrays.copyOf(doubledQuotes, count * 2);
        }
        starts[count] = s;
        ends[count] = e;
        doubledQuotes[count] = doubled;
        count++;
    }

    int count() {
        return count;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    boolean empty(int i) {
        return starts[i] == ends[i];
    }

    boolean doubledQuotes(int i) {
        return doubledQuotes[i];
    }

    byte[] bytes() {
        return b;
    }

    /** Byte offset of field i in its line, from 1, for messages. */
    int column(int i) {
        return starts[i] - lineStart + 1;
    }

    /** The field's text; {@code cache} shares repeated values (may be null). */
    String text(int i, Charset cs, StringCache cache) throws Reject {
        int s = starts[i];
        int e = ends[i];
        String v;
        if (doubledQuotes[i]) {
            v = new String(b, s, e - s, cs).replace("\"\"", "\"");
        } else if (cache != null) {
            v = cache.get(b, s, e, cs);
        } else {
            v = new String(b, s, e - s, cs);
        }
        if (cs != StandardCharsets.UTF_8 && v.indexOf('\uFFFD') >= 0 && !hasReplacementBytes(s, e)) {
            throw new Reject("bytes that are not valid " + cs.name() + " in the field at byte " + column(i));
        }
        return v;
    }

    private boolean hasReplacementBytes(int s, int e) {
        // U+FFFD written on purpose in GB18030 is 0x84 0x31 0xA4 0x37
        for (int k = s; k + 3 < e; k++) {
            if (b[k] == (byte) 0x84 && b[k + 1] == 0x31 && b[k + 2] == (byte) 0xA4 && b[k + 3] == 0x37) {
                return true;
            }
        }
        return false;
    }
}
