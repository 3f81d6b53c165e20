package org.feewatch.rules.national.internal;

import java.util.List;

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
}
