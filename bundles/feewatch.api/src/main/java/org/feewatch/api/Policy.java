package org.feewatch.api;

import java.math.BigDecimal;

/**
 * The thresholds of the judgement rules (case.json {@code policy}). A null field is "not set";
 * {@link #orElse(Policy)} fills it from a lower layer (case.json, then region pack, then national
 * defaults).
 */
public record Policy(Integer maxSpreadBp, BigDecimal maxGuaranteeFeeRate, BigDecimal maxInsuranceFeeRate,
        BigDecimal aprTolerancePp) {

    public static final Policy EMPTY = new Policy(null, null, null, null);

    /** This policy with every unset field taken from {@code fallback}. */
    public Policy orElse(Policy fallback) {
        if (fallback == null) {
            return this;
        }
        return new Policy(maxSpreadBp != null ? maxSpreadBp : fallback.maxSpreadBp,
                maxGuaranteeFeeRate != null ? maxGuaranteeFeeRate : fallback.maxGuaranteeFeeRate,
                maxInsuranceFeeRate != null ? maxInsuranceFeeRate : fallback.maxInsuranceFeeRate,
                aprTolerancePp != null ? aprTolerancePp : fallback.aprTolerancePp);
    }
}
