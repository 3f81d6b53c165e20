package org.feewatch.disclosure.internal.encoding;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a page's own charset declaration in its first bytes: {@code <meta charset="…">} first, then
 * {@code <meta http-equiv="Content-Type" content="…; charset=…">}. Comments are skipped so that a
 * commented-out declaration is not taken.
 */
final class MetaCharsetScanner {

    /** A declaration found in the page: the label as written and which form declared it. */
    record Declaration(String label, boolean httpEquiv) {
    }

    private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);
    private static final Pattern META = Pattern.compile("<meta(?=[\\s/])([^>]*)>?", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"?|'([^']*)'?|([^\\s>]*)))?");
    private static final Pattern CHARSET_IN_CONTENT = Pattern.compile(
            "charset\\s*=\\s*[\"']?([^\\s;\"'>]+)", Pattern.CASE_INSENSITIVE);

    private MetaCharsetScanner() {
    }

    static Optional<Declaration> scan(byte[] body, int offset, int limit) {
        int end = Math.min(body.length, offset + limit);
        // Latin-1 keeps every byte as one char, so ASCII markup is found whatever the real encoding.
        String head = new String(body, offset, end - offset, StandardCharsets.ISO_8859_1);
        head = COMMENT.matcher(head).replaceAll(" ");
        String httpEquiv = null;
        Matcher meta = META.matcher(head);
        while (meta.find()) {
            String charset = null;
            String equiv = null;
            String content = null;
            Matcher a = ATTRIBUTE.matcher(meta.group(1));
            while (a.find()) {
                String name = a.group(1).toLowerCase(Locale.ROOT);
                String value = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
                switch (name) {
                    case "charset" -> charset = charset == null ? value : charset;
                    case "http-equiv" -> equiv = equiv == null ? value : equiv;
                    case "content" -> content = content == null ? value : content;
                    default -> {
                    }
                }
            }
            if (charset != null && !charset.isBlank()) {
                return Optional.of(new Declaration(charset.strip(), false));
            }
            if (httpEquiv == null && equiv != null && equiv.strip().equalsIgnoreCase("content-type") && content != null) {
                Matcher c = CHARSET_IN_CONTENT.matcher(content);
                if (c.find()) {
                    httpEquiv = c.group(1);
                }
            }
        }
        return httpEquiv == null ? Optional.empty() : Optional.of(new Declaration(httpEquiv, true));
    }
}
