package org.feewatch.rules.national.internal.rules;

import org.feewatch.api.FeeItem;

/**
 * Whether a published item exempts small and micro borrowers (RULES.md FEE-001): it says
 * 对小微企业免收 or 小微企业…免收, or it applies only to large or medium enterprises. The reading
 * itself is {@link org.feewatch.engine.fees.SmallMicroExemption}, shared with region packs.
 */
final class SmallMicroExemption {

    private SmallMicroExemption() {
    }

    static boolean exempts(FeeItem item) {
        return org.feewatch.engine.fees.SmallMicroExemption.exempts(item);
    }
}
