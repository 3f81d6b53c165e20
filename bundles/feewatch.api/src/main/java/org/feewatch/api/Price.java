package org.feewatch.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A published price as structured data, parsed from text such as 按贷款金额的0.5%收取, 每笔200元,
 * 年费率1.2%, 0.3%-1%, 100-500元, 免费, 协议定价.
 *
 * <ul>
 * <li>{@link Kind#PERCENT}: {@code low}..{@code high} percent of {@code base}, per {@code period};
 * {@code minimum}/{@code maximum} bound the charge in yuan when stated.</li>
 * <li>{@link Kind#FIXED}: {@code low}..{@code high} yuan per {@code unit} (每笔, 每份, 每年 …);
 * "不超过 X" gives low = null, high = X.</li>
 * <li>{@link Kind#FREE}: 免费, 暂不收费, 取消收费 (a price of 0).</li>
 * <li>{@link Kind#NEGOTIATED}: 协议定价 — a pricing method without a bound.</li>
 * <li>{@link Kind#UNSTATED}: blank, or text that states no price (详询营业网点).</li>
 * <li>{@link Kind#TIERED}: several prices by tier or condition, in {@code parts}.</li>
 * </ul>
 */
public record Price(Kind kind, BigDecimal low, BigDecimal high, Base base, Period period, String unit,
        BigDecimal minimum, BigDecimal maximum, List<Price> parts, String text) {

    public enum Kind { PERCENT, FIXED, FREE, NEGOTIATED, UNSTATED, TIERED }

    /** What a percentage is taken of. PRINCIPAL covers 贷款金额, 本金, 承诺金额, 安排金额, 担保金额 on a loan. */
    public enum Base { PRINCIPAL, OUTSTANDING, TRANSACTION, FACE_VALUE, OTHER }

    /** How often the price is charged. */
    public enum Period { ONCE, PER_YEAR, PER_QUARTER, PER_MONTH, PER_DAY }

    public Price {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    public static Price unstated(String text) {
        return new Price(Kind.UNSTATED, null, null, null, null, null, null, null, null, text);
    }

    public static Price free(String text) {
        return new Price(Kind.FREE, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, null, null, null, text);
    }

    public static Price negotiated(String text) {
        return new Price(Kind.NEGOTIATED, null, null, null, null, null, null, null, null, text);
    }

    /** True when the text states a price standard (DISC-002): anything but UNSTATED. */
    public boolean statesPrice() {
        return kind != Kind.UNSTATED;
    }
}
