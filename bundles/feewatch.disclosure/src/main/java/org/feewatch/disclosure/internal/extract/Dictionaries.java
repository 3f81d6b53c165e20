package org.feewatch.disclosure.internal.extract;

import java.util.List;

import org.feewatch.api.spi.FeeDictionary;
import org.feewatch.api.spi.RulePack;
import org.feewatch.engine.fees.SynonymFeeDictionary;

/** The fee dictionary of the loaded rule packs, or null when no pack is loaded. */
final class Dictionaries {

    private Dictionaries() {
    }

    static FeeDictionary of(List<RulePack> packs) {
        if (packs == null || packs.isEmpty()) {
            return null;
        }
        return SynonymFeeDictionary.of(packs);
    }
}
