package org.feewatch.disclosure.internal.fetch;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.feewatch.api.spi.SourceException;

/** URLs as written in case files and Location headers, made fit for a request. */
final class UrlText {

    private static final Pattern AUTHORITY = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)(.*)$", Pattern.DOTALL);

    private UrlText() {
    }

    /**
     * Percent-encodes non-ASCII characters (a Chinese path segment) and writes a Chinese host name
     * (中国银行.cn) in its ASCII form; leaves the rest alone.
     */
    static String toAscii(String url) throws URISyntaxException {
        Matcher m = AUTHORITY.matcher(url);
        if (m.matches() && !m.group(2).chars().allMatch(c -> c < 0x80)) {
            String authority = m.group(2);
            int at = authority.lastIndexOf('@');
            String user = at >= 0 ? authority.substring(0, at + 1) : "";
            String hostPort = authority.substring(at + 1);
            int colon = hostPort.lastIndexOf(':');
            String host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            String port = colon >= 0 ? hostPort.substring(colon) : "";
            try {
                url = m.group(1) + user + IDN.toASCII(host, IDN.ALLOW_UNASSIGNED) + port + m.group(3);
            } catch (IllegalArgumentException e) {
                throw new URISyntaxException(url, "host name is not valid");
            }
        }
        return new URI(url).toASCIIString();
    }

    /** Parses a source's url; throws with a one-line reason when it is not one. */
    static URI parse(String url) throws SourceException {
        try {
            URI uri = new URI(toAscii(url.strip()));
            if (uri.isOpaque()) {
                return uri; // mailto:, javascript: … are refused by the scheme check, by name
            }
            if (!uri.isAbsolute()) {
                throw new SourceException("not an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new SourceException("not a valid URL");
        }
    }
}
