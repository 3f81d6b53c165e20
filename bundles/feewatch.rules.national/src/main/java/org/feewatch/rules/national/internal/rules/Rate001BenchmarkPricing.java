package org.feewatch.rules.national.internal.rules;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.Loan;
import org.feewatch.api.RateType;
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
 * RATE-001: a loan contracted on or after the day the retired benchmark lending rate stopped being a
 * pricing reference for new loans (the catalogue's effective date, 2020-01-01) and still priced off it.
 */
public final class Rate001BenchmarkPricing implements Rule {

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("RATE-001");

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        LocalDate from = info.effectiveFrom();
        return new RuleEvaluation() {
            /** Only loans priced off the benchmark rate: {@link #onLoan} returns at once on any other loan. */
            @Override
            public Set<LoanTrait> onlyLoansWith() {
                return EnumSet.of(LoanTrait.BENCHMARK_RATE);
            }

            @Override
            public void onLoan(LoanFacts facts, FindingSink findings) {
                Loan loan = facts.loan();
                if (loan.rate() == null || loan.rate().type() != RateType.BENCHMARK || loan.contractDate() == null
                        || (from != null && loan.contractDate().isBefore(from))) {
                    return;
                }
                Map<String, String> metrics = new Metrics();
                if (loan.rate().nominal() != null) {
                    metrics.put("nominalRate", PricingText.rate(loan.rate().nominal()));
                }
                if (loan.rate().multiplier() != null) {
                    metrics.put("multiplier", Figures.plain(loan.rate().multiplier()));
                }
                metrics.put("contractDate", loan.contractDate().toString());
                if (facts.lpr1y() != null) {
                    metrics.put("lpr1y", PricingText.rate(facts.lpr1y()));
                }
                String rate = loan.rate().nominal() == null ? "" : " (" + PricingText.rate(loan.rate().nominal())
                        + " %" + (loan.rate().multiplier() == null ? "" : " = " + Figures.plain(loan.rate().multiplier())
                        + " × benchmark") + ")";
                findings.add(info, Subject.loan(loan.id()),
                        "Loan of " + loan.contractDate() + " priced off the retired benchmark lending rate" + rate
                                + " instead of LPR" + (from == null ? "" : ", required for loans from " + from),
                        List.of(facts.evidence(PricingText.loanText(loan))), metrics);
            }
        };
    }
}
