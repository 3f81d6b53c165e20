package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.Loan;
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
 * RATE-003: a small or micro borrower's all-in APR (nominal) above the 1-year LPR on the contract
 * date plus the policy's {@code maxSpreadBp}, whatever tenor the loan references.
 */
public final class Rate003SmallMicroAllInCost implements Rule {

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("RATE-003");

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        Integer maxSpreadBp = context.policy().maxSpreadBp();
        double maxSpreadPercent = maxSpreadBp == null ? Double.NaN : maxSpreadBp / 100.0;
        return new RuleEvaluation() {
            /** Only small and micro borrowers: {@link #onLoan} returns at once on any other loan. */
            @Override
            public Set<LoanTrait> onlyLoansWith() {
                return EnumSet.of(LoanTrait.SMALL_OR_MICRO);
            }

            @Override
            public void onLoan(LoanFacts facts, FindingSink findings) {
                Loan loan = facts.loan();
                if (!loan.smallOrMicro()) {
                    return;
                }
                if (maxSpreadBp == null) {
                    findings.add(info, Severity.INFO, Subject.loan(loan.id()),
                            "RATE-003 not evaluated: no maxSpreadBp in the policy",
                            List.of(facts.evidence(PricingText.loanText(loan))), Map.of());
                    return;
                }
                double apr = facts.aprAllIn();
                double lprValue = facts.lpr1yValue();
                // most loans: an APR clearly below the line, told from the doubles alone (NaN never is)
                if (!Double.isNaN(lprValue) && PricingText.clearlyBelow(apr, lprValue + maxSpreadPercent)) {
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
                BigDecimal line = lpr.add(BigDecimal.valueOf(maxSpreadBp).movePointLeft(2));
                if (!(apr > line.doubleValue())) {
                    return;
                }
                String aprText = PricingText.apr(apr);
                String lprText = PricingText.rate(lpr);
                String lineText = PricingText.rate(line);
                Map<String, String> metrics = new Metrics();
                metrics.put("apr", aprText);
                metrics.put("aprEffective", PricingText.apr(facts.aprAllInEffective()));
                if (!Double.isNaN(facts.aprBankOnly())) {
                    metrics.put("aprBankOnly", PricingText.apr(facts.aprBankOnly()));
                }
                metrics.put("lpr1y", lprText);
                metrics.put("maxSpreadBp", maxSpreadBp.toString());
                metrics.put("line", lineText);
                metrics.put("excessPp", PricingText.apr(apr - line.doubleValue()));
                findings.add(info, Subject.loan(loan.id()),
                        "All-in APR " + aprText + " % exceeds 1Y LPR " + lprText + " % + "
                                + maxSpreadBp + " bp = " + lineText + " % ("
                                + loan.borrower().type().wireName() + " borrower)",
                        List.of(facts.evidence(PricingText.loanText(loan) + "; all-in APR " + aprText + " %")),
                        metrics);
            }
        };
    }
}
