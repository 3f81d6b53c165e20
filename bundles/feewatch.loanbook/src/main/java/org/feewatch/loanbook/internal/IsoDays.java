package org.feewatch.loanbook.internal;

import java.time.LocalDate;

/**
 * Reads "YYYY-MM-DD" in place through the months seen before: a book's dates fall in a few hundred
 * months, so the eight bytes "YYYY-MM-" are usually one word equal to a month already checked, and
 * only the two day digits are left to check. Gives exactly what {@link PlainValues#isoDay} gives.
 * One per parser thread; direct-mapped, a miss replaces the slot.
 */
final class IsoDays {
    private static final int BITS = 11;

    /**
     * Two longs a slot, side by side (one memory line): the month's eight bytes as a little-endian word
     * (0, never a valid month's bytes, is empty), then {@link LoanDraft#dayKey} of day 0 of the month
     * with the month's number of days in its day bits.
     */
    private final long[] months = new long[2 << BITS];
    /** The month's dates by day, filled as they are met (the shared instances of {@link PlainValues#date}). */
    private final LocalDate[][] monthDates = new LocalDate[1 << BITS][];

    /** After {@link #date} gave a date: its {@link LoanDraft#dayKey}. */
    int lastDay;

    /**
     * The date of the ten bytes at s when they are "YYYY-MM-DD" of a day that exists (what
     * {@link PlainValues#isoDay} accepts), else null; s + 10 must not pass the array's end.
     */
    LocalDate date(byte[] b, int s) {
        long month = Bytes.word(b, s);
        int slot = (int) ((month * 0x9E3779B97F4A7C15L) >>> (64 - BITS));
        if (months[2 * slot] != month) {
            return miss(b, s, month, slot);
        }
        int d0 = b[s + 8] - '0';
        int d1 = b[s + 9] - '0';
        // both digits: neither negative nor above 9 (adding 6 keeps each below 16)
        if ((d0 | d1) < 0 || ((d0 + 6) | (d1 + 6)) >= 16) {
            return null;
        }
        int d = d0 * 10 + d1;
        int key = (int) months[2 * slot + 1];
        if (d < 1 || d > (key & 31)) {
            return null;
        }
        int day = (key & ~31) | d;
        lastDay = day;
        LocalDate v = monthDates[slot][d];
        if (v == null) {
            v = PlainValues.dateOf(day);
            monthDates[slot][d] = v;
        }
        return v;
    }

    private LocalDate miss(byte[] b, int s, long month, int slot) {
        int day = PlainValues.isoDay(b, s);
        if (day == 0) {
            return null;
        }
        // the month's bytes are valid: any day of it is then checked by its two digits alone
        int y = day >>> 9;
        int m = (day >>> 5) & 15;
        months[2 * slot] = month;
        months[2 * slot + 1] = LoanDraft.dayKey(y, m, PlainValues.daysInMonth(y, m));
        monthDates[slot] = new LocalDate[32];
        lastDay = day;
        LocalDate v = PlainValues.dateOf(day);
        monthDates[slot][day & 31] = v;
        return v;
    }
}
