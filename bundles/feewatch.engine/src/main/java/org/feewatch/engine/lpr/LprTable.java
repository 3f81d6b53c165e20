package org.feewatch.engine.lpr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.feewatch.api.LprFixing;
import org.feewatch.api.spi.ReferenceRates;

/**
 * A table of LPR fixings by publication date.
 *
 * <p>The fixing in force on a date is the latest one published on or before that date: a contract on
 * publication day uses the new figure (publication is at 9:00, before business hours). Dates before
 * the first fixing have none. After the latest fixing the table knows nothing once a newer fixing
 * could have been published: fixings are published on the 20th of each month or the next business
 * day, never earlier, so the latest fixing is taken as in force up to and including the 19th of the
 * following month ({@link #lastDayKnown()}); from the 20th on a date has no fixing until the table is
 * updated, and rules say so instead of guessing.
 */
public final class LprTable implements ReferenceRates {

    /** The earliest day of a month on which a fixing is published. */
    static final int PUBLICATION_DAY = 20;

    private final long[] days;
    private final LprFixing[] fixings;

    private LprTable(List<LprFixing> sorted) {
        this.fixings = sorted.toArray(new LprFixing[0]);
        this.days = new long[fixings.length];
        for (int i = 0; i < fixings.length; i++) {
            days[i] = fixings[i].date().toEpochDay();
        }
    }

    /** A table of these fixings; of two fixings with the same date the later in the collection wins. */
    public static LprTable of(Collection<LprFixing> fixings) {
        TreeMap<LocalDate, LprFixing> byDate = new TreeMap<>();
        for (LprFixing f : fixings) {
            if (f.date() == null || f.oneYear() == null || f.fiveYear() == null) {
                throw new IllegalArgumentException("an LPR fixing needs a date and both figures: " + f);
            }
            byDate.put(f.date(), f);
        }
        return new LprTable(new ArrayList<>(byDate.values()));
    }

    /** This table with {@code newer} added; a newer fixing replaces one of the same date. */
    public LprTable mergedWith(Collection<LprFixing> newer) {
        List<LprFixing> all = new ArrayList<>(fixings());
        all.addAll(newer);
        return of(all);
    }

    @Override
    public Optional<LprFixing> inForceOn(LocalDate date) {
        LprFixing f = fixingOn(date);
        return f == null ? Optional.empty() : Optional.of(f);
    }

    /** As {@link #inForceOn} without the Optional: the fixing, or null. */
    public LprFixing fixingOn(LocalDate date) {
        if (fixings.length == 0) {
            return null;
        }
        long day = date.toEpochDay();
        int lo = 0;
        int hi = days.length - 1;
        if (day < days[0]) {
            return null;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (days[mid] <= day) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (lo == days.length - 1 && date.isAfter(lastDayKnown())) {
            return null;
        }
        return fixings[lo];
    }

    /** The latest known fixing, or null when the table is empty. */
    @Override
    public LprFixing latest() {
        return fixings.length == 0 ? null : fixings[fixings.length - 1];
    }

    /** The first fixing's date, or null when the table is empty. */
    public LocalDate firstDate() {
        return fixings.length == 0 ? null : fixings[0].date();
    }

    /**
     * The last day on which the latest fixing is known to be in force: the 19th of the month after
     * its publication (the next fixing cannot come earlier than the 20th). Null when empty.
     */
    public LocalDate lastDayKnown() {
        LprFixing last = latest();
        return last == null ? null : lastDayKnownAfter(last.date());
    }

    static LocalDate lastDayKnownAfter(LocalDate published) {
        return published.plusMonths(1).withDayOfMonth(PUBLICATION_DAY - 1);
    }

    /** Every fixing, oldest first. */
    public List<LprFixing> fixings() {
        return Collections.unmodifiableList(java.util.Arrays.asList(fixings.clone()));
    }

    public int size() {
        return fixings.length;
    }

    /**
     * One line for a user: the LPR in force on {@code date} from {@code rates}, or why there is none.
     * The {@code lpr [--on DATE]} command prints this.
     */
    public static String describe(ReferenceRates rates, LocalDate date) {
        Optional<LprFixing> found = rates.inForceOn(date);
        if (found.isPresent()) {
            LprFixing f = found.get();
            return "LPR in force on " + date + ": 1Y " + f.oneYear().toPlainString() + " %, 5Y+ "
                    + f.fiveYear().toPlainString() + " % (fixing of " + f.date()
                    + (f.source() == null || f.source().isBlank() ? "" : "; source: " + f.source()) + ")";
        }
        LprFixing latest = rates.latest();
        if (latest == null) {
            return "No LPR known for " + date + ": the LPR table is empty";
        }
        if (date.isBefore(latest.date())) {
            return "No LPR for " + date + ": the reformed LPR series starts with the fixing of "
                    + (rates instanceof LprTable t ? t.firstDate() : "2019-08-20");
        }
        return "No LPR known for " + date + ": the latest known fixing is of " + latest.date()
                + " (in force until at least " + lastDayKnownAfter(latest.date())
                + "); import newer fixings from the official NIFC publication";
    }
}
