package org.feewatch.region.gd.internal.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.feewatch.api.Evidence;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.Partner;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.cashflow.CashFlowModel;

/**
 * The average annualised fee rate of one kind of partner fee over a case's small and micro loans of
 * at most a given principal each: per partner, the fees of that kind a year (life total ÷ term in
 * years) summed over the loans ÷ their principal. GD-001 and GD-002 judge it against their caps.
 */
final class PartnerAverageFeeRate {

    /** Loan lines cited as evidence per partner; the metrics count them all. */
    static final int EVIDENCE_LOANS = 20;
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

    private final RuleInfo info;
    private final String category;
    private final String label;
    private final Predicate<Partner> partners;
    private final BigDecimal singleLimit;
    private final BigDecimal cap;
    private final String capName;

    PartnerAverageFeeRate(RuleInfo info, String category, String label, Predicate<Partner> partners,
            BigDecimal singleLimit, BigDecimal cap, String capName) {
        this.info = info;
        this.category = category;
        this.label = label;
        this.partners = partners;
        this.singleLimit = singleLimit;
        this.cap = cap;
        this.capName = capName;
    }

    /** One partner's loans. Loans arrive from several threads. */
    private static final class Totals {
        BigDecimal feesPerYear = BigDecimal.ZERO;
        BigDecimal principal = BigDecimal.ZERO;
        long loans;
        final TreeMap<Long, Evidence> firstLines = new TreeMap<>();

        synchronized void add(Loan loan, BigDecimal perYear, Evidence evidence) {
            feesPerYear = feesPerYear.add(perYear);
            principal = principal.add(loan.principal());
            loans++;
            firstLines.put(loan.line(), evidence);
            if (firstLines.size() > EVIDENCE_LOANS) {
                firstLines.pollLastEntry();
            }
        }
    }

    RuleEvaluation start(AuditContext context) {
        Map<String, Totals> byPartner = new java.util.concurrent.ConcurrentHashMap<>();
        return new RuleEvaluation() {
            @Override
            public void onLoan(LoanFacts facts, FindingSink findings) {
                Loan loan = facts.loan();
                if (!loan.smallOrMicro() || loan.principal() == null || loan.principal().signum() <= 0
                        || loan.principal().compareTo(singleLimit) > 0) {
                    return;
                }
                int n = CashFlowModel.termMonths(loan.contractDate(), loan.maturityDate());
                if (n <= 0) {
                    return;
                }
                BigDecimal years = BigDecimal.valueOf(n).divide(MONTHS_PER_YEAR, MC);
                Map<String, BigDecimal> life = new LinkedHashMap<>();
                Map<String, List<String>> texts = new LinkedHashMap<>();
                for (LoanFee fee : loan.fees()) {
                    Optional<Partner> partner = context.partner(fee.payee());
                    if (partner.isEmpty() || !partners.test(partner.get()) || fee.amount() == null
                            || !category.equals(facts.categoryOf(fee.item()))) {
                        continue;
                    }
                    life.merge(fee.payee(), fee.amount().multiply(BigDecimal.valueOf(CashFlowModel.paymentsOf(fee.when(), n))),
                            BigDecimal::add);
                    texts.computeIfAbsent(fee.payee(), k -> new ArrayList<>())
                            .add(fee.item() + " " + fee.amount().toPlainString() + " " + fee.when().wireName());
                }
                life.forEach((partner, total) -> byPartner.computeIfAbsent(partner, k -> new Totals()).add(loan,
                        total.divide(years, MC), facts.evidence(loan.id() + ": principal "
                                + loan.principal().toPlainString() + ", " + n + " months; " + partner + " "
                                + String.join(", ", texts.get(partner)))));
            }

            @Override
            public void finish(FindingSink findings) {
                for (Map.Entry<String, Totals> e : new TreeMap<>(byPartner).entrySet()) {
                    Totals t = e.getValue();
                    BigDecimal rate;
                    List<Evidence> evidence;
                    synchronized (t) {
                        rate = t.feesPerYear.multiply(HUNDRED).divide(t.principal, MC);
                        evidence = new ArrayList<>(t.firstLines.values());
                    }
                    if (rate.compareTo(cap) <= 0) {
                        continue;
                    }
                    String shown = rate.setScale(4, RoundingMode.HALF_UP).toPlainString();
                    Map<String, String> metrics = new LinkedHashMap<>();
                    metrics.put("averageRate", shown);
                    metrics.put(capName, cap.toPlainString());
                    metrics.put("loans", Long.toString(t.loans));
                    metrics.put("principal", t.principal.setScale(2, RoundingMode.HALF_UP).toPlainString());
                    findings.add(info, Subject.partner(e.getKey()), "Partner " + e.getKey() + " charged an average "
                            + label + " of " + shown + " % a year on " + t.loans + " small and micro loan"
                            + (t.loans == 1 ? "" : "s") + " of at most " + singleLimit.toPlainString()
                            + " yuan each, above " + cap.toPlainString() + " %", evidence, metrics);
                }
            }
        };
    }
}
