package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.feewatch.api.Evidence;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.Price;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.price.PriceEvaluator;
import org.feewatch.engine.cashflow.CashFlowModel;
import org.feewatch.rules.national.internal.NationalCatalogue;

/**
 * FEE-003: a fee the bank charged above its own published price for that item. The price is
 * computed on the principal over the loan's life ({@link PriceEvaluator}): a range is bounded by its
 * upper end, 年费率 is per year, 免费 / 暂不收费 are 0, an entry that exempts small and micro borrowers
 * is 0 for them, a price written by borrower size (大中型企业 | 小微企业 columns) is the part for the
 * borrower's size, and 协议定价 gives no bound. What was charged is the fee over the loan's life (an
 * annual fee on a 24-month loan is paid twice). An item the catalogue does not publish is DISC-001's.
 */
public final class Fee003AbovePublishedPrice implements Rule {

    private static final double HALF_CENT = 0.005;

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("FEE-003");

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        return new BankFeesEvaluation(info, context) {
            @Override
            boolean mayFind(LoanFacts facts, Loan loan, List<LoanFee> fees, String institution) {
                if (loan.principal() == null) {
                    return true; // the exact path says what is wrong
                }
                int months = PartnerFacts.termMonths(loan);
                double principal = loan.principal().doubleValue();
                boolean smallOrMicro = loan.smallOrMicro();
                long day = catalogue.dayOf(loan.contractDate());
                for (int i = 0, n = fees.size(); i < n; i++) {
                    LoanFee fee = fees.get(i);
                    if (!institution.equals(fee.payee())) {
                        continue;
                    }
                    BankCatalogue.Entry[] entries = catalogue.publishedFor(fee.item(), facts.categoryOf(fee.item()));
                    if (entries.length == 0) {
                        continue;
                    }
                    if (fee.amount() == null || fee.when() == null) {
                        return true;
                    }
                    double bound = 0.0;
                    boolean unbounded = false;
                    boolean someInForce = BankCatalogue.anyInForce(entries, day);
                    for (BankCatalogue.Entry e : entries) {
                        if (someInForce && !e.inForce(day)) {
                            continue; // a price of another period
                        }
                        double b = PriceEvaluator.maxChargeApprox(e.priceFor(smallOrMicro, day), principal, months,
                                e.exemptFor(smallOrMicro, day));
                        if (Double.isNaN(b)) {
                            unbounded = true;
                            break;
                        }
                        bound = Math.max(bound, b);
                    }
                    if (unbounded) {
                        continue;
                    }
                    double life = fee.amount().doubleValue() * CashFlowModel.paymentsOf(fee.when(), months);
                    // the limit is the bound rounded to cents: clearly below it by more than half a cent
                    // and any rounding error of the doubles, the fee is within the published price
                    if (!(life < bound - HALF_CENT - 1e-9 * (1.0 + Math.abs(bound) + Math.abs(life)))) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            void onBankFees(LoanFacts facts, Loan loan, List<LoanFee> bankFees, FindingSink findings) {
                int months = PartnerFacts.termMonths(loan);
                long day = catalogue.dayOf(loan.contractDate());
                boolean smallOrMicro = loan.smallOrMicro();
                List<Evidence> evidence = new ArrayList<>();
                List<String> parts = new ArrayList<>();
                BigDecimal charged = BigDecimal.ZERO;
                BigDecimal allowed = BigDecimal.ZERO;
                for (LoanFee fee : bankFees) {
                    BankCatalogue.Entry[] entries = catalogue.publishedFor(fee.item(), facts.categoryOf(fee.item()));
                    if (entries.length == 0) {
                        continue;
                    }
                    Optional<BigDecimal> bound = Optional.of(BigDecimal.ZERO);
                    BankCatalogue.Entry binding = entries[0];
                    boolean someInForce = BankCatalogue.anyInForce(entries, day);
                    for (BankCatalogue.Entry e : entries) {
                        if (someInForce && !e.inForce(day)) {
                            continue; // a price of another period: the one in force on the contract date binds
                        }
                        // several entries for one kind: the most permissive one is the published price
                        Optional<BigDecimal> b = maxCharge(e, loan, months, day);
                        if (b.isEmpty()) {
                            bound = b;
                            break;
                        }
                        if (b.get().compareTo(bound.get()) >= 0) {
                            bound = b;
                            binding = e;
                        }
                    }
                    if (bound.isEmpty()) {
                        continue;
                    }
                    BigDecimal limit = bound.get().setScale(2, RoundingMode.HALF_UP);
                    BigDecimal life = PartnerFacts.lifeTotal(fee, months);
                    if (life.compareTo(limit) <= 0) {
                        continue;
                    }
                    charged = charged.add(life);
                    allowed = allowed.add(limit);
                    evidence.add(PartnerFacts.evidence(facts, fee));
                    evidence.add(binding.evidence(day, smallOrMicro));
                    boolean exempt = binding.exemptFor(smallOrMicro, day);
                    parts.add(fee.item() + " " + Figures.plain(life) + " yuan against a published "
                            + (exempt ? "exemption for small and micro borrowers" + binding.note(day, smallOrMicro)
                                    : "maximum of " + Figures.plain(limit) + " yuan (" + priceText(binding) + ")"
                                            + binding.note(day, smallOrMicro)));
                }
                if (parts.isEmpty()) {
                    return;
                }
                Map<String, String> metrics = new Metrics();
                metrics.put("charged", Figures.plain(charged));
                metrics.put("published", Figures.plain(allowed));
                metrics.put("excess", Figures.plain(charged.subtract(allowed)));
                findings.add(info, Subject.loan(loan.id()),
                        "Fee above the published price on loan " + loan.id() + ": " + String.join("; ", parts),
                        evidence, metrics);
            }
        };
    }

    private static Optional<BigDecimal> maxCharge(BankCatalogue.Entry entry, Loan loan, int months, long day) {
        Price price = entry.priceFor(loan.smallOrMicro(), day);
        boolean exempt = entry.exemptFor(loan.smallOrMicro(), day);
        return PriceEvaluator.maxCharge(price, loan.principal(), months, exempt);
    }

    private static String priceText(BankCatalogue.Entry entry) {
        if (entry.price() != entry.item().price() && entry.price() != null && entry.price().text() != null) {
            return entry.price().text(); // one period's part of a price listing old and new prices
        }
        String text = entry.item().priceText();
        if (text == null && entry.item().price() != null) {
            text = entry.item().price().text();
        }
        return text == null ? "" : text;
    }
}
