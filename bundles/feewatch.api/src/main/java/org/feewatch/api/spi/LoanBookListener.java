package org.feewatch.api.spi;

import java.util.List;

import org.feewatch.api.InputIssue;
import org.feewatch.api.Loan;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Receives a loan book as it is read. Batches carry a sequence number so that output kept in book
 * order (the {@code --detail} CSV) can be re-ordered; every method may be called concurrently.
 */
@ProviderType
public interface LoanBookListener {

    /** Accepted loans, in book order within the batch; batches numbered from 0 in book order. */
    void onLoans(long sequence, List<Loan> loans);

    /** A rejected line, with its file, line and reason. */
    void onRejected(InputIssue issue);

    /** A questionable but accepted input (unknown field, orphan fee row, skipped book). */
    void onWarning(InputIssue issue);

    /** Progress in bytes, for the progress bar; optional. */
    default void onProgress(long bytesRead, long bytesTotal) {
    }
}
