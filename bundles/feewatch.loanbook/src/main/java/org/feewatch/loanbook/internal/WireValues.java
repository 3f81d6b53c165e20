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
    }

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
        if (p + 1 >= end || p + 8 > b.length) {
            // BytePattern.at is false too when a pattern's first word would pass the array's end
            return -1;
        }
        int first = b[p + 1];
        if (first < 0) {
            return -1;
        }
        // only the values that start with that letter, their first word compared without a call
        long w = Bytes.word(b, p);
        for (int i : byFirst[first]) {
            BytePattern q = quoted[i];
            if ((w & q.m0) == q.w0 && p + q.length <= end
                    && (q.words == 1 || (p + q.span <= b.length && q.rest(b, p)))) {
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
        if (p >= end || p + 8 > b.length) {
            return -1;
        }
        int first = b[p];
        if (first < 0) {
            return -1;
        }
        long w = Bytes.word(b, p);
        for (int i : byFirst[first]) {
            BytePattern v = plain[i];
            int q = p + v.length;
            if ((w & v.m0) == v.w0 && q <= end && (q == end || b[q] == ',')
                    && (v.words == 1 || (p + v.span <= b.length && v.rest(b, p)))) {
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

    private String unknown(String shown, String field) {
        return field + " \"" + shown + "\" is not one of " + list;
    }
}
