package org.feewatch.api;

/** Whether a partner is being vetted or is contracted; written as lower-case kebab words ({@code PROSPECTIVE} as {@code prospective}). */
public enum PartnerStatus {
    PROSPECTIVE, ACTIVE;

    /** The name used in case files and reports. */
    public String wireName() {
        return WireEnum.wireName(this);
    }

    /** Parses a case-file or report name; throws IllegalArgumentException naming the bad value. */
    public static PartnerStatus fromWire(String wire) {
        return WireEnum.parse(PartnerStatus.class, wire);
    }
}
