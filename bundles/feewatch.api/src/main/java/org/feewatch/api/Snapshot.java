package org.feewatch.api;

import java.time.Instant;

/**
 * A body read from a source, exactly as received, addressed by the sha256 of its bytes.
 *
 * @param location    the url (after redirects) or the case-relative file
 * @param charset     the charset the text was decoded with, and {@code charsetOrigin} how it was chosen
 *                    (header, bom, meta, hint, detected)
 */
public record Snapshot(String sourceId, String location, String sha256, String contentType, String charset,
        String charsetOrigin, Instant fetchedAt, byte[] body, String text) {
}
