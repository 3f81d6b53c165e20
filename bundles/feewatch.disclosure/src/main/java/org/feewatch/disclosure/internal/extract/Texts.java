package org.feewatch.disclosure.internal.extract;

/** Small text helpers shared by the readers. */
final class Texts {

    private Texts() {
    }

    /** Collapses every kind of white space (including no-break and ideographic spaces) and trims. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u3000' || c == '\u200b' || c == '\ufeff') {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The key used to compare headers and labels: lower case, without white space and
     * punctuation, so that "收费标准：", "收费 标准" and "Charge-Item" compare by their words.
     */
    static String key(String original) {
        if (original == null) {
            return "";
        }
        // traditional characters (Big5 pages) match the simplified vocabulary
        String s = org.feewatch.engine.fees.Hanzi.simplified(original);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /**
     * Full-width letters, digits and punctuation (３．８５％, ：, （）) as their ASCII forms, one character
     * for one, so that offsets in the result are offsets in the original.
     */
    static String halfWidth(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E' && c != '（' && c != '）' && c != '：' && c != '；' && c != '，') {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, (char) (c - 0xFEE0));
            }
        }
        return b == null ? s : b.toString();
    }

    /** Cuts evidence text to {@code max} characters, marking the cut. */
    static String bounded(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max) + "…";
    }

    /** Joins the non-blank parts with {@code sep}, skipping repeats; null when nothing is left. */
    static String join(Iterable<String> parts, String sep) {
        StringBuilder b = new StringBuilder();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String p : parts) {
            if (p == null || p.isBlank() || !seen.add(p)) {
                continue;
            }
            if (b.length() > 0) {
                b.append(sep);
            }
            b.append(p);
        }
        return b.length() == 0 ? null : b.toString();
    }

    /** True when the text reads like a sentence rather than a heading or label. */
    static boolean isSentence(String s) {
        return s.indexOf('。') >= 0 || s.indexOf('；') >= 0 || s.indexOf(';') >= 0 || s.indexOf('，') >= 0;
    }
}
