package org.feewatch.engine.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import org.feewatch.api.InputIssue;

/**
 * Input issues collected from several threads, keeping at most {@code cap} of them (the first
 * by file, then line, then message, so the list does not depend on thread timing) and counting
 * all of them.
 */
public final class CappedIssues {

    static final Comparator<InputIssue> ORDER = Comparator
            .comparing(InputIssue::file, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(InputIssue::line, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
            .thenComparing(InputIssue::message, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    private final int cap;
    private final TreeSet<InputIssue> kept = new TreeSet<>(ORDER);
    private long total;

    public CappedIssues(int cap) {
        this.cap = Math.max(0, cap);
    }

    public synchronized void add(InputIssue issue) {
        if (kept.contains(issue)) {
            // the same file, line and text again is listed already: counting it would announce
            // warnings "not listed" that are
            return;
        }
        total++;
        kept.add(issue);
        if (kept.size() > cap) {
            kept.pollLast();
        }
    }

    public synchronized long total() {
        return total;
    }

    public synchronized List<InputIssue> kept() {
        return new ArrayList<>(kept);
    }

    /** How many were counted but not kept. */
    public synchronized long notListed() {
        return total - kept.size();
    }
}
