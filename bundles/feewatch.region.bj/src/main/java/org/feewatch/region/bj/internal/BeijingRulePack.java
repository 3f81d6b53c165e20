package org.feewatch.region.bj.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Policy;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RulePack;
import org.feewatch.engine.catalogue.RegionData;
import org.feewatch.engine.catalogue.RuleCatalogue;
import org.feewatch.region.bj.internal.rules.Bj001AdditionalProcedureFees;
import org.feewatch.region.bj.internal.rules.Bj002GovernmentGuaranteeFeeRate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The Beijing region pack (CN-BJ): rules BJ-001 and BJ-002, a tighter guarantee-fee default and
 * the data of {@code region-data.json}. Registered as a {@link RulePack} service while the bundle
 * is active, so installing or removing the bundle adds or removes it without a restart.
 */
@Component(service = RulePack.class)
public class BeijingRulePack implements RulePack {

    static final String CATALOGUE = "/org/feewatch/region/bj/catalogue.json";
    static final String DATA = "/org/feewatch/region/bj/region-data.json";

    private final RuleCatalogue catalogue;
    private final RegionData data;
    private final List<Rule> rules;

    @Activate
    public BeijingRulePack() {
        this(RuleCatalogue.fromResource(BeijingRulePack.class, CATALOGUE),
                RegionData.fromResource(BeijingRulePack.class, DATA));
    }

    /** A pack over other data files (tests: a pack whose data tries to loosen a threshold). */
    public BeijingRulePack(RuleCatalogue catalogue, RegionData data) {
        this.catalogue = catalogue;
        this.data = data;
        this.rules = List.of(new Bj001AdditionalProcedureFees(catalogue.get("BJ-001"), data),
                new Bj002GovernmentGuaranteeFeeRate(catalogue.get("BJ-002"), data));
    }

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
