package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.util.List;

import org.feewatch.api.Policy;

/**
 * The partner fee kinds PART-002 caps, each with the fee-dictionary category it is recognised by
 * (担保费 / 保证费 → guarantee-fee; 保险费 / 保证保险费 → insurance-fee) and the policy field that caps it.
 */
enum PartnerFeeKinds {
    GUARANTEE("guarantee-fee", "a guarantee fee", "maxGuaranteeFeeRate"),
    INSURANCE("insurance-fee", "an insurance fee", "maxInsuranceFeeRate");

    final String category;
    /** The kind with its article, for titles: "a guarantee fee". */
    final String label;
    final String policyField;

    PartnerFeeKinds(String category, String label, String policyField) {
        this.category = category;
        this.label = label;
        this.policyField = policyField;
    }

    /** The policy's cap for this kind, percent of principal per year, or null when not set. */
    BigDecimal cap(Policy policy) {
        return this == GUARANTEE ? policy.maxGuaranteeFeeRate() : policy.maxInsuranceFeeRate();
    }

    /** values() copies its array on every call. */
    private static final PartnerFeeKinds[] KINDS = values();

    static PartnerFeeKinds ofCategory(String category) {
        for (PartnerFeeKinds k : KINDS) {
            if (k.category.equals(category)) {
                return k;
            }
        }
        return null;
    }

    static List<PartnerFeeKinds> all() {
        return List.of(values());
    }
}
