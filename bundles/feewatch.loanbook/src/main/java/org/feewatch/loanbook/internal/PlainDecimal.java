package org.feewatch.loanbook.internal;

import java.math.BigDecimal;

/**
 * Reads a plain decimal of at most 18 digits in place, in one pass, up to the first byte that is
 * not part of it: the common form of a loan book's amounts and rates. What it accepts, followed by
 * the field's end, is exactly what {@link PlainValues#decimal} accepts with the same value; anything
 * else is left to that method (and its messages). One per parser thread.
 */
final class PlainDecimal {
    /** After a successful {@link #read}: where the decimal ended, its unscaled value and scale. */
    int end;
    long unscaled;
    int scale;

    /** Reads {@code -?digits(.digits)?} from p, before limit; false when that is not there. */
    boolean read(byte[] b, int p, int limit) {
        int i = p;
        boolean negative = i < limit && b[i] == '-';
        if (negative) {
            i++;
        }
        int digitsStart = i;
        long v = 0;
        int point = -1;
        while (i < limit) {
            byte c = b[i];
            int dg = c - '0';
            if (dg >= 0 && dg <= 9) {
                v = v * 10 + dg;
            } else if (c == '.' && point < 0) {
                point = i;
            } else {
                break;
            }
            i++;
        }
        int digits = i - digitsStart - (point < 0 ? 0 : 1);
        if (point == digitsStart || point == i - 1 || digits == 0 || digits > 18) {
            return false;
        }
        end = i;
        unscaled = negative ? -v : v;
        scale = point < 0 ? 0 : i - point - 1;
        return true;
    }

    /** The value read; {@code shared}: the cache of values that repeat, or null. */
    BigDecimal value(DecimalCache shared) {
        return shared != null ? shared.get(unscaled, scale) : BigDecimal.valueOf(unscaled, scale);
    }
}
