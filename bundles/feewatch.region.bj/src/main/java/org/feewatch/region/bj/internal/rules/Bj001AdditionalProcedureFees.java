package org.feewatch.region.bj.internal.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.Evidence;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.catalogue.RegionData;

/**
 * BJ-001: a fee of an additional-procedure kind (appraisal, notarization: the data file's
 * {@code feeGroups.additional-procedure-fees}) charged to a small or micro borrower, by any payee.
 */
public final class Bj001AdditionalProcedureFees implements Rule {

    static final String GROUP = "additional-procedure-fees";

    private final RuleInfo info;
    private final Set<String> categories;

    public Bj001AdditionalProcedureFees(RuleInfo info, RegionData data) {
        this.info = info;
        this.categories = data.feeGroup(GROUP);
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
                if (!loan.smallOrMicro()) {
                    return;
                }
                BigDecimal total = BigDecimal.ZERO;
                List<Evidence> evidence = new ArrayList<>();
                List<String> items = new ArrayList<>();
                for (LoanFee fee : loan.fees()) {
                    if (fee.amount() == null || fee.amount().signum() <= 0
                            || !categories.contains(facts.categoryOf(fee.item()))) {
                        continue;
                    }
                    total = total.add(fee.amount());
                    items.add(fee.item());
                    evidence.add(facts.evidence(fee.payee() + " " + fee.item() + " " + fee.amount().toPlainString()
                            + " " + fee.when().wireName()));
                }
                if (evidence.isEmpty()) {
                    return;
                }
                Map<String, String> metrics = new LinkedHashMap<>();
                metrics.put("amount", total.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
                metrics.put("items", String.join(", ", items));
                findings.add(info, Subject.loan(loan.id()), "Loan " + loan.id() + " to a small or micro borrower "
                        + "carries appraisal or notarization fees (" + String.join(", ", items)
                        + "), which Beijing asks banks to reduce as far as possible", evidence, metrics);
            }
        };
    }
}
