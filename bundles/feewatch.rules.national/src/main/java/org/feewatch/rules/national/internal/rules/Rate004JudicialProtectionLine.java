package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Loan;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.rules.national.internal.NationalCatalogue;
import org.feewatch.rules.national.internal.PricingLimits;

/**
 * RATE-004: an all-in APR above the judicial protection line, a multiple (4) of the 1-year LPR on the
 * contract date; critical when it is also above the 24 % line. Both figures are cited data
 * ({@code pricing-limits.json}).
 */
public final class Rate004JudicialProtectionLine implements Rule {

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("RATE-004");
    private final PricingLimits limits;

    public Rate004JudicialProtectionLine() {
        this(PricingLimits.NATIONAL);
    }

    Rate004JudicialProtectionLine(PricingLimits limits) {
        this.limits = limits;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        BigDecimal multiple = limits.judicialProtectionLprMultiple();
        BigDecimal critical = limits.criticalAprPercent();
        double multipleValue = multiple.doubleValue();
        return new RuleEvaluation() {
            @Override
            public void onLoan(LoanFacts facts, FindingSink findings) {
                Loan loan = facts.loan();
                double apr = facts.aprAllIn();
                double lprValue = facts.lpr1yValue();
                // most loans: an APR clearly below the line, told from the doubles alone (NaN never is)
                if (!Double.isNaN(lprValue) && PricingText.clearlyBelow(apr, lprValue * multipleValue)) {
                    return;
                }
                BigDecimal lpr = facts.lpr1y();
                if (lpr == null) {
                    PricingText.noLpr(info, facts, "1Y", findings);
                    return;
                }
                if (Double.isNaN(apr)) {
                    PricingText.noApr(info, facts, findings);
                    return;
                }
                BigDecimal line = lpr.multiply(multiple);
                if (!(apr > line.doubleValue())) {
                    return;
                }
                boolean aboveCritical = apr > critical.doubleValue();
                String aprText = PricingText.apr(apr);
                String lprText = PricingText.rate(lpr);
                String lineText = PricingText.rate(line);
                Map<String, String> metrics = new Metrics();
                metrics.put("apr", aprText);
                metrics.put("aprEffective", PricingText.apr(facts.aprAllInEffective()));
                metrics.put("lpr1y", lprText);
                metrics.put("lprMultiple", multiple.toPlainString());
                metrics.put("line", lineText);
                metrics.put("criticalLine", critical.toPlainString());
                String title = "All-in APR " + aprText + " % exceeds " + multiple.toPlainString()
                        + " × 1Y LPR " + lprText + " % = " + lineText + " %"
                        + (aboveCritical ? " and " + critical.toPlainString() + " %" : "");
                List<org.feewatch.api.Evidence> evidence = List.of(facts.evidence(
                        PricingText.loanText(loan) + "; all-in APR " + aprText + " %"));
                if (aboveCritical) {
                    List<String> citations = new java.util.ArrayList<>(info.citations());
                    if (!citations.contains(limits.criticalAprCitation())) {
                        citations.add(limits.criticalAprCitation());
                    }
                    findings.add(new org.feewatch.api.Finding(info.code(), Severity.CRITICAL, Subject.loan(loan.id()),
                            title, evidence, metrics, citations, info.action()));
                } else {
                    findings.add(info, Subject.loan(loan.id()), title, evidence, metrics);
                }
            }
        };
    }
}
