package org.feewatch.core;

/** Progress of an audit's loan book, for a progress bar. Called often, from several threads. */
@FunctionalInterface
public interface AuditProgressListener {

    /**
     * @param bytesRead   bytes of the loan book read so far
     * @param bytesTotal  the book's size in bytes, or 0 when unknown
     * @param loansJudged accepted loans judged by every rule so far
     */
    void onProgress(long bytesRead, long bytesTotal, long loansJudged);

    AuditProgressListener NONE = (read, total, loans) -> {
    };
}
