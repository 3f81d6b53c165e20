package org.feewatch.rules.national.internal;

import java.util.List;

import org.feewatch.api.spi.Rule;

/**
 * Every rule of the national pack. Add a rule here when its class and test exist; the
 * registration test checks that every catalogue code has exactly one rule.
 */
public final class NationalRules {

    private NationalRules() {
    }

    public static List<Rule> create() {
        return List.of(
        // rules are appended here, one line each, in catalogue order
                new org.feewatch.rules.national.internal.rules.Disc001UndisclosedFee(),
                new org.feewatch.rules.national.internal.rules.Disc002IncompleteCatalogueItem(),
                new org.feewatch.rules.national.internal.rules.Disc003NoAnnualRate(),
                new org.feewatch.rules.national.internal.rules.Disc004UnderstatedApr(),
                new org.feewatch.rules.national.internal.rules.Fee001ProhibitedFee(),
                new org.feewatch.rules.national.internal.rules.Fee002ShiftedCost(),
                new org.feewatch.rules.national.internal.rules.Fee003AbovePublishedPrice(),
                new org.feewatch.rules.national.internal.rules.Fee004TiedSelling(),
                new org.feewatch.rules.national.internal.rules.Fee005CompensatingDeposit(),
                new org.feewatch.rules.national.internal.rules.Rate001BenchmarkPricing(),
                new org.feewatch.rules.national.internal.rules.Rate002LprSpreadMismatch(),
                new org.feewatch.rules.national.internal.rules.Rate003SmallMicroAllInCost(),
                new org.feewatch.rules.national.internal.rules.Rate004JudicialProtectionLine(),
                new org.feewatch.rules.national.internal.rules.Rate005OnLendingAboveLocalAverage(),
                new org.feewatch.rules.national.internal.rules.Part001PartnerProhibitedFees(),
                new org.feewatch.rules.national.internal.rules.Part002PartnerExcessiveCharges(),
                new org.feewatch.rules.national.internal.rules.Part003PartnerScheduleMissing(),
                new org.feewatch.rules.national.internal.rules.Part004PartnerUnpublishedCharges()
        );
    }
}
