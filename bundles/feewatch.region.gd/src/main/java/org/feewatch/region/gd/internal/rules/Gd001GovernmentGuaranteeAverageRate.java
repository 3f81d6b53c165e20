package org.feewatch.region.gd.internal.rules;

import org.feewatch.api.PartnerType;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.catalogue.RegionData;

/**
 * GD-001: a government-backed guarantee partner's average annualised guarantee fee rate over the
 * case's small and micro loans of at most {@code caps.singleGuaranteeLimit} each is above
 * {@code caps.governmentGuaranteeAverageFeeRate} (Guangdong's fee-reduction subsidy condition).
 */
public final class Gd001GovernmentGuaranteeAverageRate implements Rule {

    static final String CAP = "governmentGuaranteeAverageFeeRate";

    private final RuleInfo info;
    private final PartnerAverageFeeRate average;

    public Gd001GovernmentGuaranteeAverageRate(RuleInfo info, RegionData data) {
        this.info = info;
        this.average = new PartnerAverageFeeRate(info, "guarantee-fee", "guarantee fee",
                p -> p.governmentBacked() && p.type() == PartnerType.GUARANTEE,
                data.cap("singleGuaranteeLimit").value(), data.cap(CAP).value(), CAP);
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        return average.start(context);
    }
}
