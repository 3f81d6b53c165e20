package org.feewatch.loanbook.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.feewatch.api.InputIssue;
import org.feewatch.api.Loan;
import org.feewatch.api.spi.LoanBookListener;

/** Keeps what a reader reports, as the pipeline would see it, for assertions. */
final class CollectingListener implements LoanBookListener {
    private final Map<Long, List<Loan>> batches = new TreeMap<>();
    private final List<InputIssue> rejected = new ArrayList<>();
    private final List<InputIssue> warnings = new ArrayList<>();

    private long nextExpected;

    @Override
    public synchronized void onLoans(long sequence, List<Loan> loans) {
        // the readers deliver batches in book order, never k+1 before k
        if (sequence != nextExpected++) {
            throw new AssertionError("batch " + sequence + " arrived when " + (nextExpected - 1) + " was due");
        }
        batches.put(sequence, loans);
    }

    @Override
    public synchronized void onRejected(InputIssue issue) {
        rejected.add(issue);
    }

    @Override
    public synchronized void onWarning(InputIssue issue) {
        warnings.add(issue);
    }

    /** Accepted loans in book order (batches re-ordered by sequence, which must have no gaps). */
    synchronized List<Loan> loans() {
        long expected = 0;
        List<Loan> all = new ArrayList<>();
        for (Map.Entry<Long, List<Loan>> e : batches.entrySet()) {
            if (e.getKey() != expected++) {
                throw new AssertionError("batch numbers have a gap before " + e.getKey());
            }
            all.addAll(e.getValue());
        }
        return all;
    }

    synchronized List<InputIssue> rejected() {
        List<InputIssue> r = new ArrayList<>(rejected);
        r.sort(Comparator.comparing(InputIssue::line));
        return r;
    }

    synchronized List<InputIssue> warnings() {
        return new ArrayList<>(warnings);
    }

    /** "line: message" for each rejection, by line. */
    List<String> rejections() {
        return rejected().stream().map(i -> i.line() + ": " + i.message()).collect(Collectors.toList());
    }

    List<String> warningTexts() {
        return warnings().stream().map(i -> i.file() + (i.line() == null ? "" : ":" + i.line()) + ": " + i.message())
                .collect(Collectors.toList());
    }

    /** The number of loans in each batch, in batch order. */
    synchronized List<Integer> batchSizes() {
        return batches.values().stream().map(List::size).collect(Collectors.toList());
    }

    List<Long> acceptedLines() {
        return loans().stream().map(Loan::line).collect(Collectors.toList());
    }
}
