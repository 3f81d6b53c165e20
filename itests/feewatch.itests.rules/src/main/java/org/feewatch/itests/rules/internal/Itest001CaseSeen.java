package org.feewatch.itests.rules.internal;

import java.util.List;
import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.Evidence;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.SubjectType;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;

/**
 * ITEST-001: one info finding per audited case (subject: the portfolio of the case's asOf
 * quarter), and it counts the loans it was shown, so a test can see both the case-level and the
 * loan-level calls arrive.
 */
public class Itest001CaseSeen implements Rule {

    public static final String CODE = "ITEST-001";

    private static final RuleInfo INFO = new RuleInfo(CODE, "集成测试规则", "Integration-test rule saw the case",
            "Reports every audited case once; installed only by the integration tests.", List.of(SubjectType.PORTFOLIO),
            Severity.INFO, Action.REVIEW, List.of("feewatch integration tests"), null, null);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        java.util.concurrent.atomic.AtomicLong loans = new java.util.concurrent.atomic.AtomicLong();
        return new RuleEvaluation() {
            @Override
            public void onLoan(org.feewatch.api.spi.LoanFacts loan, FindingSink findings) {
                loans.incrementAndGet();
            }

            @Override
            public void finish(FindingSink findings) {
                String quarter = context.caseInfo().asOf().getYear() + "Q" + ((context.caseInfo().asOf().getMonthValue() - 1) / 3 + 1);
                findings.add(INFO, Subject.portfolio(quarter), "Integration-test rule saw case "
                        + context.caseInfo().institutionId(),
                        List.of(new Evidence("case.json", "$.institution.id", context.caseInfo().institutionId(), null)),
                        Map.of("loans", Long.toString(loans.get())));
            }
        };
    }
}
