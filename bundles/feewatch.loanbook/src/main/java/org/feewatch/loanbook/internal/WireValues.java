package org.feewatch.loanbook.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;

/** The enumerated values of the case format, matched on raw bytes so that no String is made per loan. */
final class WireValues<E extends Enum<E>> {
    static final WireValues<BorrowerType> BORROWER_TYPES = new WireValues<>(BorrowerType.values(),
            BorrowerType::wireName);
    static final WireValues<RateType> RATE_TYPES = new WireValues<>(RateType.values(), RateType::wireName);
    static final WireValues<Repayment> REPAYMENTS = new WireValues<>(Repayment.values(), Repayment::wireName);
    static final WireValues<FeeTiming> FEE_TIMINGS = new WireValues<>(FeeTiming.values(), FeeTiming::wireName);

    private final E[] values;
    private final String list;
    /** Each wire name in double quotes, as a JSON value. */
    private final BytePattern[] quoted;
    private final BytePattern[] plain;
    /** The indexes of the values by the first byte of their wire name (ASCII). */
    private final int[][] byFirst = new int[128][];

    private WireValues(E[] values, java.util.function.Function<E, String> wire) {
        this.values = values;
        this.quoted = new BytePattern[values.length];
        this.plain = new BytePattern[values.length];
        for (int i = 0; i < values.length; i++) {
            plain[i] = new BytePattern(wire.apply(values[i]));
            quoted[i] = new BytePattern('"' + wire.apply(values[i]) + '"');
        }
        for (int c = 0; c < byFirst.length; c++) {
            final int first = c;
            byFirst[c] = java.util.stream.IntStream.range(0, values.length)
                    .filter(i -> wire.apply(values[i]).charAt(0) == first).toArray();
        }
        this.list = Arrays.stream(values).map(wire).collect(Collectors.joining(", "));
        String[] names = Arrays.stream(values).map(wire).toArray(String[]::new);
        String[] quotedKeys = new String[names.length];
        String[] fieldKeys = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            quotedKeys[i] = '"' + names[i] + '"';
            // a CSV field's name is followed by its comma: "micro," and "micro-owner" then differ
            fieldKeys[i] = names[i] + ',';
        }
        this.quotedPrefix = new Prefixes(quotedKeys);
        this.fieldPrefix = new Prefixes(fieldKeys);
    }

    /**
     * The one candidate for a value at p picked by its first bytes without a branch: the first
     * {@code length} bytes of each key (the shortest key's length, at most eight) differ, and a
     * multiplicative hash of them fills a small table with no two in one slot. The candidate is then
     * compared in full; a value that is not there gets -1 from the table or from that compare.
     */
    private static final class Prefixes {
        private static final int BITS = 6;
        /** Null when two keys share their first bytes: then the candidates are tried one by one. */
        final int[] slots;
        final long mask;
        final long multiplier;

        Prefixes(String[] keys) {
            int length = 8;
            for (String k : keys) {
                length = Math.min(length, k.length());
            }
            mask = length == 8 ? -1L : (1L << (8 * length)) - 1;
            long[] prefixes = new long[keys.length];
            for (int i = 0; i < keys.length; i++) {
                byte[] k = keys[i].getBytes(StandardCharsets.US_ASCII);
                for (int j = 0; j < length; j++) {
                    prefixes[i] |= (k[j] & 0xFFL) << (8 * j);
                }
            }
            int[] table = null;
            long m = 0x9E3779B97F4A7C15L;
            if (Arrays.stream(prefixes).distinct().count() == prefixes.length) {
                for (int attempt = 0; attempt < 1000; attempt++) {
                    table = fill(prefixes, m);
                    if (table != null) {
                        break;
                    }
                    // the next odd multiplier
                    m += 0x632BE59BD9B4E019L * 2;
                }
            }
            slots = table;
            multiplier = m;
        }

        private static int[] fill(long[] prefixes, long m) {
            int[] table = new int[1 << BITS];
            Arrays.fill(table, -1);
            for (int i = 0; i < prefixes.length; i++) {
                int slot = (int) ((prefixes[i] * m) >>> (64 - BITS));
                if (table[slot] >= 0) {
                    return null;
                }
                table[slot] = i;
            }
            return table;
        }
    }

    private final Prefixes quotedPrefix;
    private final Prefixes fieldPrefix;

    /** The value whose wire name is exactly these bytes, or null. */
    E match(byte[] b, int s, int e) {
        for (int i = 0; i < plain.length; i++) {
            if (plain[i].is(b, s, e)) {
                return values[i];
            }
        }
        return null;
    }

    /** The index of the value whose quoted wire name is at p (closing quote included), or -1. */
    int quotedAt(byte[] b, int p, int end) {
        Prefixes t = quotedPrefix;
        if (t.slots != null && p + 24 <= b.length) {
            // the candidate's three words compared at once (a pattern's unused words have no mask bits)
            long w0 = Bytes.word(b, p);
            int i = t.slots[(int) (((w0 & t.mask) * t.multiplier) >>> (64 - Prefixes.BITS))];
            if (i < 0) {
                return -1;
            }
            BytePattern q = quoted[i];
            long differ = ((w0 & q.m0) ^ q.w0) | ((Bytes.word(b, p + 8) & q.m1) ^ q.w1)
                    | ((Bytes.word(b, p + 16) & q.m2) ^ q.w2);
            return differ == 0 && p + q.length <= end ? i : -1;
        }
        return quotedAtNearEnd(b, p, end);
    }

    /** {@link #quotedAt} where three words would pass the array's end: the candidates one by one. */
    private int quotedAtNearEnd(byte[] b, int p, int end) {
        if (p + 1 >= end) {
            return -1;
        }
        int first = b[p + 1];
        if (first < 0) {
            return -1;
        }
        for (int i : byFirst[first]) {
            if (quoted[i].at(b, p, end)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the value whose wire name is at p and ends the CSV field there (a comma or
     * {@code end} follows), or -1; -1 too when the name's last word would pass the array's end.
     */
    int fieldAt(byte[] b, int p, int end) {
        Prefixes t = fieldPrefix;
        if (t.slots != null && p + 24 <= b.length) {
            long w0 = Bytes.word(b, p);
            int i = t.slots[(int) (((w0 & t.mask) * t.multiplier) >>> (64 - Prefixes.BITS))];
            if (i >= 0) {
                BytePattern v = plain[i];
                int q = p + v.length;
                long differ = ((w0 & v.m0) ^ v.w0) | ((Bytes.word(b, p + 8) & v.m1) ^ v.w1)
                        | ((Bytes.word(b, p + 16) & v.m2) ^ v.w2);
                if (differ == 0 && q < end && b[q] == ',') {
                    return i;
                }
            }
            // the last field of a line (no comma after it), or no value: the candidates one by one
        }
        return fieldAtOneByOne(b, p, end);
    }

    private int fieldAtOneByOne(byte[] b, int p, int end) {
        if (p >= end) {
            return -1;
        }
        int first = b[p];
        if (first < 0) {
            return -1;
        }
        for (int i : byFirst[first]) {
            int q = p + plain[i].length;
            if (q <= end && (q == end || b[q] == ',') && plain[i].at(b, p, end)) {
                return i;
            }
        }
        return -1;
    }

    int plainLength(int i) {
        return plain[i].length;
    }

    int quotedLength(int i) {
        return quoted[i].length;
    }

    E value(int i) {
        return values[i];
    }

    E parse(byte[] b, int s, int e, String field, Charset cs) throws Reject {
        E v = match(b, s, e);
        if (v == null) {
            throw new Reject(unknown(PlainValues.show(b, s, e, cs), field));
        }
        return v;
    }

    E parse(String text, String field) throws Reject {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        E v = match(b, 0, b.length);
        if (v == null) {
            throw new Reject(unknown(PlainValues.show(text), field));
        }
        return v;
    }

    /** The wire names, comma separated, for messages. */
    String list() {
        return list;
    }

    String unknown(String shown, String field) {
        return field + " \"" + shown + "\" is not one of " + list;
    }
}
