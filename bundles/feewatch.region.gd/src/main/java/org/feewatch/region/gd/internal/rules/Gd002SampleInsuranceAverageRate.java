package org.feewatch.region.gd.internal.rules;

import org.feewatch.api.PartnerType;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.catalogue.RegionData;

/**
 * GD-002, a clearly labelled SAMPLE rule (no published local cap was found): an insurance
 * partner's average annualised insurance fee rate over the case's small and micro loans of at most
 * {@code caps.singleGuaranteeLimit} each is above the illustrative {@code caps.sampleInsuranceAverageFeeRate}.
 */
public final class Gd002SampleInsuranceAverageRate implements Rule {

    static final String CAP = "sampleInsuranceAverageFeeRate";

    private final RuleInfo info;
    private final PartnerAverageFeeRate average;

    public Gd002SampleInsuranceAverageRate(RuleInfo info, RegionData data) {
        this.info = info;
        this.average = new PartnerAverageFeeRate(info, "insurance-fee", "insurance fee (SAMPLE rule)",
                p -> p.type() == PartnerType.INSURANCE, data.cap("singleGuaranteeLimit").value(),
                data.cap(CAP).value(), CAP);
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
