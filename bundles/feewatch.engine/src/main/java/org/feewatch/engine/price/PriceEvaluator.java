package org.feewatch.engine.price;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.feewatch.api.Price;
import org.feewatch.api.Price.Period;

/**
 * The most a published price allows on one loan, over the loan's life (RULES.md FEE-003): a
 * percentage is taken of the principal whatever base the text names (承诺金额, 安排金额, 贷款金额 and
 * 担保金额 all mean the principal on a loan; a balance or a transaction amount never exceeds it), a
 * range is bounded by its upper end, a per-year price is charged once for every year begun (the
 * cash-flow model's annual fees), a per-month price every month, minimum and maximum charges apply
 * to each charge, free is 0, an exemption for the borrower is 0, and a negotiated or unstated price,
 * or one with no upper end, sets no bound. A tiered price is bounded by its highest tier.
 */
public final class PriceEvaluator {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private PriceEvaluator() {
    }

    /**
     * The most the price allows on a loan of {@code principal} yuan over {@code termMonths} months;
     * empty when the price sets no bound.
     *
     * @param exempt true when the entry exempts this borrower (an entry that exempts small and micro
     *               borrowers, for such a borrower): the price is then 0
     */
    public static Optional<BigDecimal> maxCharge(Price price, BigDecimal principal, int termMonths, boolean exempt) {
        Objects.requireNonNull(principal, "principal");
        if (exempt) {
            return Optional.of(BigDecimal.ZERO);
        }
        if (price == null) {
            return Optional.empty();
        }
        int months = Math.max(termMonths, 1);
        switch (price.kind()) {
            case FREE:
                return Optional.of(BigDecimal.ZERO);
            case NEGOTIATED:
            case UNSTATED:
                return Optional.empty();
            case FIXED: {
                if (price.high() == null) {
                    return Optional.empty();
                }
                return Optional.of(PriceParser.tidy(price.high().multiply(BigDecimal.valueOf(charges(price.period(), months)))));
            }
            case PERCENT: {
                if (price.high() == null) {
                    return Optional.empty();
                }
                BigDecimal each = principal.multiply(price.high()).movePointLeft(2);
                if (price.minimum() != null && each.compareTo(price.minimum()) < 0) {
                    each = price.minimum();
                }
                if (price.maximum() != null && each.compareTo(price.maximum()) > 0) {
                    each = price.maximum();
                }
                return Optional.of(PriceParser.tidy(each.multiply(BigDecimal.valueOf(charges(price.period(), months)))));
            }
            case TIERED: {
                BigDecimal most = null;
                for (Price part : price.parts()) {
                    Optional<BigDecimal> bound = maxCharge(part, principal, months, false);
                    if (bound.isEmpty()) {
                        return Optional.empty();
                    }
                    most = most == null || bound.get().compareTo(most) > 0 ? bound.get() : most;
                }
                return Optional.ofNullable(most);
            }
            default:
                return Optional.empty();
        }
    }

    /**
     * {@link #maxCharge(Price, BigDecimal, int, boolean)} in floating point, for deciding cheaply that
     * a charge is clearly within the bound: the same cases and arithmetic on doubles, so the answer is
     * within a few units in the last place of the exact bound (relative error below 1e-12 for any
     * price and principal a loan can have). NaN when the price sets no bound. Rules use it only to
     * skip the exact computation when a charge is below the bound by far more than that error.
     */
    public static double maxChargeApprox(Price price, double principal, int termMonths, boolean exempt) {
        if (exempt) {
            return 0.0;
        }
        if (price == null) {
            return Double.NaN;
        }
        int months = Math.max(termMonths, 1);
        switch (price.kind()) {
            case FREE:
                return 0.0;
            case FIXED:
                return price.high() == null ? Double.NaN
                        : price.high().doubleValue() * charges(price.period(), months);
            case PERCENT: {
                if (price.high() == null) {
                    return Double.NaN;
                }
                double each = principal * price.high().doubleValue() / 100.0;
                if (price.minimum() != null && each < price.minimum().doubleValue()) {
                    each = price.minimum().doubleValue();
                }
                if (price.maximum() != null && each > price.maximum().doubleValue()) {
                    each = price.maximum().doubleValue();
                }
                return each * charges(price.period(), months);
            }
            case TIERED: {
                List<Price> parts = price.parts();
                if (parts.isEmpty()) {
                    return Double.NaN;
                }
                double most = Double.NEGATIVE_INFINITY;
                for (int i = 0, n = parts.size(); i < n; i++) {
                    double bound = maxChargeApprox(parts.get(i), principal, months, false);
                    if (Double.isNaN(bound)) {
                        return Double.NaN;
                    }
                    most = Math.max(most, bound);
                }
                return most;
            }
            default:
                return Double.NaN;
        }
    }

    /** As {@link #maxCharge(Price, BigDecimal, int, boolean)} with the term in years (rounded up to whole months). */
    public static Optional<BigDecimal> maxCharge(Price price, BigDecimal principal, BigDecimal termYears, boolean exempt) {
        int months = termYears.multiply(TWELVE).setScale(0, RoundingMode.CEILING).intValueExact();
        return maxCharge(price, principal, months, exempt);
    }

    /** A part of a tiered price written for small and micro borrowers: 「小微企业：每笔250元」. */
    private static final java.util.regex.Pattern FOR_SMALL_MICRO = java.util.regex.Pattern.compile(
            "^(?:对)?(?:小微|小、微|小型[、·•・/,和及与]?微型|个体工商户)[^:;]{0,10}:");

    /**
     * The part of a price that applies to a borrower, when the price is written by borrower size
     * (收费标准 over 大中型企业 | 小微企业: 「大中型企业：每笔500元；小微企业：每笔250元」): for a small or
     * micro borrower the parts written for small and micro borrowers, for any other borrower the other
     * parts. Any other price is returned as it is.
     */
    public static Price forBorrower(Price price, boolean smallOrMicro) {
        if (price == null || price.kind() != Price.Kind.TIERED) {
            return price;
        }
        List<Price> mine = new java.util.ArrayList<>();
        boolean labelled = false;
        for (Price part : price.parts()) {
            boolean forSmallMicro = part.text() != null && FOR_SMALL_MICRO.matcher(part.text()).find();
            labelled |= forSmallMicro;
            if (forSmallMicro == smallOrMicro) {
                mine.add(part);
            }
        }
        if (!labelled || mine.isEmpty()) {
            return price;
        }
        return mine.size() == 1 ? mine.get(0)
                : new Price(Price.Kind.TIERED, null, null, null, null, null, null, null, mine, price.text());
    }

    /** How many times a price of this period is charged over {@code months} months. */
    static long charges(Period period, int months) {
        if (period == null) {
            return 1;
        }
        return switch (period) {
            case ONCE -> 1;
            case PER_YEAR -> ceilDiv(months, 12);
            case PER_QUARTER -> ceilDiv(months, 3);
            case PER_MONTH -> months;
            case PER_DAY -> ceilDiv(months * 365L, 12);
        };
    }

    private static long ceilDiv(long a, long b) {
        return Math.max(1, (a + b - 1) / b);
    }
}
