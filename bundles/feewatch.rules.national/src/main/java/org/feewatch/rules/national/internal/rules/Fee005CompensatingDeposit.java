package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.Loan;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.LoanTrait;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.rules.national.internal.NationalCatalogue;

/**
 * FEE-005: a compensating deposit (以贷转存, 存贷挂钩). The metrics give the all-in APR with the deposit
 * (its opportunity cost at the demand rate) and without it, so the cost of the deposit shows.
 */
public final class Fee005CompensatingDeposit implements Rule {

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("FEE-005");

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        BigDecimal demandRate = context.demandDepositRate();
        return new RuleEvaluation() {
            /** Only a compensating deposit: {@link #onLoan} returns at once on any other loan. */
            @Override
            public Set<LoanTrait> onlyLoansWith() {
                return EnumSet.of(LoanTrait.COMPENSATING_DEPOSIT);
            }

            @Override
            public void onLoan(LoanFacts facts, FindingSink findings) {
                Loan loan = facts.loan();
                BigDecimal deposit = loan.compensatingDeposit();
                if (deposit == null || deposit.signum() <= 0) {
                    return;
                }
                double share = deposit.doubleValue() / loan.principal().doubleValue() * 100;
                // each figure formatted once: Double.toString is costly under C1
                String depositText = PricingText.money(deposit);
                String shareText = PricingText.apr(share);
                double apr = facts.aprAllIn();
                double withoutDeposit = facts.aprAllInWithoutDeposit();
                String aprText = Double.isNaN(apr) ? null : PricingText.apr(apr);
                String withoutText = Double.isNaN(withoutDeposit) ? null : PricingText.apr(withoutDeposit);
                Map<String, String> metrics = new Metrics();
                metrics.put("deposit", depositText);
                metrics.put("depositShareOfPrincipal", shareText);
                if (demandRate != null) {
                    metrics.put("demandRate", PricingText.rate(demandRate));
                }
                boolean solved = aprText != null && withoutText != null;
                if (aprText != null) {
                    metrics.put("apr", aprText);
                }
                if (withoutText != null) {
                    metrics.put("aprWithoutDeposit", withoutText);
                }
                if (solved) {
                    metrics.put("depositCostPp", PricingText.apr(apr - withoutDeposit));
                }
                String title = "Loan required a compensating deposit of " + depositText + " yuan ("
                        + PricingText.withoutTrailingZeros(shareText) + " % of principal)"
                        + (solved ? ": all-in APR " + aprText + " % with it, " + withoutText + " % without" : "");
                findings.add(info, Subject.loan(loan.id()), title,
                        List.of(facts.evidence(loan.id() + ": compensating deposit " + depositText
                                + " on principal " + PricingText.money(loan.principal()))),
                        metrics);
            }
        };
    }
}
