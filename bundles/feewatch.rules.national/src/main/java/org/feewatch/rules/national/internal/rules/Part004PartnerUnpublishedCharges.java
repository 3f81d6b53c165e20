package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.feewatch.api.Disclosure;
import org.feewatch.api.Evidence;
import org.feewatch.api.FeeItem;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.fees.SmallMicroExemption;
import org.feewatch.engine.price.PriceEvaluator;
import org.feewatch.rules.national.internal.NationalCatalogue;

/**
 * PART-004: a partner charges on a loan an item its fee schedule does not publish, or more than
 * the schedule allows. Items are matched by canonical category (by name when the dictionary does not
 * know the item); what was charged over the loan's life is compared with the most the matching
 * published prices allow over the same life. A partner with no readable schedule is left to PART-003.
 */
public final class Part004PartnerUnpublishedCharges implements Rule {

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("PART-004");

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        PartnerFacts facts = new PartnerFacts(context);
        return new RuleEvaluation() {
            @Override
            public void onLoan(LoanFacts loan, FindingSink findings) {
                facts.partnerFees(loan.loan()).forEach((partner, fees) -> {
                    if (facts.hasReadableSchedule(partner)) {
                        judge(loan, partner, fees, findings);
                    }
                });
            }

            private void judge(LoanFacts loan, String partner, List<LoanFee> fees, FindingSink findings) {
                // the partner's fees of one kind on this loan, judged together against what it publishes
                Map<String, List<LoanFee>> byKind = new LinkedHashMap<>();
                for (LoanFee fee : fees) {
                    byKind.computeIfAbsent(key(loan.categoryOf(fee.item()), fee.item()), k -> new ArrayList<>())
                            .add(fee);
                }
                int n = PartnerFacts.termMonths(loan.loan());
                byKind.forEach((key, group) -> {
                    List<Evidence> evidence = new ArrayList<>();
                    BigDecimal charged = BigDecimal.ZERO;
                    for (LoanFee fee : group) {
                        charged = charged.add(PartnerFacts.lifeTotal(fee, n));
                    }
                    String item = group.get(0).item();
                    List<Disclosure> published = new ArrayList<>();
                    List<FeeItem> matches = new ArrayList<>();
                    for (Disclosure schedule : facts.schedulesOf(partner)) {
                        for (FeeItem p : schedule.items()) {
                            if (key(facts.categoryOf(p), p.name()).equals(key)) {
                                published.add(schedule);
                                matches.add(p);
                            }
                        }
                    }
                    if (matches.isEmpty()) {
                        Map<String, String> metrics = new LinkedHashMap<>();
                        metrics.put("amount", charged.toPlainString());
                        facts.add(findings, info, partner, facts.title(info, partner),
                                List.of(PartnerFacts.evidence(loan, group, "an item its fee schedule does not publish")),
                                metrics);
                        return;
                    }
                    BigDecimal bound = BigDecimal.ZERO;
                    for (int i = 0; i < matches.size(); i++) {
                        // an entry that exempts small and micro borrowers allows nothing to be charged to them
                        boolean exempt = loan.loan().smallOrMicro() && SmallMicroExemption.exempts(matches.get(i));
                        Optional<BigDecimal> max = PriceEvaluator.maxCharge(matches.get(i).price(),
                                loan.loan().principal(), n, exempt);
                        if (max.isEmpty()) {
                            return; // 协议定价, no price stated or no upper end: no bound to exceed
                        }
                        bound = bound.max(max.get());
                        evidence.add(PartnerFacts.evidence(published.get(i), matches.get(i)));
                    }
                    BigDecimal allowed = bound.setScale(2, RoundingMode.CEILING);
                    if (charged.compareTo(allowed) > 0) {
                        Map<String, String> metrics = new LinkedHashMap<>();
                        metrics.put("amount", charged.toPlainString());
                        metrics.put("publishedMaximum", allowed.toPlainString());
                        evidence.add(0, PartnerFacts.evidence(loan, group, charged.toPlainString() + " yuan of " + item
                                + " over the loan's " + n + " months, more than the " + allowed.toPlainString()
                                + " yuan its published price allows"));
                        facts.add(findings, info, partner, facts.title(info, partner), evidence, metrics);
                    }
                });
            }
        };
    }

    /** Fees and published items of the same canonical category match; unknown items match by name. */
    private static String key(String category, String name) {
        if (category != null) {
            return "category:" + category;
        }
        return "name:" + (name == null ? "" : name.replaceAll("[\\s\\u3000]", ""));
    }
}
