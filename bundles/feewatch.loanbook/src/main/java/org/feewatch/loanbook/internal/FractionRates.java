package org.feewatch.loanbook.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.feewatch.api.InputIssue;
import org.feewatch.api.Loan;
import org.feewatch.api.spi.LoanBookListener;

/**
 * Counts, as the reader passes the book on ({@link #tally}), the loans whose nominal rate is above 0 and below a threshold
 * (in percent): a rate written as a fraction (0.0435 for 4.35 %) is a valid number and reads as a tiny
 * rate, so the book is accepted with one warning naming how many loans and the first line.
 */
final class FractionRates implements LoanBookListener {
    /** The default threshold, in percent (ReaderConfig#fractionRateBelow). */
    static final double DEFAULT_BELOW = 0.5;

    private final LoanBookListener next;
    private final BigDecimal below;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong firstLine = new AtomicLong(Long.MAX_VALUE);

    /** {@code below} in percent; 0 or less turns the check off. */
    FractionRates(LoanBookListener next, double below) {
        this.next = next;
        this.below = below > 0 ? BigDecimal.valueOf(below) : null;
        this.belowWholeDigits = below > 0 ? this.below.precision() - this.below.scale() : 0;
    }

    /**
     * The threshold's digits before the point (precision - scale, 0 or less under 1): it is below
     * 10 to that power, so a rate with more digits before its point is above it.
     */
    private final int belowWholeDigits;

    /**
     * What the reader counts for this check, on the thread that made each loan (null when the check is
     * off): counting there reads each loan while it is still in that processor's cache.
     */
    ChunkedBookReader.LoanTally tally() {
        if (below == null) {
            return null;
        }
        return new ChunkedBookReader.LoanTally() {
            @Override
            public boolean counts(Loan loan) {
                BigDecimal r = loan.rate().nominal();
                // a rate with more digits before its point than the threshold (4.35 against 0.5) is
                // answered without compareTo, which costs tens of nanoseconds a loan under C1 (the
                // precision of a shared value is worked out once)
                return r != null && r.signum() > 0 && r.precision() - r.scale() <= belowWholeDigits
                        && r.compareTo(below) < 0;
            }

            @Override
            public void add(long n, long firstLine) {
                count.addAndGet(n);
                FractionRates.this.firstLine.accumulateAndGet(firstLine, Math::min);
            }
        };
    }

    @Override
    public void onLoans(long sequence, List<Loan> loans) {
        next.onLoans(sequence, loans);
    }

    @Override
    public void onRejected(InputIssue issue) {
        next.onRejected(issue);
    }

    @Override
    public void onWarning(InputIssue issue) {
        next.onWarning(issue);
    }

    @Override
    public void onProgress(long bytesRead, long bytesTotal) {
        next.onProgress(bytesRead, bytesTotal);
    }

    /** The book's warning, or null when no loan's rate looks like a fraction. */
    InputIssue warning(String file, String field) {
        long n = count.get();
        if (n == 0) {
            return null;
        }
        String below = this.below.toPlainString();
        long line = firstLine.get();
        return InputIssue.at(file, line, (n == 1 ? "1 loan has" : n + " loans have") + " a " + field
                + " above 0 and below " + below + " (the first on line " + line + "): rates are in percent "
                + "(4.35 means 4.35 %), so a rate written as a fraction (0.0435 for 4.35 %) is read as a rate "
                + "under 1 %; check how the book writes its rates");
    }

    /** Gives the warning, if any, to the listener this one passes the book to. */
    void report(String file, String field) {
        InputIssue w = warning(file, field);
        if (w != null) {
            next.onWarning(w);
        }
    }
}
