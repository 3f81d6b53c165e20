package org.feewatch.api;

/** The outcome of vetting a partner; written as lower-case kebab words ({@code APPROVE} as {@code approve}). */
public enum Verdict {
    APPROVE, CONDITIONAL, REJECT, TERMINATE;

    /** The name used in case files and reports. */
    public String wireName() {
        return WireEnum.wireName(this);
    }

    /** Parses a case-file or report name; throws IllegalArgumentException naming the bad value. */
    public static Verdict fromWire(String wire) {
        return WireEnum.parse(Verdict.class, wire);
    }
}
