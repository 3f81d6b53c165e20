package org.feewatch.loanbook.internal;

import java.math.BigDecimal;

/**
 * Shares the BigDecimal of amounts and rates that repeat across a book ("4.35", "100000.00"), keyed
 * on unscaled value and scale, so that equal values are one immutable instance. One per parser
 * thread; direct-mapped, a miss replaces the slot.
 */
final class DecimalCache {
    private static final int BITS = 12;

    private final long[] unscaled = new long[1 << BITS];
    private final int[] scales = new int[1 << BITS];
    private final BigDecimal[] values = new BigDecimal[1 << BITS];

    /** {@code BigDecimal.valueOf(unscaledValue, scale)}, shared when seen before. */
    BigDecimal get(long unscaledValue, int scale) {
        int slot = (int) (((unscaledValue + scale) * 0x9E3779B97F4A7C15L) >>> (64 - BITS));
        BigDecimal v = values[slot];
        if (v != null && unscaled[slot] == unscaledValue && scales[slot] == scale) {
            return v;
        }
        v = BigDecimal.valueOf(unscaledValue, scale);
        values[slot] = v;
        unscaled[slot] = unscaledValue;
        scales[slot] = scale;
        return v;
    }
}
