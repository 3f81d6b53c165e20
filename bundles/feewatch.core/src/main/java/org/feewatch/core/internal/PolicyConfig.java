package org.feewatch.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The national policy defaults (CASE-FORMAT.md "policy"), the lowest layer under the region
 * packs' and the case's own thresholds. The values in force are in {@code config/org.feewatch.policy.cfg}.
 */
@ObjectClassDefinition(name = "feewatch national policy",
        description = "National default thresholds of the judgement rules; a region pack may tighten them, a case may set its own.")
public @interface PolicyConfig {

    String PID = "org.feewatch.policy";

    @AttributeDefinition(name = "Maximum spread (bp)",
            description = "All-in APR above the 1-year LPR plus this many basis points is excessive for small and micro borrowers (RATE-003, PART-002).")
    int maxSpreadBp() default 300;

    @AttributeDefinition(name = "Maximum guarantee fee rate (%/year)",
            description = "A partner's guarantee fee above this percent of principal per year is excessive.")
    String maxGuaranteeFeeRate() default "1.0";

    @AttributeDefinition(name = "Maximum insurance fee rate (%/year)",
            description = "A partner's insurance fee above this percent of principal per year is excessive.")
    String maxInsuranceFeeRate() default "1.0";

    @AttributeDefinition(name = "APR tolerance (percentage points)",
            description = "How far an advertised APR may fall below the computed one before DISC-004.")
    String aprTolerancePp() default "0.10";

    @AttributeDefinition(name = "Demand deposit rate (%/year)",
            description = "The rate a compensating deposit earns in the loan's cash flows.")
    String demandDepositRate() default "0.20";
}
