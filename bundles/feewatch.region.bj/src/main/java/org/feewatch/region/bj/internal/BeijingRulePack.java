package org.feewatch.region.bj.internal;

import java.util.List;

import org.feewatch.api.spi.RulePack;
import org.feewatch.engine.catalogue.RegionData;
import org.feewatch.engine.catalogue.RuleCatalogue;
import org.feewatch.engine.region.DataDrivenRulePack;
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
public class BeijingRulePack extends DataDrivenRulePack {

    static final String CATALOGUE = "/org/feewatch/region/bj/catalogue.json";
    static final String DATA = "/org/feewatch/region/bj/region-data.json";

    @Activate
    public BeijingRulePack() {
        this(RuleCatalogue.fromResource(BeijingRulePack.class, CATALOGUE),
                RegionData.fromResource(BeijingRulePack.class, DATA));
    }

    /** A pack over other data files (tests: a pack whose data tries to loosen a threshold). */
    public BeijingRulePack(RuleCatalogue catalogue, RegionData data) {
        super(catalogue, data, (c, d) -> List.of(new Bj001AdditionalProcedureFees(c.get("BJ-001"), d),
                new Bj002GovernmentGuaranteeFeeRate(c.get("BJ-002"), d)));
    }
}
