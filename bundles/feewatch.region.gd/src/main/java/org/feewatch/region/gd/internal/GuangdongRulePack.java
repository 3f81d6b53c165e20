package org.feewatch.region.gd.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Policy;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RulePack;
import org.feewatch.engine.catalogue.RegionData;
import org.feewatch.engine.catalogue.RuleCatalogue;
import org.feewatch.region.gd.internal.rules.Gd001GovernmentGuaranteeAverageRate;
import org.feewatch.region.gd.internal.rules.Gd002SampleInsuranceAverageRate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The Guangdong region pack (CN-GD): rules GD-001 and GD-002 (a labelled sample), a guarantee-fee default and
 * the data of {@code region-data.json}. Registered as a {@link RulePack} service while the bundle
 * is active, so installing or removing the bundle adds or removes it without a restart.
 */
@Component(service = RulePack.class)
public class GuangdongRulePack implements RulePack {

    static final String CATALOGUE = "/org/feewatch/region/gd/catalogue.json";
    static final String DATA = "/org/feewatch/region/gd/region-data.json";

    private final RuleCatalogue catalogue;
    private final RegionData data;
    private final List<Rule> rules;

    @Activate
    public GuangdongRulePack() {
        this(RuleCatalogue.fromResource(GuangdongRulePack.class, CATALOGUE),
                RegionData.fromResource(GuangdongRulePack.class, DATA));
    }

    /** A pack over other data files (tests: a pack whose data tries to loosen a threshold). */
    public GuangdongRulePack(RuleCatalogue catalogue, RegionData data) {
        this.catalogue = catalogue;
        this.data = data;
        this.rules = List.of(new Gd001GovernmentGuaranteeAverageRate(catalogue.get("GD-001"), data),
                new Gd002SampleInsuranceAverageRate(catalogue.get("GD-002"), data));
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
