package org.feewatch.itests.rules.internal;

import java.util.List;

import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RulePack;
import org.osgi.service.component.annotations.Component;

/**
 * A rule pack as a third party would ship it: one bundle, one DS component, one rule. The
 * integration tests install it through the plugin SPI and the plugins folder.
 */
@Component(service = RulePack.class)
public class ItestRulePack implements RulePack {

    public static final String ID = "itest";

    private final List<Rule> rules = List.of(new Itest001CaseSeen());

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1.0.0";
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
