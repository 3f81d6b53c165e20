package org.feewatch.api;

/** The borrower classes of CASE-FORMAT.md; the first four are "small and micro". */
public enum BorrowerType {
    MICRO, SMALL, INDIVIDUAL_BUSINESS, MICRO_OWNER, MEDIUM, LARGE;

    /** Small and micro borrowers, to whom the small-business fee rules apply. */
    public boolean isSmallOrMicro() {
        return this == MICRO || this == SMALL || this == INDIVIDUAL_BUSINESS || this == MICRO_OWNER;
    }

    public String wireName() {
        return WireEnum.wireName(this);
    }

    public static BorrowerType fromWire(String wire) {
        return WireEnum.parse(BorrowerType.class, wire);
    }
}
