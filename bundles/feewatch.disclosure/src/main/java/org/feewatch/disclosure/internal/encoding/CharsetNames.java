package org.feewatch.disclosure.internal.encoding;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a declared charset label into the charset to decode with. Chinese pages label GBK text
 * "gb2312" (and GB2312 text "gbk"), so every GB label decodes as GB18030, the superset; Latin-1 and
 * ASCII labels decode as windows-1252, as browsers do.
 */
public final class CharsetNames {

    public static final Charset GB18030 = Charset.forName("GB18030");
    public static final Charset BIG5 = Charset.forName("Big5");
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, Charset> ALIASES = Map.ofEntries(
            Map.entry("gb2312", GB18030), Map.entry("gb_2312", GB18030), Map.entry("gb_2312-80", GB18030),
            Map.entry("gbk", GB18030), Map.entry("x-gbk", GB18030), Map.entry("cp936", GB18030),
            Map.entry("ms936", GB18030), Map.entry("windows-936", GB18030), Map.entry("euc-cn", GB18030),
            Map.entry("csgb2312", GB18030), Map.entry("chinese", GB18030), Map.entry("iso-ir-58", GB18030),
            Map.entry("gb18030", GB18030),
            Map.entry("big5", BIG5), Map.entry("big-5", BIG5), Map.entry("cn-big5", BIG5),
            Map.entry("x-x-big5", BIG5), Map.entry("csbig5", BIG5),
            Map.entry("utf8", StandardCharsets.UTF_8), Map.entry("utf-8", StandardCharsets.UTF_8),
            Map.entry("unicode-1-1-utf-8", StandardCharsets.UTF_8),
            Map.entry("iso-8859-1", WINDOWS_1252), Map.entry("iso8859-1", WINDOWS_1252),
            Map.entry("latin1", WINDOWS_1252), Map.entry("l1", WINDOWS_1252),
            Map.entry("us-ascii", WINDOWS_1252), Map.entry("ascii", WINDOWS_1252));

    private CharsetNames() {
    }

    /** The charset for a label, or empty when the label names no charset this JVM knows. */
    public static Optional<Charset> lookup(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String name = label.strip();
        if (name.length() >= 2 && (name.startsWith("\"") || name.startsWith("'"))) {
            name = name.substring(1, name.length() - (name.endsWith(name.substring(0, 1)) ? 1 : 0)).strip();
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Charset alias = ALIASES.get(name.toLowerCase(Locale.ROOT));
        if (alias != null) {
            return Optional.of(alias);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** The charset parameter of a Content-Type header value, or null. */
    public static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                return p.substring(eq + 1).strip();
            }
        }
        return null;
    }
}
