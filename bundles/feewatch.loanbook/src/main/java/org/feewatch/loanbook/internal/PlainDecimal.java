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
        // the whole digits, then the point and the fraction's digits: one test a digit
        while (i < limit) {
            int dg = b[i] - '0';
            if (dg < 0 || dg > 9) {
                break;
            }
            v = v * 10 + dg;
            i++;
        }
        int whole = i - digitsStart;
        int fraction = 0;
        if (i < limit && b[i] == '.') {
            int point = ++i;
            while (i < limit) {
                int dg = b[i] - '0';
                if (dg < 0 || dg > 9) {
                    break;
                }
                v = v * 10 + dg;
                i++;
            }
            fraction = i - point;
            if (fraction == 0) {
                // "1." is not a plain decimal
                return false;
            }
        }
        if (whole == 0 || whole + fraction > 18) {
            return false;
        }
        end = i;
        unscaled = negative ? -v : v;
        scale = fraction;
        return true;
    }

    /** The value read; {@code shared}: the cache of values that repeat, or null. */
    BigDecimal value(DecimalCache shared) {
        return shared != null ? shared.get(unscaled, scale) : BigDecimal.valueOf(unscaled, scale);
    }
}
