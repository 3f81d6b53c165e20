package org.feewatch.api;

/** A loan's repayment kind (RULES.md cash-flow model); written as lower-case kebab words ({@code BULLET} as {@code bullet}). */
public enum Repayment {
    BULLET, INTEREST_MONTHLY, EQUAL_INSTALLMENT, EQUAL_PRINCIPAL;

    /** The name used in case files and reports. */
    public String wireName() {
        return WireEnum.wireName(this);
    }

    /** Parses a case-file or report name; throws IllegalArgumentException naming the bad value. */
    public static Repayment fromWire(String wire) {
        return WireEnum.parse(Repayment.class, wire);
    }
}
