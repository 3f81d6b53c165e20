package org.feewatch.api;

/** What a finding is about; written as lower-case kebab words ({@code LOAN} as {@code loan}). */
public enum SubjectType {
    LOAN, PARTNER, FEE_ITEM, PRODUCT, SOURCE, PORTFOLIO;

    /** The name used in case files and reports. */
    public String wireName() {
        return WireEnum.wireName(this);
    }

    /** Parses a case-file or report name; throws IllegalArgumentException naming the bad value. */
    public static SubjectType fromWire(String wire) {
        return WireEnum.parse(SubjectType.class, wire);
    }
}
