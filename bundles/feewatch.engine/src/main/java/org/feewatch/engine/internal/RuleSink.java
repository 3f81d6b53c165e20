package org.feewatch.engine.internal;

import java.util.ArrayList;
import java.util.List;

import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.SubjectType;
import org.feewatch.api.spi.FindingSink;

/**
 * The sink a rule writes to: checks each finding before it reaches the audit's sink, and while a
 * loan is judged notes the loan-subject rules that loan broke (for its detail row). One instance
 * is used by one thread at a time; {@link #close()} makes it drop whatever a rule adds after its
 * time is up.
 */
public final class RuleSink implements FindingSink {

    private final FindingSink target;
    private GuardedRule rule;
    private String loanId;
    private final List<String> loanRules = new ArrayList<>(4);
    private volatile boolean closed;

    public RuleSink(FindingSink target, GuardedRule rule) {
        this.target = target;
        this.rule = rule;
    }

    public void rule(GuardedRule r) {
        this.rule = r;
    }

    public synchronized void startLoan(String id) {
        loanId = id;
        loanRules.clear();
    }

    /** The loan-subject rules the current loan broke so far (for a row written while a rule hangs). */
    public synchronized List<String> loanRulesSoFar() {
        List<String> out = new ArrayList<>(loanRules);
        out.sort(null);
        return out;
    }

    /** The codes of the loan-subject rules (not info) the current loan broke, sorted. */
    public synchronized List<String> endLoan() {
        loanId = null;
        if (loanRules.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(loanRules);
        out.sort(null);
        return out;
    }

    private synchronized void noteLoanRule(Finding finding) {
        if (loanId != null && loanId.equals(finding.subject().id()) && !loanRules.contains(finding.rule())) {
            loanRules.add(finding.rule());
        }
    }

    public void close() {
        closed = true;
    }

    @Override
    public void add(Finding finding) {
        if (closed) {
            return;
        }
        String problem = FindingChecks.problem(finding);
        if (problem != null) {
            rule.rejected(problem);
            return;
        }
        target.add(finding);
        if (finding.severity() != Severity.INFO && finding.subject().type() == SubjectType.LOAN) {
            noteLoanRule(finding);
        }
    }
}
