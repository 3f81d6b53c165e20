package org.example.feewatch.region.xx.internal;

import java.util.List;

import org.example.feewatch.region.xx.internal.rules.Xx001WaivedFee;
import org.feewatch.api.spi.RulePack;
import org.feewatch.engine.region.DataDrivenRulePack;
import org.osgi.service.component.annotations.Component;

/**
 * The CN-XX region pack: its rules, catalogue and data, registered as a RulePack service. The pack's
 * id, version, region, dates, policy defaults and synonyms come from the two data files.
 */
@Component(service = RulePack.class)
public class XxRulePack extends DataDrivenRulePack {

    static final String CATALOGUE = "/org/example/feewatch/region/xx/catalogue.json";
    static final String DATA = "/org/example/feewatch/region/xx/region-data.json";

    public XxRulePack() {
        super(XxRulePack.class, CATALOGUE, DATA,
                (catalogue, data) -> List.of(new Xx001WaivedFee(catalogue.get("XX-001"), data)));
    }
}
