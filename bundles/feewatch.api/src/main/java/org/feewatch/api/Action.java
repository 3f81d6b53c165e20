package org.feewatch.api;

/** What a finding asks the audited institution to do; written as lower-case kebab words ({@code TERMINATE_PARTNERSHIP} as {@code terminate-partnership}). */
public enum Action {
    TERMINATE_PARTNERSHIP, REJECT_PARTNER, REFUND, FIX_DISCLOSURE, REPRICE, REVIEW;

    /** The name used in case files and reports. */
    public String wireName() {
        return WireEnum.wireName(this);
    }

    /** Parses a case-file or report name; throws IllegalArgumentException naming the bad value. */
    public static Action fromWire(String wire) {
        return WireEnum.parse(Action.class, wire);
    }
}
