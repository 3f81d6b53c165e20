package org.feewatch.loanbook.internal;

import java.math.BigDecimal;

import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;

/**
 * Remembers runs of loans.jsonl fields that books repeat byte for byte from loan to loan, with what
 * parsing them gave, so that a later line holding the same bytes takes the result instead of parsing
 * them again. The run starts at the value of "rate" and goes on over the fields after it that repeat
 * too (repayment, onLending, compensatingDeposit, an empty bundled or fees): genbook's 1,000,000 loans
 * have some 5,000 different runs of about 150 bytes (a few hundred rate terms times a few repayments),
 * so nine lines in ten skip ten fields and the rate terms' lookup.
 *
 * <p>Why a hit gives what the parse gives: a run is kept only when it was parsed without error, holds
 * no blank (so a line break is never in it, and the one-pass and bounded parses read it alike), no
 * unknown field, and ends at the end of a value; a hit needs the same bytes followed by ',' or '}', so
 * every token ends where it ended before, and none of its fields seen earlier on the line (which the
 * parse would reject as appearing twice). Parsing the same bytes the same way gives the same values.
 *
 * <p>loans.csv has the same: its line's end is known, so there the run is the rest of the line from
 * the first of the columns at its end that repeat (rate type to compensating deposit in the
 * documented order), looked up by all its bytes ({@link #findWhole}).
 *
 * <p>One per parser thread. A book whose runs do not repeat (its own field order, unique values after
 * "rate") soon stops being looked up, then is tried again from time to time.
 */
final class FieldRunMemo {
    /**
     * The first bytes of a run that pick its slot: in genbook's order the rate terms and the start of
     * the repayment (what sets most runs apart; the two ways of a slot take the rest).
     */
    static final int HASHED_WORDS = 10;
    static final int HASHED_BYTES = 8 * HASHED_WORDS;
    private static final int BITS = 12;
    private static final int CHECK_EVERY = 1024;
    private static final int MIN_HITS = CHECK_EVERY / 4;
    private static final int PAUSE = 16 * CHECK_EVERY;

    /** One remembered run: its bytes as little-endian words, the top-level fields it holds, their values. */
    static final class Run {
        final long[] words;
        final int length;
        final long tailMask;
        final long hash;
        /** The fields in the run, as bits of their index in the top-level names. */
        final long fields;
        /** The last of them, for the prediction of the next name. */
        final int lastField;

        boolean hasRate;
        RateType rateType;
        String tenor;
        Integer spreadBp;
        BigDecimal nominal;
        BigDecimal multiplier;
        RateTerms terms;
        Repayment repayment;
        boolean onLending;
        BigDecimal deposit;

        /**
         * Notes the values the run's fields gave, as the draft holds them after parsing it; its rate
         * terms only when {@code withTerms} (the run holds every rate field) and the rate has a type.
         */
        void keep(LoanDraft d, boolean withTerms) {
            hasRate = d.hasRate;
            rateType = d.rateType;
            tenor = d.tenor;
            spreadBp = d.spreadBp;
            nominal = d.nominal;
            multiplier = d.multiplier;
            terms = withTerms && d.rateType != null ? d.sharedRateTerms() : null;
            repayment = d.repayment;
            onLending = d.onLending;
            deposit = d.deposit;
        }

        Run(long[] words, int length, long hash, long fields, int lastField) {
            this.words = words;
            this.length = length;
            this.tailMask = (length & 7) == 0 ? 0 : (1L << (8 * (length & 7))) - 1;
            this.hash = hash;
            this.fields = fields;
            this.lastField = lastField;
        }

        /** Whether bytes [s, s + n) are exactly this run's (the caller checked s + 8 words is in the array). */
        boolean is(byte[] b, int s, int n) {
            if (n != length) {
                return false;
            }
            long[] w = words;
            int full = n >>> 3;
            for (int k = 0; k < full; k++) {
                if (Bytes.word(b, s + 8 * k) != w[k]) {
                    return false;
                }
            }
            return tailMask == 0 || (Bytes.word(b, s + 8 * full) & tailMask) == w[full];
        }

        /** Whether bytes [p, p + length) are this run's and the byte after them ends a value (',' or '}'). */
        boolean at(byte[] b, int p, int end, long[] hashed) {
            int n = length;
            if (p + n >= end || p + 8 * words.length > b.length) {
                return false;
            }
            long[] w = words;
            int full = n >>> 3;
            int k = 0;
            for (int first = Math.min(full, HASHED_WORDS); k < first; k++) {
                if (hashed[k] != w[k]) {
                    return false;
                }
            }
            for (; k < full; k++) {
                if (Bytes.word(b, p + 8 * k) != w[k]) {
                    return false;
                }
            }
            if (tailMask != 0 && (Bytes.word(b, p + 8 * full) & tailMask) != w[full]) {
                return false;
            }
            byte after = b[p + n];
            return after == ',' || after == '}';
        }
    }

    /** Two ways a slot: a hit on the second moves it first, a new run replaces the second. */
    private final Run[] first = new Run[1 << BITS];
    private final Run[] second = new Run[1 << BITS];
    /** The hashed words of the last look-up, compared again from here rather than read twice. */
    private final long[] hashed = new long[HASHED_WORDS];
    private long lastHash;
    private int lastSlot = -1;
    private int lookups;
    private int hits;
    private int pause;
    /** Runs found (for tests). */
    long taken;

    /**
     * The run at p, or null; after null, {@link #remember} may keep the run that the parse then
     * finds there. p is the start of the value of "rate".
     */
    Run find(byte[] b, int p, int end) {
        lastSlot = -1;
        if (pause > 0) {
            pause--;
            return null;
        }
        if (p + HASHED_BYTES > b.length) {
            return null;
        }
        long h = 0;
        long[] words = hashed;
        for (int k = 0; k < HASHED_WORDS; k++) {
            long w = Bytes.word(b, p + 8 * k);
            words[k] = w;
            h = (h ^ w) * 0x9E3779B97F4A7C15L;
        }
        h ^= h >>> 29;
        int slot = (int) ((h * 0xC2B2AE3D27D4EB4FL) >>> (64 - BITS));
        Run r = first[slot];
        Run hit = null;
        if (r != null && r.hash == h && r.at(b, p, end, words)) {
            hit = r;
        } else {
            Run s = second[slot];
            if (s != null && s.hash == h && s.at(b, p, end, words)) {
                second[slot] = r;
                first[slot] = s;
                hit = s;
            }
        }
        return counted(hit, h, slot);
    }

    private Run counted(Run hit, long h, int slot) {
        if (++lookups == CHECK_EVERY) {
            if (hits + (hit != null ? 1 : 0) < MIN_HITS) {
                pause = PAUSE;
            }
            lookups = 0;
            hits = 0;
        } else if (hit != null) {
            hits++;
        }
        if (hit == null) {
            lastHash = h;
            lastSlot = slot;
        } else {
            taken++;
        }
        return hit;
    }

    /**
     * The run that is exactly bytes [s, e) (the rest of a line whose end is known, as in loans.csv), or
     * null; after null, {@link #rememberWhole} may keep it.
     */
    Run findWhole(byte[] b, int s, int e) {
        lastSlot = -1;
        if (pause > 0) {
            pause--;
            return null;
        }
        int n = e - s;
        int count = (n + 7) >>> 3;
        if (n <= 0 || s + 8 * count > b.length) {
            return null;
        }
        int full = n >>> 3;
        long h = n;
        for (int k = 0; k < full; k++) {
            h = (h ^ Bytes.word(b, s + 8 * k)) * 0x9E3779B97F4A7C15L;
        }
        long tailMask = (n & 7) == 0 ? 0 : (1L << (8 * (n & 7))) - 1;
        if (tailMask != 0) {
            h = (h ^ (Bytes.word(b, s + 8 * full) & tailMask)) * 0x9E3779B97F4A7C15L;
        }
        h ^= h >>> 29;
        int slot = (int) ((h * 0xC2B2AE3D27D4EB4FL) >>> (64 - BITS));
        Run r = first[slot];
        Run hit = null;
        if (r != null && r.hash == h && r.is(b, s, n)) {
            hit = r;
        } else {
            Run t = second[slot];
            if (t != null && t.hash == h && t.is(b, s, n)) {
                second[slot] = r;
                first[slot] = t;
                hit = t;
            }
        }
        return counted(hit, h, slot);
    }

    /** A new run for bytes [s, e) last looked up by {@link #findWhole} (values set by the caller), or null. */
    Run rememberWhole(byte[] b, int s, int e, long fields) {
        if (lastSlot < 0) {
            return null;
        }
        int n = e - s;
        int count = (n + 7) >>> 3;
        long[] words = new long[count];
        for (int k = 0; k < count; k++) {
            words[k] = Bytes.word(b, s + 8 * k);
        }
        Run r = new Run(words, n, lastHash, fields, -1);
        if (r.tailMask != 0) {
            words[count - 1] &= r.tailMask;
        }
        keep(r);
        return r;
    }

    private void keep(Run r) {
        int slot = lastSlot;
        lastSlot = -1;
        if (first[slot] == null) {
            first[slot] = r;
        } else {
            second[slot] = r;
        }
    }

    /**
     * A new run for bytes [start, end) of the line last looked up by {@link #find} (its values to be
     * set by the caller), or null when it cannot be kept: no look-up missed there, or it holds a blank.
     */
    Run remember(byte[] b, int start, int end, long fields, int lastField) {
        if (lastSlot < 0) {
            return null;
        }
        int n = end - start;
        int count = (n + 7) >>> 3;
        if (n <= 0 || start + 8 * count > b.length) {
            return null;
        }
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c >= 0 && c <= ' ') {
                return null;
            }
        }
        long[] words = new long[count];
        for (int k = 0; k < count; k++) {
            words[k] = Bytes.word(b, start + 8 * k);
        }
        Run r = new Run(words, n, lastHash, fields, lastField);
        if (r.tailMask != 0) {
            words[count - 1] &= r.tailMask;
        }
        keep(r);
        return r;
    }
}
