package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.util.Optional;

import org.feewatch.api.Price;

/**
 * A published partner rate read per year (RULES.md PART-002); what a published price allows over a
 * loan's life is {@link org.feewatch.engine.price.PriceEvaluator}'s.
 */
final class PublishedRate {

    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

    private PublishedRate() {
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
}
