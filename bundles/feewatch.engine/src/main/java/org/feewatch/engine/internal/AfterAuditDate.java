package org.feewatch.engine.internal;

import java.time.LocalDate;

import org.feewatch.api.InputIssue;
import org.feewatch.api.Loan;

/**
 * Loans contracted after the audit date (case.json {@code asOf}), as a book exported later than the audit
 * period holds them. CASE-FORMAT.md takes LPR and region data as of the dates in the inputs, so such a loan
 * is still audited as of its own contract date; the book gets one warning, so that a mismatched asOf or
 * book is seen (a decision where CASE-FORMAT.md is silent). Thread-safe; one date comparison a loan.
 */
public final class AfterAuditDate {
    private final LocalDate asOf;
    private long count;
    private Loan first;

    public AfterAuditDate(LocalDate asOf) {
        this.asOf = asOf;
    }

    public void tally(Loan[] batch) {
        if (asOf == null) {
            return;
        }
        for (Loan loan : batch) {
            if (loan.contractDate() != null && loan.contractDate().isAfter(asOf)) {
                note(loan);
            }
        }
    }

    private synchronized void note(Loan loan) {
        count++;
        // batches come from several threads: the first in the book is the one with the lowest line
        if (first == null || loan.line() < first.line()) {
            first = loan;
        }
    }

    /** The book's one warning, or null when no loan was contracted after the audit date. */
    public synchronized InputIssue warning() {
        if (count == 0) {
            return null;
        }
        return new InputIssue(first.file(), first.line() > 0 ? first.line() : null, (count == 1 ? "1 loan was"
                : count + " loans were") + " contracted after the audit date " + asOf + " (case.json asOf), the "
                + "first (" + first.id() + ") on " + first.contractDate() + ": audited as of "
                + (count == 1 ? "its own contract date" : "their own contract dates")
                + "; check that the book and asOf cover the same period");
    }
}
