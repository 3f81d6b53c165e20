package org.feewatch.report.internal;

/** RFC 4180 fields: quoted when they hold a comma, a quote, a line break or leading/trailing space. */
public final class Csv {

    /** RFC 4180 ends records with CRLF. */
    public static final String EOL = "\r\n";

    private Csv() {
    }

    public static String field(String s) {
        if (s == null) {
            return "";
        }
        return needsQuotes(s) ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** True when {@code s} is written quoted: it holds a comma, a quote or a line break, or starts or ends with a space. */
    public static boolean needsQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return !s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                || Character.isWhitespace(s.charAt(s.length() - 1)));
    }

    public static void row(StringBuilder b, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(fields[i]));
        }
        b.append(EOL);
    }
}
