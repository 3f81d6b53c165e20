package org.feewatch.engine.region;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Policy;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RulePack;
import org.feewatch.engine.catalogue.RegionData;
import org.feewatch.engine.catalogue.RuleCatalogue;

/**
 * A region pack whose identity comes from its {@code catalogue.json} (id, version, region) and whose
 * dates, policy defaults, on-lending averages, fee synonyms and allowed hosts come from its
 * {@code region-data.json}. A pack extends it with just its resources and its rules, for example:
 *
 * <pre>{@code
 * @Component(service = RulePack.class)
 * public class XxRulePack extends DataDrivenRulePack {
 *     public XxRulePack() {
 *         super(XxRulePack.class, "/org/example/xx/catalogue.json", "/org/example/xx/region-data.json",
 *                 (catalogue, data) -> List.of(new Xx001WaivedFee(catalogue.get("XX-001"), data)));
 *     }
 * }
 * }</pre>
 */
public abstract class DataDrivenRulePack implements RulePack {

    private final RuleCatalogue catalogue;
    private final RegionData data;
    private final List<Rule> rules;

    /**
     * A pack over a catalogue and region data already loaded (tests use it to feed other data).
     *
     * @param rules the pack's rules, made from the catalogue (their titles and citations) and the data
     */
    protected DataDrivenRulePack(RuleCatalogue catalogue, RegionData data,
            BiFunction<RuleCatalogue, RegionData, List<Rule>> rules) {
        this.catalogue = catalogue;
        this.data = data;
        this.rules = List.copyOf(rules.apply(catalogue, data));
    }

    /**
     * A pack over the catalogue and region data resources next to {@code anchor} (absolute resource
     * paths, as for {@link RuleCatalogue#fromResource} and {@link RegionData#fromResource}).
     */
    protected DataDrivenRulePack(Class<?> anchor, String catalogueResource, String dataResource,
            BiFunction<RuleCatalogue, RegionData, List<Rule>> rules) {
        this(RuleCatalogue.fromResource(anchor, catalogueResource), RegionData.fromResource(anchor, dataResource),
                rules);
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
