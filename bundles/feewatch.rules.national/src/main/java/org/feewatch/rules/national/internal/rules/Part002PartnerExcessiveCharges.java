package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.feewatch.api.Disclosure;
import org.feewatch.api.Evidence;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.Policy;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.LoanTrait;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.cashflow.CashFlowModel;
import org.feewatch.rules.national.internal.NationalCatalogue;

/**
 * PART-002: a partner's charges are excessive. Three ways:
 * <ul>
 * <li>a published guarantee or insurance fee rate, read per year, above the policy cap (a rate that states
 * dates as it stands on the case's asOf: the row in force, after the discounts in force);</li>
 * <li>a charged rate above the cap: all the partner's fees of that kind over the loan's life ÷
 * principal ÷ term in years;</li>
 * <li>on a small or micro loan, the all-in APR is above the RATE-003 line (1-year LPR on the contract
 * date + {@code maxSpreadBp}) while the bank-only APR is not: the partner's fees took it over.</li>
 * </ul>
 */
public final class Part002PartnerExcessiveCharges implements Rule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);
    private static final MathContext MC = MathContext.DECIMAL64;

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("PART-002");

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        PartnerFacts facts = new PartnerFacts(context);
        Policy policy = context.policy();
        return new RuleEvaluation() {
            /** Only partners' fees: {@link #onLoan} returns at once on any other loan. */
            @Override
            public Set<LoanTrait> onlyLoansWith() {
                return EnumSet.of(LoanTrait.PARTNER_FEES);
            }

            @Override
            public void onLoan(LoanFacts loan, FindingSink findings) {
                if (!mayFind(loan)) {
                    return;
                }
                Map<String, List<LoanFee>> byPartner = facts.partnerFees(loan.loan());
                byPartner.forEach((partner, fees) -> {
                    chargedRates(loan, partner, fees, findings);
                    aprOverLine(loan, partner, fees, findings);
                });
            }

            /**
             * False when neither {@link #chargedRates} nor {@link #aprOverLine} could find anything on
             * this loan, judged in doubles with a margin far above their rounding error and without
             * building anything; everything else, odd data included, goes the exact way.
             */
            private boolean mayFind(LoanFacts analyzed) {
                if (analyzed.feeCount() == 0) {
                    return false;
                }
                Loan loan = analyzed.loan();
                List<LoanFee> fees = loan.fees();
                boolean anyPartner = false;
                boolean anyCharged = false;
                for (int i = 0, n = fees.size(); i < n; i++) {
                    LoanFee fee = fees.get(i);
                    if (!facts.isPartner(fee.payee())) {
                        continue;
                    }
                    anyPartner = true;
                    if (fee.amount() == null || fee.when() == null) {
                        return true;
                    }
                    if (fee.amount().signum() != 0) {
                        anyCharged = true;
                    }
                }
                if (!anyPartner) {
                    return false;
                }
                if (chargedRateMayExceed(analyzed, loan, fees)) {
                    return true;
                }
                if (loan.smallOrMicro() && policy.maxSpreadBp() != null && anyCharged) {
                    BigDecimal lpr = analyzed.lpr1y();
                    double allIn = analyzed.aprAllIn();
                    double bankOnly = analyzed.aprBankOnly();
                    if (lpr == null || Double.isNaN(allIn) || Double.isNaN(bankOnly)) {
                        return true;
                    }
                    double line = analyzed.lpr1yValue() + policy.maxSpreadBp() / 100.0;

                    double margin = 1e-9 * (1.0 + Math.abs(line));
                    // a finding needs the all-in APR over the line and the bank-only APR under it
                    return !(allIn < line - margin || bankOnly > line + margin);
                }
                return false;
            }

            /** Whether a partner's charged guarantee or insurance rate on this loan may be above its cap. */
            private boolean chargedRateMayExceed(LoanFacts analyzed, Loan loan, List<LoanFee> fees) {
                int n = PartnerFacts.termMonths(loan);
                if (n <= 0) {
                    return false;
                }
                if (loan.principal() == null) {
                    return true;
                }
                double principal = loan.principal().doubleValue();
                double years = n / 12.0;
                for (int i = 0, count = fees.size(); i < count; i++) {
                    LoanFee fee = fees.get(i);
                    if (!facts.isPartner(fee.payee())) {
                        continue;
                    }
                    PartnerFeeKinds kind = PartnerFeeKinds.ofCategory(analyzed.categoryOf(fee.item()));
                    BigDecimal cap = kind == null ? null : kind.cap(policy);
                    if (cap == null || !firstOfKind(analyzed, fees, i, kind)) {
                        continue;
                    }
                    double total = fee.amount().doubleValue() * CashFlowModel.paymentsOf(fee.when(), n);
                    for (int j = i + 1; j < count; j++) {
                        LoanFee other = fees.get(j);
                        if (fee.payee().equals(other.payee())
                                && PartnerFeeKinds.ofCategory(analyzed.categoryOf(other.item())) == kind) {
                            total += other.amount().doubleValue() * CashFlowModel.paymentsOf(other.when(), n);
                        }
                    }
                    double rate = total * 100.0 / principal / years;
                    double limit = cap.doubleValue();
                    if (!(rate < limit - 1e-9 * (1.0 + Math.abs(limit) + Math.abs(rate)))) {
                        return true;
                    }
                }
                return false;
            }

            private static boolean firstOfKind(LoanFacts analyzed, List<LoanFee> fees, int i, PartnerFeeKinds kind) {
                String payee = fees.get(i).payee();
                for (int j = 0; j < i; j++) {
                    LoanFee other = fees.get(j);
                    if (payee.equals(other.payee())
                            && PartnerFeeKinds.ofCategory(analyzed.categoryOf(other.item())) == kind) {
                        return false;
                    }
                }
                return true;
            }

            private void chargedRates(LoanFacts loan, String partner, List<LoanFee> fees, FindingSink findings) {
                int n = PartnerFacts.termMonths(loan.loan());
                if (n <= 0) {
                    return;
                }
                Map<PartnerFeeKinds, BigDecimal> totals = new EnumMap<>(PartnerFeeKinds.class);
                Map<PartnerFeeKinds, List<LoanFee>> charged = new EnumMap<>(PartnerFeeKinds.class);
                for (LoanFee fee : fees) {
                    PartnerFeeKinds kind = PartnerFeeKinds.ofCategory(loan.categoryOf(fee.item()));
                    if (kind == null) {
                        continue;
                    }
                    totals.merge(kind, PartnerFacts.lifeTotal(fee, n), BigDecimal::add);
                    charged.computeIfAbsent(kind, k -> new ArrayList<>()).add(fee);
                }
                BigDecimal years = BigDecimal.valueOf(n).divide(MONTHS_PER_YEAR, MC);
                totals.forEach((kind, total) -> {
                    BigDecimal cap = kind.cap(policy);
                    if (cap == null) {
                        return;
                    }
                    BigDecimal rate = total.multiply(HUNDRED).divide(loan.loan().principal(), MC).divide(years, MC);
                    if (rate.compareTo(cap) > 0) {
                        Map<String, String> metrics = new Metrics();
                        metrics.put("chargedRate", rate.setScale(4, RoundingMode.HALF_UP).toPlainString());
                        metrics.put(kind.policyField, cap.toPlainString());
                        metrics.put("amount", total.toPlainString());
                        String note = kind.label + " of " + rate.setScale(4, RoundingMode.HALF_UP).toPlainString()
                                + " % a year (" + total.toPlainString() + " over " + n + " months on "
                                + loan.loan().principal().toPlainString() + "), above the policy cap of "
                                + cap.toPlainString() + " %";
                        facts.add(findings, info, partner, facts.title(info, partner),
                                List.of(PartnerFacts.evidence(loan, charged.get(kind), note)), metrics);
                    }
                });
            }

            private void aprOverLine(LoanFacts loan, String partner, List<LoanFee> fees, FindingSink findings) {
                if (!loan.loan().smallOrMicro() || policy.maxSpreadBp() == null) {
                    return;
                }
                if (fees.stream().allMatch(f -> f.amount().signum() == 0)) {
                    return;
                }
                BigDecimal lpr = loan.lpr1y();
                if (lpr == null) {
                    findings.add(info, Severity.INFO, Subject.loan(loan.loan().id()),
                            "PART-002 not evaluated: partner " + partner + "'s fees on loan " + loan.loan().id()
                                    + " cannot be judged against the RATE-003 line: no 1-year LPR is known for its"
                                    + " contract date " + loan.loan().contractDate(),
                            List.of(PartnerFacts.evidence(loan, fees, null)),
                            Map.of("contractDate", loan.loan().contractDate().toString()));
                    return;
                }
                double allIn = loan.aprAllIn();
                double bankOnly = loan.aprBankOnly();
                if (Double.isNaN(allIn) || Double.isNaN(bankOnly)) {
                    String why = loan.aprProblem() == null ? "its cash flows have no rate" : loan.aprProblem();
                    findings.add(info, Severity.INFO, Subject.loan(loan.loan().id()),
                            "PART-002 not evaluated: partner " + partner + "'s fees on loan " + loan.loan().id()
                                    + " cannot be judged: the loan's APR cannot be computed: " + why,
                            List.of(PartnerFacts.evidence(loan, fees, null)), Map.of());
                    return;
                }
                BigDecimal line = lpr.add(BigDecimal.valueOf(policy.maxSpreadBp()).divide(HUNDRED, MC));
                BigDecimal allInRate = BigDecimal.valueOf(allIn);
                BigDecimal bankOnlyRate = BigDecimal.valueOf(bankOnly);
                if (allInRate.compareTo(line) > 0 && bankOnlyRate.compareTo(line) <= 0) {
                    Map<String, String> metrics = new Metrics();
                    metrics.put("apr", allInRate.setScale(4, RoundingMode.HALF_UP).toPlainString());
                    metrics.put("aprBankOnly", bankOnlyRate.setScale(4, RoundingMode.HALF_UP).toPlainString());
                    metrics.put("line", line.toPlainString());
                    metrics.put("lpr1y", lpr.toPlainString());
                    String note = "with these fees the all-in APR is " + metrics.get("apr") + " %, over the line of "
                            + line.toPlainString() + " % (1-year LPR " + lpr.toPlainString() + " % + "
                            + policy.maxSpreadBp() + " bp); the bank's own charges come to " + metrics.get("aprBankOnly")
                            + " %";
                    facts.add(findings, info, partner, facts.title(info, partner),
                            List.of(PartnerFacts.evidence(loan, fees, note)), metrics);
                }
            }

            @Override
            public void finish(FindingSink findings) {
                long asOf = BankCatalogue.Dating.day(context.caseInfo().asOf());
                for (String partner : facts.partnersWithSchedules()) {
                    for (Disclosure schedule : facts.schedulesOf(partner)) {
                        for (FeeItem item : schedule.items()) {
                            String category = facts.categoryOf(item);
                            PartnerFeeKinds kind = PartnerFeeKinds.ofCategory(category);
                            if (kind == null || kind.cap(policy) == null) {
                                continue;
                            }
                            BigDecimal cap = kind.cap(policy);
                            List<BankCatalogue.Entry> rows = BankCatalogue.entriesOf(schedule, item, category, item.price());
                            if (rows.size() > 1 || rows.get(0).dating() != BankCatalogue.Dating.NONE) {
                                publishedOn(asOf, partner, item, rows, kind, cap, findings);
                                continue;
                            }
                            Optional<BigDecimal> rate = PublishedRate.annualRate(item.price());
                            if (rate.isPresent() && rate.get().compareTo(cap) > 0) {
                                Map<String, String> metrics = new Metrics();
                                metrics.put("publishedRate", rate.get().stripTrailingZeros().toPlainString());
                                metrics.put(kind.policyField, cap.toPlainString());
                                metrics.put("published", item.name());
                                facts.add(findings, info, partner, facts.title(info, partner),
                                        List.of(PartnerFacts.evidence(schedule, item)), metrics);
                            }
                        }
                    }
                }
            }

            /**
             * A published rate that states dates, judged as published on the audit date (the case's asOf):
             * the rows in force then (an item listed with its old and new rate), each after the discounts in
             * force then; a row that has ended or starts later is not the partner's rate on that day. The
             * highest rate, for small and micro borrowers or for others, is compared with the cap, and the
             * evidence names each row over it with what its dates say.
             */
            private void publishedOn(long day, String partner, FeeItem item, List<BankCatalogue.Entry> rows,
                    PartnerFeeKinds kind, BigDecimal cap, FindingSink findings) {
                BigDecimal worst = null;
                List<Evidence> evidence = new ArrayList<>();
                for (BankCatalogue.Entry row : BankCatalogue.inForceOn(rows.toArray(new BankCatalogue.Entry[0]), day)) {
                    Optional<BigDecimal> others = PublishedRate.annualRate(row.priceFor(false, day));
                    Optional<BigDecimal> smallMicro = row.exemptFor(true, day) ? Optional.empty()
                            : PublishedRate.annualRate(row.priceFor(true, day));
                    boolean othersOver = others.isPresent() && others.get().compareTo(cap) > 0;
                    boolean smallMicroOver = smallMicro.isPresent() && smallMicro.get().compareTo(cap) > 0;
                    if (!othersOver && !smallMicroOver) {
                        continue;
                    }
                    BigDecimal rate = othersOver && (!smallMicroOver || others.get().compareTo(smallMicro.get()) >= 0)
                            ? others.get() : smallMicro.get();
                    worst = worst == null ? rate : worst.max(rate);
                    evidence.add(row.evidence(day, !othersOver, BankCatalogue.AUDIT_DATE));
                }
                if (worst == null) {
                    return;
                }
                Map<String, String> metrics = new LinkedHashMap<>();
                metrics.put("publishedRate", worst.stripTrailingZeros().toPlainString());
                metrics.put(kind.policyField, cap.toPlainString());
                metrics.put("published", item.name());
                facts.add(findings, info, partner, facts.title(info, partner), evidence, metrics);
            }
        };
    }
}
