package org.feewatch.loanbook.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rejected date most likely says, for its message (CASE-FORMAT.md: dates are ISO YYYY-MM-DD, so
 * other forms reject the line; the reader does not guess, but tells the user what to write). Only on the
 * reject path.
 */
final class DateHints {
    /** Year, month and day in that order, as Chinese exports write them: 2024/1/5, 2024.01.05, 2024年1月5日. */
    private static final Pattern YMD = Pattern.compile(
            "(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    /** A date followed by a time of day (Excel's and databases' date-time exports). */
    private static final Pattern TIME = Pattern.compile("[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?");
    /** Excel counts days from 1899-12-30 (for serials from 61 on, past its 1900-02-29 that never was). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final int EXCEL_FIRST = 61;
    private static final int EXCEL_DIGITS = 5;

    private DateHints() {
    }

    /** A sentence to add to the rejection of {@code value}, starting with "; ", or "" when there is none. */
    static String hint(String value) {
        String v = value.strip();
        Matcher time = TIME.matcher(v);
        String timeOfDay = null;
        if (time.find() && time.end() == v.length() && time.start() > 0) {
            timeOfDay = v.substring(time.start() + 1).strip();
            v = v.substring(0, time.start()).strip();
        }
        LocalDate day = ymd(v);
        if (day != null) {
            return timeOfDay != null
                    ? "; it has a time of day (" + timeOfDay + "): write the date alone, " + day
                    : "; write it " + day;
        }
        if (timeOfDay == null && v.length() <= EXCEL_DIGITS && !v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            int serial = Integer.parseInt(v);
            if (serial >= EXCEL_FIRST) {
                return "; it looks like an Excel serial day number (" + EXCEL_EPOCH.plusDays(serial)
                        + "): format the column as a date (YYYY-MM-DD) before saving the book";
            }
        }
        return "";
    }

    private static LocalDate ymd(String v) {
        Matcher m = YMD.matcher(v);
        if (!m.matches()) {
            m = COMPACT.matcher(v);
            if (!m.matches()) {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException notADay) {
            return null;
        }
    }
}
