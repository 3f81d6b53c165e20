package org.feewatch.rules.national.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RulePack;
import org.osgi.service.component.annotations.Component;

/** The national rule pack (region CN): the rules of RULES.md with their catalogue and data. */
@Component(service = RulePack.class)
public class NationalRulePack implements RulePack {

    private final List<Rule> rules = NationalRules.create();

    @Override
    public String id() {
        return "national";
    }

    @Override
    public String version() {
        return NationalCatalogue.CATALOGUE.version();
    }

    @Override
    public String region() {
        return "CN";
    }

    @Override
    public List<Rule> rules() {
        return rules;
    }

    @Override
    public Map<String, String> feeSynonyms() {
        return NationalFeeDictionary.DEFAULT.synonyms();
    }

    @Override
    public Set<String> prohibitedForSmallMicro() {
        return NationalFeeDictionary.DEFAULT.prohibitedForSmallMicro();
    }

    @Override
    public Set<String> bankBorneCosts() {
        return NationalFeeDictionary.DEFAULT.bankBorneCosts();
    }
}
