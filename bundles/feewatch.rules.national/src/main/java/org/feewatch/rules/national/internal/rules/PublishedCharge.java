package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.feewatch.api.FeeTiming;
import org.feewatch.api.Loan;
import org.feewatch.api.Price;

/**
 * The most a published price allows a partner to charge over one loan's life, and a published
 * rate read per year. Percentages are taken of the principal (a fee base such as 担保金额 or
 * 贷款余额 is never more than the principal on a loan, so the bound is never too tight); a range is
 * bounded by its upper end; 免费 is 0; 协议定价 and a price that states nothing give no bound.
 */
final class PublishedCharge {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);
    private static final BigDecimal MONTHS_PER_QUARTER = BigDecimal.valueOf(3);
    private static final MathContext MC = MathContext.DECIMAL64;

    private PublishedCharge() {
    }

    /**
     * The largest total the price allows over the loan's life in yuan, or empty when the price sets
     * no bound (协议定价, nothing stated).
     *
     * @param chargedAs how the loan charged the fee: an annual fee over 13 months is charged twice,
     *                  so a per-year price is then counted twice too
     */
    static Optional<BigDecimal> lifeMaximum(Price price, Loan loan, FeeTiming chargedAs) {
        if (price == null) {
            return Optional.empty();
        }
        int n = PartnerFacts.termMonths(loan);
        switch (price.kind()) {
            case FREE:
                return Optional.of(BigDecimal.ZERO);
            case NEGOTIATED:
            case UNSTATED:
                return Optional.empty();
            case TIERED: {
                BigDecimal max = null;
                for (Price part : price.parts()) {
                    Optional<BigDecimal> m = lifeMaximum(part, loan, chargedAs);
                    if (m.isEmpty()) {
                        return Optional.empty();
                    }
                    max = max == null ? m.get() : max.max(m.get());
                }
                return Optional.ofNullable(max);
            }
            case PERCENT: {
                BigDecimal rate = upper(price);
                if (rate == null) {
                    return Optional.empty();
                }
                BigDecimal perCharge = loan.principal().multiply(rate).divide(HUNDRED, MC);
                if (price.maximum() != null) {
                    perCharge = perCharge.min(price.maximum());
                }
                if (price.minimum() != null) {
                    perCharge = perCharge.max(price.minimum());
                }
                return Optional.of(perCharge.multiply(periods(price.period(), loan, n, chargedAs), MC));
            }
            case FIXED: {
                BigDecimal amount = upper(price);
                if (amount == null) {
                    return Optional.empty();
                }
                return Optional.of(amount.multiply(periods(fixedPeriod(price), loan, n, chargedAs), MC));
            }
            default:
                return Optional.empty();
        }
    }

    /**
     * A published percentage as a rate per year in percent, or empty when the price is not a
     * percentage. RULES.md PART-002: "a published rate is per year"; a one-off percentage is read as
     * the charge for a year.
     */
    static Optional<BigDecimal> annualRate(Price price) {
        if (price == null) {
            return Optional.empty();
        }
        if (price.kind() == Price.Kind.TIERED) {
            BigDecimal max = null;
            for (Price part : price.parts()) {
                Optional<BigDecimal> r = annualRate(part);
                if (r.isPresent()) {
                    max = max == null ? r.get() : max.max(r.get());
                }
            }
            return Optional.ofNullable(max);
        }
        if (price.kind() != Price.Kind.PERCENT || upper(price) == null) {
            return Optional.empty();
        }
        BigDecimal rate = upper(price);
        Price.Period period = price.period() == null ? Price.Period.ONCE : price.period();
        return Optional.of(switch (period) {
            case ONCE, PER_YEAR -> rate;
            case PER_QUARTER -> rate.multiply(BigDecimal.valueOf(4));
            case PER_MONTH -> rate.multiply(MONTHS_PER_YEAR);
            case PER_DAY -> rate.multiply(BigDecimal.valueOf(365));
        });
    }

    private static BigDecimal upper(Price price) {
        return price.high() != null ? price.high() : price.low();
    }

    /** How many times a price of this period applies over the loan. */
    private static BigDecimal periods(Price.Period period, Loan loan, int n, FeeTiming chargedAs) {
        if (period == null) {
            return BigDecimal.ONE;
        }
        return switch (period) {
            case ONCE -> BigDecimal.ONE;
            case PER_YEAR -> chargedAs == FeeTiming.ANNUAL
                    ? BigDecimal.valueOf(PartnerFacts.occurrences(FeeTiming.ANNUAL, n))
                    : BigDecimal.valueOf(n).divide(MONTHS_PER_YEAR, MC);
            case PER_QUARTER -> BigDecimal.valueOf(n).divide(MONTHS_PER_QUARTER, MC);
            case PER_MONTH -> BigDecimal.valueOf(n);
            case PER_DAY -> BigDecimal.valueOf(ChronoUnit.DAYS.between(loan.contractDate(), loan.maturityDate()));
        };
    }

    /** A fixed price's period: the parsed one, else read from its unit (每年, 每月, 每日), else once. */
    private static Price.Period fixedPeriod(Price price) {
        if (price.period() != null) {
            return price.period();
        }
        String unit = price.unit();
        if (unit == null) {
            return Price.Period.ONCE;
        }
        if (unit.contains("年")) {
            return Price.Period.PER_YEAR;
        }
        if (unit.contains("季")) {
            return Price.Period.PER_QUARTER;
        }
        if (unit.contains("月")) {
            return Price.Period.PER_MONTH;
        }
        if (unit.contains("日") || unit.contains("天")) {
            return Price.Period.PER_DAY;
        }
        return Price.Period.ONCE;
    }
}
