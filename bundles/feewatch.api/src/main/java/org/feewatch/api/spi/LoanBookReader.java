package org.feewatch.api.spi;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;

/** Reads a loan book of one format (loans.jsonl, loans.csv + fees.csv …) from a case folder. */
@ConsumerType
public interface LoanBookReader {

    /** The format's name, e.g. {@code jsonl} or {@code csv}. */
    String format();

    /** The book file this reader would read in {@code caseDir}, or null when there is none. */
    Path bookFile(Path caseDir);

    /**
     * Streams the book to {@code listener}: every physical non-blank line is either a loan or a
     * rejection, so read = accepted + rejected. May call the listener from several threads.
     */
    void read(Path caseDir, LoanBookListener listener) throws java.io.IOException;
}
