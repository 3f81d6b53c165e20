package org.feewatch.rules.national.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.feewatch.api.RuleInfo;
import org.feewatch.api.spi.Rule;
import org.junit.jupiter.api.Test;

/** Every code of the national catalogue has exactly one rule, in catalogue order, with the catalogue's entry. */
class NationalRulesTest {

    @Test
    void everyCatalogueCodeHasExactlyOneRuleInCatalogueOrder() {
        List<String> catalogue = NationalCatalogue.CATALOGUE.all().stream().map(RuleInfo::code).toList();
        List<String> rules = NationalRules.create().stream().map(r -> r.info().code()).toList();
        assertEquals(catalogue, rules);
    }

    @Test
    void rulesTakeTheirEntryFromTheCatalogue() {
        for (Rule rule : NationalRules.create()) {
            assertSame(NationalCatalogue.CATALOGUE.get(rule.info().code()), rule.info(), rule.info().code());
        }
    }
}
