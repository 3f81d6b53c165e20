package org.feewatch.api;

import java.util.Objects;

/**
 * What a finding is about. The id is the loan id, the partner id, the source id (for
 * {@code source} and {@code product}), {@code SOURCEID:ITEM} for a published fee item, or a
 * quarter such as {@code 2023Q2} for {@code portfolio}.
 */
public record Subject(SubjectType type, String id) {
    public Subject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static Subject loan(String id) {
        return new Subject(SubjectType.LOAN, id);
    }

    public static Subject partner(String id) {
        return new Subject(SubjectType.PARTNER, id);
    }

    public static Subject product(String sourceId) {
        return new Subject(SubjectType.PRODUCT, sourceId);
    }

    public static Subject source(String sourceId) {
        return new Subject(SubjectType.SOURCE, sourceId);
    }

    public static Subject feeItem(String sourceId, String item) {
        return new Subject(SubjectType.FEE_ITEM, sourceId + ":" + item);
    }

    public static Subject portfolio(String quarter) {
        return new Subject(SubjectType.PORTFOLIO, quarter);
    }
}
