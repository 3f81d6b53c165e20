package org.feewatch.api;

/** The severity of a finding, most severe first; written as lower-case kebab words ({@code CRITICAL} as {@code critical}). */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** The name used in case files and reports. */
    public String wireName() {
        return WireEnum.wireName(this);
    }

    /** Parses a case-file or report name; throws IllegalArgumentException naming the bad value. */
    public static Severity fromWire(String wire) {
        return WireEnum.parse(Severity.class, wire);
    }

    /** True when this severity is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
