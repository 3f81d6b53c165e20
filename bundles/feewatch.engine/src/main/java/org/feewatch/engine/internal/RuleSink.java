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
    /** When not null: the current loan's own findings, kept back to leave with its batch (book order). */
    private final List<Finding> loanFindings;
    private final List<Finding> batchFindings;
    private final int evidenceCap;
    /**
     * Whether a finding arrived since the current loan's {@link #startLoan}: written and read by the
     * judging thread only. Most loans break no rule, and for them starting and ending a loan takes
     * no lock (the watchdog only ever reads the lists, under this sink's lock, and those stay as
     * they were).
     */
    private boolean added;

    public RuleSink(FindingSink target, GuardedRule rule) {
        this.target = target;
        this.rule = rule;
        this.loanFindings = null;
        this.batchFindings = null;
        this.evidenceCap = 1;
    }

    /**
     * A sink for the loan phase that keeps back the findings whose subject is the loan being judged:
     * they are merged within the loan and collected for {@link #takeKept()}, so that the pipeline can
     * write them out in book order. Other findings go to {@code target} at once.
     */
    public RuleSink(FindingSink target, int evidenceCap) {
        this.target = target;
        this.loanFindings = new ArrayList<>(4);
        this.batchFindings = new ArrayList<>();
        this.evidenceCap = evidenceCap;
    }

    /**
     * The findings kept back since the last call, loan by loan in the order judged, with those the
     * current loan has so far (for a loan cut off because a rule hung on it).
     */
    public synchronized List<Finding> takeKept() {
        if (loanFindings != null && !loanFindings.isEmpty()) {
            keepLoanFindings();
        }
        if (batchFindings == null || batchFindings.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>(batchFindings);
        batchFindings.clear();
        return out;
    }

    /**
     * {@link #takeKept()} for the thread that judges with this sink: without a lock when nothing was
     * kept, which only that thread can know without one.
     */
    public List<Finding> takeKeptByOwner() {
        if (batchFindings == null || batchFindings.isEmpty() && (loanFindings == null || loanFindings.isEmpty())) {
            return List.of();
        }
        return takeKept();
    }

    public void rule(GuardedRule r) {
        this.rule = r;
    }

    public void startLoan(String id) {
        if (added) {
            synchronized (this) {
                loanRules.clear();
                if (loanFindings != null) {
                    loanFindings.clear();
                }
            }
            added = false;
        }
        loanId = id;
    }

    /** The loan-subject rules the current loan broke so far (for a row written while a rule hangs). */
    public synchronized List<String> loanRulesSoFar() {
        List<String> out = new ArrayList<>(loanRules);
        out.sort(null);
        return out;
    }

    /** The codes of the loan-subject rules (not info) the current loan broke, sorted. */
    public List<String> endLoan() {
        loanId = null;
        if (!added) {
            return List.of(); // nothing arrived during the loan (see added)
        }
        added = false;
        synchronized (this) {
            if (loanFindings != null && !loanFindings.isEmpty()) {
                keepLoanFindings();
            }
            if (loanRules.isEmpty()) {
                return List.of();
            }
            if (loanRules.size() == 1) {
                // most loans that break a rule break one
                String only = loanRules.get(0);
                loanRules.clear();
                return List.of(only);
            }
            List<String> out = new ArrayList<>(loanRules);
            loanRules.clear();
            out.sort(null);
            return out;
        }
    }

    private void keepLoanFindings() {
        boolean merge = false;
        for (Finding f : loanFindings) {
            merge |= f.evidence().size() > evidenceCap;
        }
        for (int i = 1; i < loanFindings.size() && !merge; i++) {
            for (int j = 0; j < i; j++) {
                if (loanFindings.get(i).rule().equals(loanFindings.get(j).rule())) {
                    merge = true;
                    break;
                }
            }
        }
        if (merge) {
            // several findings of one rule for this loan (or too much evidence): merged as the audit's sink would
            org.feewatch.engine.MergingFindingSink merging = new org.feewatch.engine.MergingFindingSink(evidenceCap);
            loanFindings.forEach(merging::add);
            batchFindings.addAll(merging.findings());
        } else {
            // one by one: addAll copies the list into an array first
            for (int i = 0, n = loanFindings.size(); i < n; i++) {
                batchFindings.add(loanFindings.get(i));
            }
        }
        loanFindings.clear();
    }

    /**
     * Keeps a finding of the loan being judged back, and notes its rule for the loan's row unless
     * it is info (one lock for both: the common case); false when it is not one.
     */
    private synchronized boolean keep(Finding finding) {
        if (closed || loanId == null || finding.subject().type() != SubjectType.LOAN
                || !loanId.equals(finding.subject().id())) {
            return false;
        }
        loanFindings.add(finding);
        if (finding.severity() != Severity.INFO && !loanRules.contains(finding.rule())) {
            loanRules.add(finding.rule());
        }
        return true;
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
        added = true;
        String problem = FindingChecks.problem(finding);
        if (problem != null) {
            rule.rejected(problem);
            return;
        }
        if (loanFindings != null && keep(finding)) {
            return;
        }
        if (closed) {
            return;
        }
        target.add(finding);
        if (finding.severity() != Severity.INFO && finding.subject().type() == SubjectType.LOAN) {
            noteLoanRule(finding);
        }
    }
}
