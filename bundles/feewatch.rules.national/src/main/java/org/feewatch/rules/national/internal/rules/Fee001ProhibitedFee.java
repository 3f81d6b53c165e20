package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.Evidence;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.Price;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.LoanTrait;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.price.PriceParser;
import org.feewatch.rules.national.internal.NationalCatalogue;
import org.feewatch.rules.national.internal.NationalFeeDictionary;

/**
 * FEE-001: a fee of a kind that may not be charged to small and micro borrowers (the dictionary's
 * prohibited categories: commitment fees, 资金管理费, 信贷资信证明费, 提前还款违约金, 延迟用款违约金,
 * 信贷资金受托支付划拨费). On a loan: charged by the bank to such a borrower. On a published
 * catalogue item: the item is of such a kind and its entry does not exempt small and micro borrowers
 * (an entry priced 免费 or 取消收费 charges nobody and exempts them too). A published item that states
 * dates is judged as it stands on the case's asOf: the rows in force then, a dated waiver only within its
 * period ({@link #chargingRows}).
 */
public final class Fee001ProhibitedFee implements Rule {

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("FEE-001");
    private final NationalFeeDictionary data;

    public Fee001ProhibitedFee() {
        this(NationalFeeDictionary.DEFAULT);
    }

    Fee001ProhibitedFee(NationalFeeDictionary data) {
        this.data = data;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    /** A category is prohibited on a date when the dictionary says so and, for a national category, its prohibition is in force. */
    private boolean prohibitedOn(Set<String> prohibited, String category, LocalDate date) {
        if (category == null || !prohibited.contains(category)) {
            return false;
        }
        return data.prohibition(category).map(r -> r.inForceOn(date)).orElse(true);
    }

    /** The categories' English names for titles (the id for a category the national data does not know). */
    private String names(Set<String> categories) {
        List<String> out = new ArrayList<>();
        for (String c : categories) {
            out.add(data.category(c).map(NationalFeeDictionary.Category::nameEn).filter(n -> n != null).orElse(c));
        }
        return String.join(", ", out);
    }

    /** An entry priced 免费 / 暂不收费 / 取消收费 (every tier, when tiered) exempts everyone, small and micro borrowers included. */
    static boolean chargesNobody(FeeItem item) {
        return chargesNobody(item.price() != null ? item.price() : PriceParser.parse(item.priceText()));
    }

    /** A price of 0 for everyone: 免费 / 暂不收费 / 取消收费, on every tier when tiered. */
    static boolean chargesNobody(Price price) {
        if (price == null) {
            return false;
        }
        if (price.kind() == Price.Kind.TIERED) {
            return !price.parts().isEmpty() && price.parts().stream().allMatch(p -> p.kind() == Price.Kind.FREE);
        }
        return price.kind() == Price.Kind.FREE;
    }

    /** True when the item states a date: several rows by period, a period for its price or a discount's. */
    static boolean dated(BankCatalogue.Entry[] rows) {
        return rows.length > 1 || rows[0].dating().hasDates;
    }

    /**
     * The evidence of a published item's rows that charge small and micro borrowers on the audit date
     * {@code asOf} (RULES.md FEE-001 and PART-001 judge what is published, as of the case's asOf): empty
     * when the item exempts them then, or charges nobody. An undated item is judged as it always was; of
     * a dated one only the rows in force on {@code asOf} count, and a dated waiver exempts only within its
     * period (one that has ended no longer does, one that starts later does not yet). The evidence names
     * each row with what its dates say on that day.
     */
    static List<Evidence> chargingRows(BankCatalogue.Entry[] rows, LocalDate asOf) {
        BankCatalogue.Entry first = rows[0];
        if (first.dating() == BankCatalogue.Dating.NONE && rows.length == 1) {
            return first.exemptsSmallMicro() || chargesNobody(first.item()) ? List.of() : List.of(first.evidence());
        }
        long day = BankCatalogue.Dating.day(asOf);
        boolean dated = dated(rows);
        List<Evidence> out = new ArrayList<>();
        for (BankCatalogue.Entry e : BankCatalogue.inForceOn(rows, day)) {
            if (!e.exemptFor(true, day) && !chargesNobody(e.priceFor(true, day))) {
                // a discount without a period (减半收取) is no exemption and needs no note here
                out.add(dated ? e.evidence(day, true, BankCatalogue.AUDIT_DATE) : e.evidence());
            }
        }
        return out;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        Set<String> prohibited = context.feeDictionary().prohibitedForSmallMicro();
        String institution = context.caseInfo().institutionId();
        return new RuleEvaluation() {
            /** Only fees the bank charged a small or micro borrower: {@link #onLoan} returns at once on any other loan. */
            @Override
            public Set<LoanTrait> onlyLoansWith() {
                return EnumSet.of(LoanTrait.BANK_FEES, LoanTrait.SMALL_OR_MICRO);
            }

            @Override
            public void onLoan(LoanFacts facts, FindingSink findings) {
                Loan loan = facts.loan();
                if (!loan.smallOrMicro() || (facts.feeCount() == 0 && loan.contractDate() != null)
                        || !info.inForceOn(loan.contractDate()) || !mayFind(facts, loan)) {
                    return;
                }
                List<Evidence> evidence = new ArrayList<>();
                Set<String> items = new LinkedHashSet<>();
                Set<String> categories = new LinkedHashSet<>();
                BigDecimal total = BigDecimal.ZERO;
                for (LoanFee fee : loan.fees()) {
                    if (!institution.equals(fee.payee())) {
                        continue;
                    }
                    String category = facts.categoryOf(fee.item());
                    if (!prohibitedOn(prohibited, category, loan.contractDate())) {
                        continue;
                    }
                    evidence.add(PartnerFacts.evidence(facts, fee));
                    items.add(fee.item());
                    categories.add(category);
                    total = total.add(PartnerFacts.lifeTotal(fee, PartnerFacts.termMonths(loan)));
                }
                if (items.isEmpty()) {
                    return;
                }
                Map<String, String> metrics = new Metrics();
                String totalText = Figures.plain(total);
                metrics.put("amount", totalText);
                findings.add(info, Subject.loan(loan.id()),
                        "Prohibited fee " + String.join("、", items) + " (" + names(categories) + ") charged to a "
                                + loan.borrower().type().wireName() + " borrower on loan " + loan.id() + " ("
                                + totalText + " yuan)",
                        evidence, metrics);
            }

            /** False when no fee to the bank is of a prohibited category: nothing to build. */
            private boolean mayFind(LoanFacts facts, Loan loan) {
                List<LoanFee> fees = loan.fees();
                for (int i = 0, n = fees.size(); i < n; i++) {
                    LoanFee fee = fees.get(i);
                    if (institution.equals(fee.payee())) {
                        String category = facts.categoryOf(fee.item());
                        if (category != null && prohibited.contains(category)) {
                            return true;
                        }
                    }
                }
                return false;
            }

            @Override
            public void finish(FindingSink findings) {
                LocalDate asOf = context.caseInfo().asOf();
                for (BankCatalogue.Entry[] rows : new BankCatalogue(context).itemRows()) {
                    BankCatalogue.Entry entry = rows[0];
                    FeeItem item = entry.item();
                    if (!prohibitedOn(prohibited, entry.category(), asOf)) {
                        continue;
                    }
                    List<Evidence> evidence = chargingRows(rows, asOf);
                    if (evidence.isEmpty()) {
                        continue;
                    }
                    findings.add(info, Subject.feeItem(entry.sourceId(), item.name()),
                            "Published item " + item.name() + " (" + names(Set.of(entry.category()))
                                    + ") is a fee prohibited for small and micro borrowers, and its entry does not exempt them"
                                    + (dated(rows) ? " on the audit date " + asOf : ""),
                            evidence, Map.of());
                }
            }
        };
    }
}
