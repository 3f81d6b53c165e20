package org.feewatch.disclosure.internal.fetch;

import java.net.URI;
import java.net.URISyntaxException;

/** URLs as written in case files and Location headers, made fit for a request. */
final class UrlText {

    private UrlText() {
    }

    /** Percent-encodes non-ASCII characters (a Chinese path segment) and leaves the rest alone. */
    static String toAscii(String url) throws URISyntaxException {
        return new URI(url).toASCIIString();
    }

    /** Parses a source's url; throws with a one-line reason when it is not one. */
    static URI parse(String url) throws org.feewatch.api.spi.SourceException {
        try {
            URI uri = new URI(toAscii(url.strip()));
            if (!uri.isAbsolute() || uri.isOpaque()) {
                String scheme = uri.getScheme();
                if (scheme != null && uri.isOpaque()) {
                    return uri; // mailto:, data: … refused by the scheme check with their name
                }
                throw new org.feewatch.api.spi.SourceException("not an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new org.feewatch.api.spi.SourceException("not a valid URL");
        }
    }
}
