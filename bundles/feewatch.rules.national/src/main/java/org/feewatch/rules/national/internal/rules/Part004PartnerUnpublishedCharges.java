package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.feewatch.api.Disclosure;
import org.feewatch.api.Evidence;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.LoanTrait;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.cashflow.CashFlowModel;
import org.feewatch.engine.price.PriceEvaluator;
import org.feewatch.rules.national.internal.NationalCatalogue;

/**
 * PART-004: a partner charges on a loan an item its fee schedule does not publish, or more than
 * the schedule allows. Items are matched by canonical category (by name when the dictionary does not
 * know the item); what was charged over the loan's life is compared with the most the matching
 * published prices allow over the same life. A price written by borrower size (大中型企业 | 小微企业) is
 * judged by the part for the loan's borrower, as FEE-003 does. A partner with no readable schedule is
 * left to PART-003.
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
        Published published = new Published(facts);
        return new RuleEvaluation() {
            /** Only partners' fees: {@link #onLoan} returns at once on any other loan. */
            @Override
            public Set<LoanTrait> onlyLoansWith() {
                return EnumSet.of(LoanTrait.PARTNER_FEES);
            }

            @Override
            public void onLoan(LoanFacts loan, FindingSink findings) {
                if (!published.mayFind(loan)) {
                    return;
                }
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
                    BankCatalogue.Entry[] matches = published.matches(partner, loan.categoryOf(item), item);
                    if (matches.length == 0) {
                        Map<String, String> metrics = new Metrics();
                        metrics.put("amount", charged.toPlainString());
                        facts.add(findings, info, partner, facts.title(info, partner),
                                List.of(PartnerFacts.evidence(loan, group, "an item its fee schedule does not publish")),
                                metrics);
                        return;
                    }
                    boolean smallOrMicro = loan.loan().smallOrMicro();
                    long day = published.dayOf(loan.loan().contractDate());
                    boolean someInForce = BankCatalogue.anyInForce(matches, day);
                    BigDecimal bound = BigDecimal.ZERO;
                    for (BankCatalogue.Entry m : matches) {
                        if (someInForce && !m.inForce(day)) {
                            continue; // a price of another period: the one in force on the contract date binds
                        }
                        // an entry that exempts small and micro borrowers allows nothing to be charged to them
                        Optional<BigDecimal> max = PriceEvaluator.maxCharge(m.priceFor(smallOrMicro, day),
                                loan.loan().principal(), n, m.exemptFor(smallOrMicro, day));
                        if (max.isEmpty()) {
                            return; // 协议定价, no price stated or no upper end: no bound to exceed
                        }
                        bound = bound.max(max.get());
                        evidence.add(m.evidence(day, smallOrMicro));
                    }
                    BigDecimal allowed = bound.setScale(2, RoundingMode.CEILING);
                    if (charged.compareTo(allowed) > 0) {
                        Map<String, String> metrics = new Metrics();
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

    /**
     * Every partner's published items by key, as FEE-003's {@link BankCatalogue.Entry} (each price split
     * by borrower size once), built once per audit, so that a loan whose partner charges are all
     * published and clearly within the published prices is passed without building anything (the
     * exact judgement, {@code judge}, runs for the rest).
     */
    private static final class Published {
        /** Bound on the answers kept for charged item names the dictionary does not know. */
        private static final int NAME_CACHE_LIMIT = 10_000;

        private final PartnerFacts facts;
        /** Partner → category → its items of that category, for fees the dictionary knows. */
        private final Map<String, Map<String, BankCatalogue.Entry[]>> byCategory = new HashMap<>();
        /** Partner → item name without spaces → its uncategorised items of that name. */
        private final Map<String, Map<String, BankCatalogue.Entry[]>> byName = new HashMap<>();
        private final Map<String, String> bareNames = new ConcurrentHashMap<>();
        /** True when some published item states a date: only then is a loan's contract date looked at. */
        private boolean dated;

        Published(PartnerFacts facts) {
            this.facts = facts;
            for (String partner : facts.partnersWithSchedules()) {
                Map<String, List<BankCatalogue.Entry>> categories = new HashMap<>();
                Map<String, List<BankCatalogue.Entry>> names = new HashMap<>();
                for (Disclosure schedule : facts.schedulesOf(partner)) {
                    for (FeeItem p : schedule.items()) {
                        String category = facts.categoryOf(p);
                        List<BankCatalogue.Entry> m = BankCatalogue.entriesOf(schedule, p, category, p.price());
                        for (BankCatalogue.Entry e : m) {
                            dated |= e.dating() != BankCatalogue.Dating.NONE;
                        }
                        if (category != null) {
                            categories.computeIfAbsent(category, k -> new ArrayList<>()).addAll(m);
                        } else {
                            names.computeIfAbsent(bare(p.name()), k -> new ArrayList<>()).addAll(m);
                        }
                    }
                }
                Map<String, BankCatalogue.Entry[]> c = new HashMap<>();
                categories.forEach((k, v) -> c.put(k, v.toArray(new BankCatalogue.Entry[0])));
                byCategory.put(partner, c);
                Map<String, BankCatalogue.Entry[]> n = new HashMap<>();
                names.forEach((k, v) -> n.put(k, v.toArray(new BankCatalogue.Entry[0])));
                byName.put(partner, n);
            }
        }

        /** The day a loan is judged on: its contract date when some schedule item is dated. */
        long dayOf(java.time.LocalDate contractDate) {
            return dated ? BankCatalogue.Dating.day(contractDate) : BankCatalogue.Dating.NO_DAY;
        }

        /** The partner's published entries for a charged item of this category (by name when it has none). */
        BankCatalogue.Entry[] matches(String partner, String category, String item) {
            Map<String, BankCatalogue.Entry[]> table = category != null ? byCategory.get(partner) : byName.get(partner);
            BankCatalogue.Entry[] found = table == null ? null : table.get(category != null ? category : bare(item));
            return found == null ? new BankCatalogue.Entry[0] : found;
        }

        /** False when {@code judge} would find nothing on the loan: every charge published, none clearly above. */
        boolean mayFind(LoanFacts loan) {
            int count = loan.feeCount();
            if (count == 0) {
                return false;
            }
            List<LoanFee> fees = loan.loan().fees();
            Loan l = loan.loan();
            int n = -1;
            double principal = 0.0;
            for (int i = 0; i < count; i++) {
                LoanFee fee = fees.get(i);
                String partner = fee.payee();
                if (!facts.isPartner(partner) || !facts.hasReadableSchedule(partner)) {
                    continue;
                }
                if (fee.amount() == null || fee.when() == null || l.principal() == null) {
                    return true;
                }
                String category = loan.categoryOf(fee.item());
                String name = category == null ? bareName(fee.item()) : null;
                Map<String, BankCatalogue.Entry[]> table = category != null ? byCategory.get(partner)
                        : byName.get(partner);
                BankCatalogue.Entry[] matches = table == null ? null : table.get(category != null ? category : name);
                if (matches == null || matches.length == 0) {
                    return true; // an item the schedule does not publish
                }
                if (!firstOfGroup(loan, fees, i, category, name)) {
                    continue;
                }
                if (n < 0) {
                    n = PartnerFacts.termMonths(l);
                    principal = l.principal().doubleValue();
                }
                double charged = 0.0;
                for (int j = i; j < count; j++) {
                    if (sameGroup(loan, fees.get(j), partner, category, name)) {
                        LoanFee other = fees.get(j);
                        if (other.amount() == null || other.when() == null) {
                            return true;
                        }
                        charged += other.amount().doubleValue() * CashFlowModel.paymentsOf(other.when(), n);
                    }
                }
                double bound = 0.0;
                boolean unbounded = false;
                long day = dayOf(l.contractDate());
                boolean someInForce = BankCatalogue.anyInForce(matches, day);
                for (BankCatalogue.Entry m : matches) {
                    if (someInForce && !m.inForce(day)) {
                        continue;
                    }
                    double b = PriceEvaluator.maxChargeApprox(m.priceFor(l.smallOrMicro(), day), principal, n,
                            m.exemptFor(l.smallOrMicro(), day));
                    if (Double.isNaN(b)) {
                        unbounded = true;
                        break;
                    }
                    bound = Math.max(bound, b);
                }
                if (!unbounded && !(charged < bound - 1e-9 * (1.0 + Math.abs(bound) + Math.abs(charged)))) {
                    return true;
                }
            }
            return false;
        }

        private boolean firstOfGroup(LoanFacts loan, List<LoanFee> fees, int i, String category, String name) {
            String partner = fees.get(i).payee();
            for (int j = 0; j < i; j++) {
                if (sameGroup(loan, fees.get(j), partner, category, name)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether {@code fee} is the partner's and of the same key as (category, name). */
        private boolean sameGroup(LoanFacts loan, LoanFee fee, String partner, String category, String name) {
            if (!partner.equals(fee.payee())) {
                return false;
            }
            String c = loan.categoryOf(fee.item());
            return category != null ? category.equals(c) : c == null && name.equals(bareName(fee.item()));
        }

        /** {@link #bare} of a charged item, remembered: the same few names come with every loan. */
        private String bareName(String item) {
            if (item == null) {
                return "";
            }
            String b = bareNames.get(item);
            if (b == null) {
                b = bare(item);
                if (bareNames.size() >= NAME_CACHE_LIMIT) {
                    bareNames.clear();
                }
                bareNames.put(item, b);
            }
            return b;
        }
    }

    /** An item name as {@link #key} compares it: without whitespace. */
    private static String bare(String name) {
        return name == null ? "" : name.replaceAll("[\\s\\u3000]", "");
    }

    /** Fees and published items of the same canonical category match; unknown items match by name. */
    private static String key(String category, String name) {
        if (category != null) {
            return "category:" + category;
        }
        return "name:" + bare(name);
    }
}
