package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.feewatch.api.CaseInfo;
import org.feewatch.api.Evidence;
import org.feewatch.api.Loan;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.LoanTrait;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.rules.national.internal.NationalCatalogue;

/**
 * RATE-005: per quarter of contract date, the principal-weighted average contract rate of on-lending
 * (转贷款) loans to small and micro borrowers is strictly above the previous quarter's local average
 * for the case's region and institution type ({@code AuditContext.onLendingAverages()}). A quarter
 * with such loans but no average to compare with gives an info finding; a quarter without such loans
 * gives nothing.
 */
public final class Rate005OnLendingAboveLocalAverage implements Rule {

    /** Loan lines cited as evidence per quarter; the metrics count them all. */
    static final int EVIDENCE_LOANS = 20;
    private static final int RATE_DECIMALS = 6;

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("RATE-005");

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        return new Evaluation(context);
    }

    /** The on-lending loans of one quarter. Loans arrive from several threads. */
    private static final class Quarter {
        BigDecimal principal = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        long loans;
        final TreeMap<Long, Evidence> firstLines = new TreeMap<>();

        synchronized void add(LoanFacts facts) {
            Loan loan = facts.loan();
            principal = principal.add(loan.principal());
            weighted = weighted.add(loan.principal().multiply(loan.rate().nominal()));
            loans++;
            firstLines.put(loan.line(), facts.evidence(PricingText.loanText(loan)));
            if (firstLines.size() > EVIDENCE_LOANS) {
                firstLines.pollLastEntry();
            }
        }

        synchronized List<Evidence> evidence() {
            return new ArrayList<>(firstLines.values());
        }
    }

    private final class Evaluation implements RuleEvaluation {
        private final AuditContext context;
        private final Map<String, Quarter> quarters = new ConcurrentHashMap<>();

        Evaluation(AuditContext context) {
            this.context = context;
        }

        /** Only on-lending loans to small and micro borrowers: {@link #onLoan} returns at once on any other loan. */
        @Override
        public Set<LoanTrait> onlyLoansWith() {
            return EnumSet.of(LoanTrait.ON_LENDING, LoanTrait.SMALL_OR_MICRO);
        }

        @Override
        public void onLoan(LoanFacts facts, FindingSink findings) {
            Loan loan = facts.loan();
            if (!loan.onLending() || !loan.smallOrMicro() || loan.contractDate() == null || loan.principal() == null) {
                return;
            }
            if (loan.rate() == null || loan.rate().nominal() == null) {
                findings.add(info, Severity.INFO, Subject.loan(loan.id()),
                        "RATE-005 cannot count on-lending loan " + loan.id() + ": it states no contract rate",
                        List.of(facts.evidence(PricingText.loanText(loan))), Map.of());
                return;
            }
            quarters.computeIfAbsent(quarterOf(loan.contractDate()), q -> new Quarter()).add(facts);
        }

        @Override
        public void finish(FindingSink findings) {
            CaseInfo c = context.caseInfo();
            for (Map.Entry<String, Quarter> e : new TreeMap<>(quarters).entrySet()) {
                String quarter = e.getKey();
                Quarter q = e.getValue();
                BigDecimal rate = q.weighted.divide(q.principal, MathContext.DECIMAL64)
                        .setScale(RATE_DECIMALS, RoundingMode.HALF_UP);
                String previous = previousQuarter(quarter);
                OnLendingAverage average = find(c.region(), c.institutionType(), previous);
                Map<String, String> metrics = new LinkedHashMap<>();
                metrics.put("loans", Long.toString(q.loans));
                metrics.put("principal", PricingText.money(q.principal));
                metrics.put("weightedRate", rate.toPlainString());
                metrics.put("previousQuarter", previous);
                List<Evidence> evidence = new ArrayList<>();
                if (average == null) {
                    findings.add(info, Severity.INFO, Subject.portfolio(quarter),
                            "RATE-005 not evaluated for " + quarter + ": no local average for " + previous + " ("
                                    + c.region() + ", " + c.institutionType() + ") to compare the on-lending rate "
                                    + rate.setScale(4, RoundingMode.HALF_UP).toPlainString() + " % of " + q.loans
                                    + " loan" + (q.loans == 1 ? "" : "s") + " with",
                            new ArrayList<>(q.evidence()), metrics);
                    continue;
                }
                if (rate.compareTo(average.rate()) <= 0) {
                    continue;
                }
                metrics.put("benchmark", PricingText.rate(average.rate()));
                metrics.put("excessPp", rate.subtract(average.rate()).setScale(RATE_DECIMALS, RoundingMode.HALF_UP)
                        .toPlainString());
                evidence.add(Evidence.of(average.source() == null ? "onLendingAverages" : average.source(),
                        "onLendingAverages " + average.region() + " " + average.quarter() + " " + average.institutionType(),
                        "local average " + PricingText.rate(average.rate()) + " % in " + average.quarter()));
                evidence.addAll(q.evidence());
                findings.add(info, Subject.portfolio(quarter),
                        "On-lending rate " + rate.setScale(4, RoundingMode.HALF_UP).toPlainString() + " % in " + quarter
                                + " (" + q.loans + " small and micro loan" + (q.loans == 1 ? "" : "s")
                                + ", principal-weighted) above the " + previous + " local average "
                                + PricingText.rate(average.rate()) + " % (" + c.region() + ", " + c.institutionType() + ")",
                        evidence, metrics);
            }
        }

        private OnLendingAverage find(String region, String institutionType, String quarter) {
            for (OnLendingAverage a : context.onLendingAverages()) {
                if (quarter.equals(a.quarter()) && a.rate() != null && a.region() != null
                        && a.region().equalsIgnoreCase(region) && a.institutionType() != null
                        && a.institutionType().equalsIgnoreCase(institutionType)) {
                    return a;
                }
            }
            return null;
        }
    }

    static String quarterOf(LocalDate date) {
        return date.getYear() + "Q" + ((date.getMonthValue() - 1) / 3 + 1);
    }

    static String previousQuarter(String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(5) - '0';
        return q == 1 ? (year - 1) + "Q4" : year + "Q" + (q - 1);
    }
}
