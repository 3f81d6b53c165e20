package org.feewatch.region.gd.internal;

import java.util.List;

import org.feewatch.api.spi.RulePack;
import org.feewatch.engine.region.DataDrivenRulePack;
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
public class GuangdongRulePack extends DataDrivenRulePack {

    static final String CATALOGUE = "/org/feewatch/region/gd/catalogue.json";
    static final String DATA = "/org/feewatch/region/gd/region-data.json";

    @Activate
    public GuangdongRulePack() {
        super(GuangdongRulePack.class, CATALOGUE, DATA,
                (catalogue, data) -> List.of(new Gd001GovernmentGuaranteeAverageRate(catalogue.get("GD-001"), data),
                        new Gd002SampleInsuranceAverageRate(catalogue.get("GD-002"), data)));
    }
}
