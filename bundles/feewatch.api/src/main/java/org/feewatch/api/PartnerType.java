package org.feewatch.api;

/** The kind of third party (partners.json); written as lower-case kebab words ({@code GUARANTEE} as {@code guarantee}). */
public enum PartnerType {
    GUARANTEE, INSURANCE, LOAN_FACILITATION, APPRAISAL, NOTARY, REGISTRATION_AGENT, OTHER;

    /** The name used in case files and reports. */
    public String wireName() {
        return WireEnum.wireName(this);
    }

    /** Parses a case-file or report name; throws IllegalArgumentException naming the bad value. */
    public static PartnerType fromWire(String wire) {
        return WireEnum.parse(PartnerType.class, wire);
    }
}
