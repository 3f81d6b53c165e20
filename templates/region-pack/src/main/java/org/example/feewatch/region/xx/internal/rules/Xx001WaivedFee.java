package org.example.feewatch.region.xx.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.Evidence;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.catalogue.RegionData;

/** XX-001: a fee of a category in {@code feeGroups.waived-fees} charged to a small or micro borrower. */
public final class Xx001WaivedFee implements Rule {

    private final RuleInfo info;
    private final Set<String> waived;

    public Xx001WaivedFee(RuleInfo info, RegionData data) {
        this.info = info;
        this.waived = data.feeGroup("waived-fees");
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        // per-audit state lives in the evaluation; onLoan runs on several threads at once
        return new RuleEvaluation() {
            @Override
            public void onLoan(LoanFacts facts, FindingSink findings) {
                if (!facts.loan().smallOrMicro()) {
                    return;
                }
                List<Evidence> evidence = new ArrayList<>();
                for (LoanFee fee : facts.loan().fees()) {
                    if (fee.amount().signum() > 0 && waived.contains(facts.categoryOf(fee.item()))) {
                        evidence.add(facts.evidence(fee.item() + " " + fee.amount().toPlainString()));
                    }
                }
                if (!evidence.isEmpty()) {
                    findings.add(info, Subject.loan(facts.loan().id()), "Loan " + facts.loan().id()
                            + " to a small or micro borrower carries a fee the region asks to waive", evidence, Map.of());
                }
            }
        };
    }
}
