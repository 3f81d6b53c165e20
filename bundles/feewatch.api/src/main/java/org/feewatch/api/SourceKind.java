package org.feewatch.api;

/** The kind of a disclosure source (sources.json); written as lower-case kebab words ({@code PRICE_CATALOG} as {@code price-catalog}). */
public enum SourceKind {
    PRICE_CATALOG, PRODUCT_PAGE, PARTNER_SCHEDULE;

    /** The name used in case files and reports. */
    public String wireName() {
        return WireEnum.wireName(this);
    }

    /** Parses a case-file or report name; throws IllegalArgumentException naming the bad value. */
    public static SourceKind fromWire(String wire) {
        return WireEnum.parse(SourceKind.class, wire);
    }
}
