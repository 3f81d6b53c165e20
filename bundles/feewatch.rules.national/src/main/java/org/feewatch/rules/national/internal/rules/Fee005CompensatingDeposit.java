package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Loan;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
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
            @Override
            public void onLoan(LoanFacts facts, FindingSink findings) {
                Loan loan = facts.loan();
                BigDecimal deposit = loan.compensatingDeposit();
                if (deposit == null || deposit.signum() <= 0) {
                    return;
                }
                double share = deposit.doubleValue() / loan.principal().doubleValue() * 100;
                Map<String, String> metrics = new LinkedHashMap<>();
                metrics.put("deposit", PricingText.money(deposit));
                metrics.put("depositShareOfPrincipal", PricingText.apr(share));
                if (demandRate != null) {
                    metrics.put("demandRate", PricingText.rate(demandRate));
                }
                boolean solved = !Double.isNaN(facts.aprAllIn()) && !Double.isNaN(facts.aprAllInWithoutDeposit());
                if (!Double.isNaN(facts.aprAllIn())) {
                    metrics.put("apr", PricingText.apr(facts.aprAllIn()));
                }
                if (!Double.isNaN(facts.aprAllInWithoutDeposit())) {
                    metrics.put("aprWithoutDeposit", PricingText.apr(facts.aprAllInWithoutDeposit()));
                }
                if (solved) {
                    metrics.put("depositCostPp", PricingText.apr(facts.aprAllIn() - facts.aprAllInWithoutDeposit()));
                }
                String title = "Loan required a compensating deposit of " + PricingText.money(deposit) + " yuan ("
                        + PricingText.apr(share).replaceAll("0+$", "").replaceAll("\\.$", "") + " % of principal)"
                        + (solved ? ": all-in APR " + PricingText.apr(facts.aprAllIn()) + " % with it, "
                                + PricingText.apr(facts.aprAllInWithoutDeposit()) + " % without" : "");
                findings.add(info, Subject.loan(loan.id()), title,
                        List.of(facts.evidence(loan.id() + ": compensating deposit " + PricingText.money(deposit)
                                + " on principal " + PricingText.money(loan.principal()))),
                        metrics);
            }
        };
    }
}
