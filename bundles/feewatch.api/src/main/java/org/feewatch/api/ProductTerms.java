package org.feewatch.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a loan product page states.
 *
 * @param advertisedApr       the advertised 年化利率 in percent, or null when the page shows none
 * @param aprLabel            the label beside it: "单利", "复利", "内部收益率" or null
 * @param periodicRateTexts   daily or monthly rates shown (日利率, 月利率, 日息万X), as published
 * @param executionRate       执行利率 in percent per year when stated, else null
 * @param termMonths          the (longest) term in months, or null
 * @param repayment           the repayment kind when recognised, else null
 * @param maxAmount           the largest loan amount the page states, in yuan, or null
 * @param fees                the fees the page states (name, parsed price, timing in the price's period)
 */
public record ProductTerms(String sourceId, String name, BigDecimal advertisedApr, String aprLabel,
        List<String> periodicRateTexts, BigDecimal executionRate, Integer termMonths, Repayment repayment,
        BigDecimal maxAmount, List<FeeItem> fees, String locator, String text) {
    public ProductTerms {
        periodicRateTexts = periodicRateTexts == null ? List.of() : List.copyOf(periodicRateTexts);
        fees = fees == null ? List.of() : List.copyOf(fees);
    }
}
