package org.feewatch.api;

/** How a loan's rate is set; written as lower-case kebab words ({@code LPR} as {@code lpr}). */
public enum RateType {
    LPR, FIXED, BENCHMARK;

    /** The name used in case files and reports. */
    public String wireName() {
        return WireEnum.wireName(this);
    }

    /** Parses a case-file or report name; throws IllegalArgumentException naming the bad value. */
    public static RateType fromWire(String wire) {
        return WireEnum.parse(RateType.class, wire);
    }
}
