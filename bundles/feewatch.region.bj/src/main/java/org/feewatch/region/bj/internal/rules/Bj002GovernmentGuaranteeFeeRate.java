package org.feewatch.region.bj.internal.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.feewatch.api.Evidence;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.Partner;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.catalogue.RegionData;
import org.feewatch.engine.cashflow.CashFlowModel;

/**
 * BJ-002: on a small or micro loan, a government-backed guarantee partner's guarantee fees over the
 * loan's life ÷ principal ÷ term in years above the data file's {@code caps.governmentGuaranteeFeeRate}.
 */
public final class Bj002GovernmentGuaranteeFeeRate implements Rule {

    static final String CAP = "governmentGuaranteeFeeRate";
    static final String GUARANTEE_FEE = "guarantee-fee";
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

    private final RuleInfo info;
    private final BigDecimal cap;

    public Bj002GovernmentGuaranteeFeeRate(RuleInfo info, RegionData data) {
        this.info = info;
        this.cap = data.cap(CAP).value();
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        return new RuleEvaluation() {
            @Override
            public void onLoan(LoanFacts facts, FindingSink findings) {
                Loan loan = facts.loan();
                if (!loan.smallOrMicro() || loan.principal() == null || loan.principal().signum() <= 0) {
                    return;
                }
                int n = CashFlowModel.termMonths(loan.contractDate(), loan.maturityDate());
                if (n <= 0) {
                    return;
                }
                Map<String, BigDecimal> totals = new LinkedHashMap<>();
                Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
                for (LoanFee fee : loan.fees()) {
                    Optional<Partner> partner = context.partner(fee.payee());
                    if (partner.isEmpty() || !partner.get().governmentBacked() || fee.amount() == null
                            || !GUARANTEE_FEE.equals(facts.categoryOf(fee.item()))) {
                        continue;
                    }
                    BigDecimal life = fee.amount().multiply(BigDecimal.valueOf(CashFlowModel.paymentsOf(fee.when(), n)));
                    totals.merge(fee.payee(), life, BigDecimal::add);
                    evidence.computeIfAbsent(fee.payee(), k -> new ArrayList<>()).add(facts.evidence(fee.payee()
                            + " " + fee.item() + " " + fee.amount().toPlainString() + " " + fee.when().wireName()));
                }
                BigDecimal years = BigDecimal.valueOf(n).divide(MONTHS_PER_YEAR, MC);
                totals.forEach((partnerId, total) -> {
                    BigDecimal rate = total.multiply(HUNDRED).divide(loan.principal(), MC).divide(years, MC);
                    if (rate.compareTo(cap) <= 0) {
                        return;
                    }
                    String shown = rate.setScale(4, RoundingMode.HALF_UP).toPlainString();
                    Map<String, String> metrics = new LinkedHashMap<>();
                    metrics.put("partner", partnerId);
                    metrics.put("chargedRate", shown);
                    metrics.put(CAP, cap.toPlainString());
                    metrics.put("amount", total.setScale(2, RoundingMode.HALF_UP).toPlainString());
                    findings.add(info, Subject.loan(loan.id()), "Government-backed guarantor " + partnerId
                            + " charged " + shown + " % a year on loan " + loan.id() + ", above the "
                            + cap.toPlainString() + " % benchmark for government-backed guarantee fees",
                            evidence.get(partnerId), metrics);
                });
            }
        };
    }
}
