package org.example.feewatch.region.xx.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.example.feewatch.region.xx.internal.rules.Xx001WaivedFee;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Policy;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RulePack;
import org.feewatch.engine.catalogue.RegionData;
import org.feewatch.engine.catalogue.RuleCatalogue;
import org.osgi.service.component.annotations.Component;

/** The CN-XX region pack: its rules, catalogue and data, registered as a RulePack service. */
@Component(service = RulePack.class)
public class XxRulePack implements RulePack {

    static final String CATALOGUE = "/org/example/feewatch/region/xx/catalogue.json";
    static final String DATA = "/org/example/feewatch/region/xx/region-data.json";

    private final RuleCatalogue catalogue = RuleCatalogue.fromResource(XxRulePack.class, CATALOGUE);
    private final RegionData data = RegionData.fromResource(XxRulePack.class, DATA);
    private final List<Rule> rules = List.of(new Xx001WaivedFee(catalogue.get("XX-001"), data));

    @Override
    public String id() {
        return catalogue.pack();
    }

    @Override
    public String version() {
        return catalogue.version();
    }

    @Override
    public String region() {
        return catalogue.region();
    }

    @Override
    public LocalDate effectiveFrom() {
        return data.effectiveFrom();
    }

    @Override
    public LocalDate effectiveTo() {
        return data.effectiveTo();
    }

    @Override
    public List<Rule> rules() {
        return rules;
    }

    @Override
    public Policy policyDefaults() {
        return data.policyDefaults();
    }

    @Override
    public List<OnLendingAverage> onLendingAverages() {
        return data.onLendingAverages();
    }

    @Override
    public Map<String, String> feeSynonyms() {
        return data.feeSynonyms();
    }

    @Override
    public List<String> allowedHosts() {
        return data.allowedHosts();
    }
}
