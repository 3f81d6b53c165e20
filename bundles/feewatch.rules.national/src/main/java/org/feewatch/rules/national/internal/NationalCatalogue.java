package org.feewatch.rules.national.internal;

import org.feewatch.engine.catalogue.RuleCatalogue;

/** The national catalogue, read once from {@code catalogue.json}. */
public final class NationalCatalogue {

    public static final RuleCatalogue CATALOGUE =
            RuleCatalogue.fromResource(NationalCatalogue.class, "/org/feewatch/rules/national/catalogue.json");

    private NationalCatalogue() {
    }
}
