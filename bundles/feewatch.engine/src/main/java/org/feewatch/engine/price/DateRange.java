package org.feewatch.engine.price;

import java.time.LocalDate;

/**
 * A period a published price or discount states: from {@code from} to {@code to}, both days
 * included; a null end is open (「2023年1月1日起」 has no end, 「优惠期至2025年12月31日」 no start).
 *
 * @param from the first day, or null when the text gives no start
 * @param to   the last day, or null when the text gives no end (起, 至今, 长期)
 * @param text the phrase as it stood, for evidence
 */
public record DateRange(LocalDate from, LocalDate to, String text) {

    /** True when {@code day} is in the period. */
    public boolean contains(LocalDate day) {
        return day != null && (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** The first day as an epoch day, {@link Long#MIN_VALUE} when open. */
    public long fromDay() {
        return from == null ? Long.MIN_VALUE : from.toEpochDay();
    }

    /** The last day as an epoch day, {@link Long#MAX_VALUE} when open. */
    public long toDay() {
        return to == null ? Long.MAX_VALUE : to.toEpochDay();
    }

    /** The period in ISO dates, as evidence gives it: 2023-01-01起, 至2024-09-30, 2021-09-30至2024-09-30. */
    public String label() {
        if (from != null && to != null) {
            return from + "至" + to;
        }
        if (from != null) {
            return from + "起";
        }
        return to == null ? "" : "至" + to;
    }
}
