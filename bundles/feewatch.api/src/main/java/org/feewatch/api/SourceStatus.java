package org.feewatch.api;

/** The report's view of one source: ok with its snapshot hash and item count, or failed with the reason. */
public record SourceStatus(String id, boolean ok, String sha256, Integer items, String error) {
    public static SourceStatus ok(String id, String sha256, int items) {
        return new SourceStatus(id, true, sha256, items, null);
    }

    public static SourceStatus failed(String id, String error) {
        return new SourceStatus(id, false, null, null, error);
    }
}
