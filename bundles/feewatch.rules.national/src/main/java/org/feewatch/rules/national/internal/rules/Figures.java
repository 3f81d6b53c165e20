package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Decimals and dates of a finding's text, as {@code BigDecimal.toPlainString} and
 * {@code LocalDate.toString} write them, with their digits found without dividing. Under C1 (which
 * does not turn a division by ten into a multiplication) the JDK's digit loops divide by 100 for
 * every two digits, and toPlainString makes a string of the digits, then a builder to insert the
 * point, then the result: some 200 ns a figure, and a loan finding writes several. The exact forms
 * remain for figures outside the common range.
 */
final class Figures {

    /** Digits of an unscaled value up to here: it is a long, and its text fits {@link #TEXT}. */
    private static final int MAX_DIGITS = 18;
    /** Room for a sign, 18 digits, a point and the zeros before a fraction's first digit. */
    private static final int TEXT = 2 * MAX_DIGITS + 2;

    private Figures() {
    }

    /** {@code value.toPlainString()}. */
    static String plain(BigDecimal value) {
        int scale = value.scale();
        if (scale < 0 || scale > MAX_DIGITS || value.precision() > MAX_DIGITS) {
            return value.toPlainString();
        }
        char[] text = new char[TEXT];
        int start = write(text, unscaled(value, scale), scale);
        return new String(text, start, TEXT - start);
    }

    /** {@code b.append(value.toPlainString())}. */
    static StringBuilder appendPlain(StringBuilder b, BigDecimal value) {
        int scale = value.scale();
        if (scale < 0 || scale > MAX_DIGITS || value.precision() > MAX_DIGITS) {
            return b.append(value.toPlainString());
        }
        char[] text = new char[TEXT];
        int start = write(text, unscaled(value, scale), scale);
        return b.append(text, start, TEXT - start);
    }

    /**
     * {@code digits} / 10^{@code scale} (digits from 0 to 10^18) with {@code scale} decimals, "-" before
     * it when {@code negative}.
     */
    static String plain(boolean negative, long digits, int scale) {
        char[] text = new char[TEXT];
        int start = write(text, digits, scale);
        if (negative) {
            text[--start] = '-';
        }
        return new String(text, start, TEXT - start);
    }

    private static long unscaled(BigDecimal value, int scale) {
        // 18 digits at most: the value without its point is a long (one small object, no BigInteger)
        return (scale == 0 ? value : value.movePointRight(scale)).longValueExact();
    }

    /**
     * Writes {@code unscaled} / 10^{@code scale} (|unscaled| below 10^18) at the end of {@code text}:
     * the fraction's {@code scale} digits, the point, the whole part (at least "0") and its sign.
     * Returns where the text starts.
     */
    private static int write(char[] text, long unscaled, int scale) {
        long u = Math.abs(unscaled);
        int at = text.length;
        for (int i = 0; i < scale; i++) {
            long q = tenth(u);
            text[--at] = (char) ('0' + (u - 10 * q));
            u = q;
        }
        if (scale > 0) {
            text[--at] = '.';
        }
        do {
            long q = tenth(u);
            text[--at] = (char) ('0' + (u - 10 * q));
            u = q;
        } while (u != 0);
        if (unscaled < 0) {
            text[--at] = '-';
        }
        return at;
    }

    /** u / 10 for u >= 0: by a multiplication and a shift when u fits 32 bits (exact there). */
    private static long tenth(long u) {
        return u < 0x1_0000_0000L ? (u * 0xCCCC_CCCDL) >>> 35 : u / 10;
    }

    /** {@code String.valueOf(date)}. */
    static String date(LocalDate date) {
        if (date == null || date.getYear() < 1000 || date.getYear() > 9999) {
            return String.valueOf(date);
        }
        char[] text = new char[10];
        writeDate(text, date);
        return new String(text);
    }

    /** yyyy-MM-dd of a date of the years 1000 to 9999. */
    private static void writeDate(char[] text, LocalDate date) {
        int year = date.getYear();
        for (int i = 3; i >= 0; i--) {
            int q = (int) tenth(year);
            text[i] = (char) ('0' + (year - 10 * q));
            year = q;
        }
        twoDigits(text, 4, date.getMonthValue());
        twoDigits(text, 7, date.getDayOfMonth());
    }

    /** "-" and a month or day with its leading zero at {@code at}. */
    private static void twoDigits(char[] text, int at, int value) {
        int tens = value >= 30 ? 3 : value >= 20 ? 2 : value >= 10 ? 1 : 0;
        text[at] = '-';
        text[at + 1] = (char) ('0' + tens);
        text[at + 2] = (char) ('0' + value - 10 * tens);
    }
}
