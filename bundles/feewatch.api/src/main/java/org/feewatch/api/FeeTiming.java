package org.feewatch.api;

/** When a loan fee is paid (RULES.md cash-flow model); written as lower-case kebab words ({@code UPFRONT} as {@code upfront}). */
public enum FeeTiming {
    UPFRONT, ANNUAL, MONTHLY, MATURITY;

    /** The name used in case files and reports. */
    public String wireName() {
        return WireEnum.wireName(this);
    }

    /** Parses a case-file or report name; throws IllegalArgumentException naming the bad value. */
    public static FeeTiming fromWire(String wire) {
        return WireEnum.parse(FeeTiming.class, wire);
    }
}
