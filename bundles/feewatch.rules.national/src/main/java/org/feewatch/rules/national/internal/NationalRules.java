package org.feewatch.rules.national.internal;

import java.util.List;

import org.feewatch.api.spi.Rule;
import org.feewatch.rules.national.internal.rules.Disc001UndisclosedFee;
import org.feewatch.rules.national.internal.rules.Disc002IncompleteCatalogueItem;
import org.feewatch.rules.national.internal.rules.Disc003NoAnnualRate;
import org.feewatch.rules.national.internal.rules.Disc004UnderstatedApr;
import org.feewatch.rules.national.internal.rules.Fee001ProhibitedFee;
import org.feewatch.rules.national.internal.rules.Fee002ShiftedCost;
import org.feewatch.rules.national.internal.rules.Fee003AbovePublishedPrice;
import org.feewatch.rules.national.internal.rules.Fee004TiedSelling;
import org.feewatch.rules.national.internal.rules.Fee005CompensatingDeposit;
import org.feewatch.rules.national.internal.rules.Part001PartnerProhibitedFees;
import org.feewatch.rules.national.internal.rules.Part002PartnerExcessiveCharges;
import org.feewatch.rules.national.internal.rules.Part003PartnerScheduleMissing;
import org.feewatch.rules.national.internal.rules.Part004PartnerUnpublishedCharges;
import org.feewatch.rules.national.internal.rules.Rate001BenchmarkPricing;
import org.feewatch.rules.national.internal.rules.Rate002LprSpreadMismatch;
import org.feewatch.rules.national.internal.rules.Rate003SmallMicroAllInCost;
import org.feewatch.rules.national.internal.rules.Rate004JudicialProtectionLine;
import org.feewatch.rules.national.internal.rules.Rate005OnLendingAboveLocalAverage;

/**
 * Every rule of the national pack. Add a rule here when its class and test exist; the
 * registration test checks that every catalogue code has exactly one rule.
 */
public final class NationalRules {

    private NationalRules() {
    }

    public static List<Rule> create() {
        // one line per rule, in catalogue order
        return List.of(
                new Disc001UndisclosedFee(),
                new Disc002IncompleteCatalogueItem(),
                new Disc003NoAnnualRate(),
                new Disc004UnderstatedApr(),
                new Fee001ProhibitedFee(),
                new Fee002ShiftedCost(),
                new Fee003AbovePublishedPrice(),
                new Fee004TiedSelling(),
                new Fee005CompensatingDeposit(),
                new Rate001BenchmarkPricing(),
                new Rate002LprSpreadMismatch(),
                new Rate003SmallMicroAllInCost(),
                new Rate004JudicialProtectionLine(),
                new Rate005OnLendingAboveLocalAverage(),
                new Part001PartnerProhibitedFees(),
                new Part002PartnerExcessiveCharges(),
                new Part003PartnerScheduleMissing(),
                new Part004PartnerUnpublishedCharges()
        );
    }
}
