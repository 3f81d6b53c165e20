package org.feewatch.engine.fees;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.feewatch.api.spi.FeeDictionary;
import org.feewatch.api.spi.RulePack;

/**
 * A fee dictionary built from the synonym tables of every loaded pack. An item name matches a
 * synonym when, after normalisation (whitespace and brackets dropped), it equals the synonym or
 * contains it; the longest synonym contained wins, so 法人账户透支承诺费 beats 承诺费.
 */
public final class SynonymFeeDictionary implements FeeDictionary {

    private final Map<String, String> synonyms;
    private final Set<String> prohibited;
    private final Set<String> bankBorne;
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private static final String NONE = "";

    public SynonymFeeDictionary(Map<String, String> synonyms, Set<String> prohibited, Set<String> bankBorne) {
        Map<String, String> normalised = new HashMap<>();
        synonyms.forEach((k, v) -> normalised.put(normalise(k), v));
        this.synonyms = Map.copyOf(normalised);
        this.prohibited = Set.copyOf(prohibited);
        this.bankBorne = Set.copyOf(bankBorne);
    }

    /** The merged dictionary of several packs (later packs add to earlier ones). */
    public static SynonymFeeDictionary of(List<RulePack> packs) {
        Map<String, String> synonyms = new HashMap<>();
        Set<String> prohibited = new HashSet<>();
        Set<String> bankBorne = new HashSet<>();
        for (RulePack pack : packs) {
            synonyms.putAll(pack.feeSynonyms());
            prohibited.addAll(pack.prohibitedForSmallMicro());
            bankBorne.addAll(pack.bankBorneCosts());
        }
        return new SynonymFeeDictionary(synonyms, prohibited, bankBorne);
    }

    @Override
    public String categoryOf(String itemName) {
        if (itemName == null) {
            return null;
        }
        String found = cache.get(itemName);
        if (found == null) {
            if (itemName.isBlank()) {
                return null;
            }
            // get first: computeIfAbsent with a bound method reference allocates on every call under C1
            found = cache.computeIfAbsent(itemName, this::lookup);
        }
        return found.isEmpty() ? null : found;
    }

    private String lookup(String itemName) {
        String name = normalise(itemName);
        String exact = synonyms.get(name);
        if (exact != null) {
            return exact;
        }
        String best = null;
        int bestLength = 0;
        for (Map.Entry<String, String> e : synonyms.entrySet()) {
            String synonym = e.getKey();
            if (synonym.length() > bestLength && name.contains(synonym)) {
                best = e.getValue();
                bestLength = synonym.length();
            }
        }
        return best == null ? NONE : best;
    }

    static String normalise(String original) {
        String s = Hanzi.simplified(original);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0); // full-width letters and digits read as ASCII
            }
            if (Character.isWhitespace(c) || c == '\u3000' || "()（）[]【】\"“”'‘’".indexOf(c) >= 0) {
                continue;
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }

    @Override
    public Set<String> prohibitedForSmallMicro() {
        return prohibited;
    }

    @Override
    public Set<String> bankBorneCosts() {
        return bankBorne;
    }
}
