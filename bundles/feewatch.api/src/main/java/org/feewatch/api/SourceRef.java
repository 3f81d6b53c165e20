package org.feewatch.api;

/** One entry of sources.json: exactly one of {@code url} and {@code file} is set. */
public record SourceRef(String id, String owner, SourceKind kind, String url, String file, String encoding) {
    /** The url or the case-relative file, for messages. */
    public String location() {
        return url != null ? url : file;
    }
}
