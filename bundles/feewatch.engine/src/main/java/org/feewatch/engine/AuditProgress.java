package org.feewatch.engine;

/**
 * Progress of an audit's loan phase, for a progress bar. Called often and from several threads:
 * implementations throttle and must be quick.
 */
@FunctionalInterface
public interface AuditProgress {

    /**
     * @param bytesRead     bytes of the loan book read so far (0 when the reader does not say)
     * @param bytesTotal    the book's size in bytes, or 0 when unknown
     * @param loansAnalysed accepted loans judged by every rule so far
     */
    void onProgress(long bytesRead, long bytesTotal, long loansAnalysed);

    AuditProgress NONE = (read, total, loans) -> {
    };
}
