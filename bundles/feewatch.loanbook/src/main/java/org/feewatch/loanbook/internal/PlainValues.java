package org.feewatch.loanbook.internal;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Parses the plain values of a loan book straight from bytes: decimals without exponents,
 * separators or NaN (CASE-FORMAT.md "Loan-book details"), ISO dates, whole numbers.
 */
final class PlainValues {
    /** Values longer than this are cut in messages. */
    private static final int SHOWN = 40;
    private static final int FIRST_CACHED_YEAR = 1900;
    private static final int CACHED_YEARS = 300;
    /** Dates repeat a lot in a book: one shared instance per day (LocalDate is immutable). */
    private static final LocalDate[] DATES = new LocalDate[CACHED_YEARS * 12 * 31];

    private PlainValues() {
    }

    /** A plain decimal: optional minus, digits, optionally a point and digits. */
    static BigDecimal decimal(byte[] b, int s, int e, String field, Charset cs) throws Reject {
        return decimal(b, s, e, field, cs, null);
    }

    /** {@link #decimal(byte[], int, int, String, Charset)}, sharing repeated values through {@code cache} (may be null). */
    static BigDecimal decimal(byte[] b, int s, int e, String field, Charset cs, DecimalCache cache) throws Reject {
        if (s >= e) {
            throw new Reject(field + " is empty");
        }
        int i = s;
        boolean negative = false;
        if (b[i] == '-') {
            negative = true;
            i++;
        }
        // one pass: digits are accumulated while checked (an overflow past 18 digits is never used)
        long v = 0;
        int intStart = i;
        while (i < e) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
            i++;
        }
        int intDigits = i - intStart;
        int fracDigits = 0;
        if (i < e && b[i] == '.') {
            i++;
            int fracStart = i;
            while (i < e) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                v = v * 10 + d;
                i++;
            }
            fracDigits = i - fracStart;
            if (fracDigits == 0) {
                i = -1;
            }
        }
        if (i != e || intDigits == 0) {
            throw new Reject(notPlain(b, s, e, field, cs));
        }
        if (intDigits + fracDigits <= 18) {
            long u = negative ? -v : v;
            return cache != null ? cache.get(u, fracDigits) : BigDecimal.valueOf(u, fracDigits);
        }
        return new BigDecimal(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
    }

    /** Explains why a value is not a plain decimal, in the terms of the case format. */
    static String notPlain(byte[] b, int s, int e, String field, Charset cs) {
        String v = show(b, s, e, cs);
        String t = v.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.equals("nan") || t.startsWith("inf")) {
            return field + " \"" + v + "\" is not a number";
        }
        boolean digits = false;
        boolean comma = false;
        boolean exponent = false;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == ',' || c == '\u00A0' || c == '\'' || c == '_' || c == '\uFF0C') {
                comma = true;
            } else if (c == 'e' && digits) {
                exponent = true;
            }
        }
        if (exponent) {
            return field + " \"" + v + "\" has an exponent: write it as a plain decimal";
        }
        if (comma && digits) {
            return field + " \"" + v + "\" has a thousands separator: write it as a plain decimal";
        }
        if (t.chars().anyMatch(c -> c >= '\uFF10' && c <= '\uFF19')) {
            return field + " \"" + v + "\" has full-width digits: write it with the digits 0-9 as a plain decimal";
        }
        if (digits && (t.contains("万") || t.contains("亿"))) {
            return field + " \"" + v + "\" is not in yuan: write the amount in yuan as a plain decimal"
                    + " (CASE-FORMAT.md: all money is in yuan)";
        }
        if (digits && (t.startsWith("¥") || t.startsWith("\uFFE5") || t.endsWith("元") || t.startsWith("rmb")
                || t.startsWith("cny") || t.endsWith("rmb") || t.endsWith("cny"))) {
            return field + " \"" + v + "\" has a currency sign or unit: write the amount in yuan as a plain decimal"
                    + " without it";
        }
        if (digits && (t.endsWith("%") || t.endsWith("\uFF05"))) {
            return field + " \"" + v + "\" has a percent sign: rates are written in percent without it"
                    + " (\"4.35\" means 4.35 %)";
        }
        return field + " \"" + v + "\" is not a plain decimal number";
    }

    /**
     * A whole number (e.g. a spread in basis points) that fits an int; a fraction of zeros only
     * ({@code 85.0}, {@code 85.00}, as exports write them) is the same whole number.
     */
    static int wholeNumber(byte[] b, int s, int e, String field, Charset cs) throws Reject {
        int end = e;
        for (int k = s; k < e; k++) {
            if (b[k] == '.') {
                boolean zeros = k > s && k + 1 < e && isDigit(b[k - 1]);
                for (int z = k + 1; z < e && zeros; z++) {
                    zeros = b[z] == '0';
                }
                if (zeros) {
                    end = k;
                }
                break;
            }
        }
        int i = s;
        boolean negative = false;
        if (i < e && b[i] == '-') {
            negative = true;
            i++;
        }
        if (i >= end || end - i > 9) {
            throw new Reject(wholeMessage(b, s, e, field, cs));
        }
        int v = 0;
        for (; i < end; i++) {
            if (!isDigit(b[i])) {
                throw new Reject(wholeMessage(b, s, e, field, cs));
            }
            v = v * 10 + (b[i] - '0');
        }
        return negative ? -v : v;
    }

    private static String wholeMessage(byte[] b, int s, int e, String field, Charset cs) {
        if (s == e) {
            return field + " is empty";
        }
        String m = notPlain(b, s, e, field, cs);
        if (m.endsWith("is not a plain decimal number")) {
            String v = show(b, s, e, cs);
            String t = v.strip().toLowerCase(java.util.Locale.ROOT);
            boolean unit = t.endsWith("bp") || t.endsWith("bps") || t.endsWith("基点") || t.endsWith("个基点");
            boolean fraction;
            try {
                decimal(b, s, e, field, cs);
                fraction = true;
            } catch (Reject notDecimal) {
                fraction = false;
            }
            return field + " \"" + v + "\" is not a whole number" + (unit
                    ? ": write the basis points without a unit" : fraction ? ": " + SPREAD_IN_BP : "");
        }
        if (m.endsWith("has a percent sign: rates are written in percent without it (\"4.35\" means 4.35 %)")) {
            return field + " \"" + show(b, s, e, cs) + "\" has a percent sign: " + SPREAD_IN_BP;
        }
        return m.replace("plain decimal", "whole number");
    }

    /** What a spread that is not whole basis points is told (all wholeNumber fields are spreads). */
    static final String SPREAD_IN_BP = "spreads are whole basis points (a spread of 0.85 percentage points is 85)";

    /** {@link #wholeNumber}'s reason for a plain decimal with a fraction: it may be written in percent. */
    static String fractionalSpread(String field, String shown) {
        return field + " " + shown + " is not a whole number: " + SPREAD_IN_BP;
    }

    /** An ISO date YYYY-MM-DD that exists in the calendar. */
    static LocalDate date(byte[] b, int s, int e, String field, Charset cs) throws Reject {
        if (e - s == 10 && b[s + 4] == '-' && b[s + 7] == '-') {
            int y = digits4(b, s);
            int m = digits2(b, s + 5);
            int d = digits2(b, s + 8);
            if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
                int days = daysInMonth(y, m);
                if (d <= days) {
                    return date(y, m, d);
                }
                throw new Reject(field + " \"" + show(b, s, e, cs) + "\" is not a valid date (" + monthName(m)
                        + " " + y + " has " + days + " days)");
            }
        }
        String shown = show(b, s, e, cs);
        throw new Reject(field + " \"" + shown + "\" is not a valid date (YYYY-MM-DD)" + DateHints.hint(shown));
    }

    /**
     * The ten bytes at s as {@link LoanDraft#dayKey} when they are "YYYY-MM-DD" of a day that exists
     * (what {@link #date(byte[], int, int, String, Charset)} accepts), else 0. No loops: the launcher's
     * compiler keeps them.
     */
    static int isoDay(byte[] b, int s) {
        if (b[s + 4] != '-' || b[s + 7] != '-') {
            return 0;
        }
        int y0 = b[s] - '0';
        int y1 = b[s + 1] - '0';
        int y2 = b[s + 2] - '0';
        int y3 = b[s + 3] - '0';
        int m0 = b[s + 5] - '0';
        int m1 = b[s + 6] - '0';
        int d0 = b[s + 8] - '0';
        int d1 = b[s + 9] - '0';
        // all eight are digits: none negative, and none above 9 (adding 6 keeps each below 16)
        if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 || ((y0 + 6) | (y1 + 6) | (y2 + 6) | (y3 + 6) | (m0 + 6)
                | (m1 + 6) | (d0 + 6) | (d1 + 6)) >= 16) {
            return 0;
        }
        int y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
        int m = m0 * 10 + m1;
        int d = d0 * 10 + d1;
        if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
            return 0;
        }
        return LoanDraft.dayKey(y, m, d);
    }

    /** The date of a {@link LoanDraft#dayKey}. */
    static LocalDate dateOf(int dayKey) {
        return date(dayKey >>> 9, (dayKey >>> 5) & 15, dayKey & 31);
    }

    private static final int[] MONTH_DAYS = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /** Days in month m (1-12) of year y. */
    static int daysInMonth(int y, int m) {
        if (m == 2 && ((y & 3) == 0 && y % 100 != 0 || y % 400 == 0)) {
            return 29;
        }
        return MONTH_DAYS[m];
    }

    private static String monthName(int m) {
        return java.time.Month.of(m).getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    }

    static LocalDate date(int y, int m, int d) {
        int idx = y - FIRST_CACHED_YEAR;
        if (idx < 0 || idx >= CACHED_YEARS) {
            return LocalDate.of(y, m, d);
        }
        int k = (idx * 12 + (m - 1)) * 31 + (d - 1);
        LocalDate cached = DATES[k];
        if (cached == null) {
            cached = LocalDate.of(y, m, d);
            // a benign race: LocalDate's fields are final, so any thread sees a complete instance
            DATES[k] = cached;
        }
        return cached;
    }

    /** The number of two ASCII digits at s, or -1. */
    private static int digits2(byte[] b, int s) {
        int d0 = b[s] - '0';
        int d1 = b[s + 1] - '0';
        if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9) {
            return -1;
        }
        return d0 * 10 + d1;
    }

    /** The number of four ASCII digits at s, or -1. */
    private static int digits4(byte[] b, int s) {
        int hi = digits2(b, s);
        int lo = digits2(b, s + 2);
        return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
    }

    private static final int FIRST_BOXED = -1024;
    /** Whole numbers such as spreads repeat: one shared Integer each (Integer.valueOf shares only up to 127). */
    private static final Integer[] BOXED = new Integer[8192];

    static Integer boxed(int v) {
        int k = v - FIRST_BOXED;
        if (k < 0 || k >= BOXED.length) {
            return v;
        }
        Integer cached = BOXED[k];
        if (cached == null) {
            cached = v;
            // a benign race, as for dates: Integer's value is final
            BOXED[k] = cached;
        }
        return cached;
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** A value as text for a message, cut to a readable length. */
    static String show(byte[] b, int s, int e, Charset cs) {
        int len = Math.min(e - s, SHOWN * 4);
        String v = new String(b, s, len, cs);
        if (v.length() > SHOWN) {
            return visible(v.substring(0, SHOWN)) + "…";
        }
        return len < e - s ? visible(v) + "…" : visible(v);
    }

    /** A value as text for a message, cut to a readable length. */
    static String show(String v) {
        return v.length() > SHOWN ? visible(v.substring(0, SHOWN)) + "…" : visible(v);
    }

    /**
     * Characters a reader of the message cannot see (a byte-order mark or zero-width space pasted into a
     * cell, control characters) written as {@code \uFEFF}, so "micro" that is not micro shows why.
     */
    static String visible(String v) {
        StringBuilder out = null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean hidden = c < 0x20 || c == 0x7F || c == '\uFEFF' || c >= '\u200B' && c <= '\u200F'
                    || c == '\u2060' || c == '\u00AD';
            if (hidden && out == null) {
                out = new StringBuilder(v.length() + 8).append(v, 0, i);
            }
            if (out != null) {
                if (hidden) {
                    out.append(String.format("\\u%04X", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? v : out.toString();
    }
}
