package org.feewatch.engine.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;

/** What makes a finding unusable in a report (report.schema.json), said in words. */
public final class FindingChecks {

    /** A rule code: capital letters, a hyphen, three digits (FEE-001, BJ-002). */
    public static final Pattern RULE_CODE = Pattern.compile("^[A-Z]+-[0-9]{3}$");
    /** 64 lower-case hex digits. */
    public static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    private FindingChecks() {
    }

    /**
     * True when {@code code} matches {@link #RULE_CODE}; checked by hand because every finding of
     * a large book goes through it and a regex match allocates.
     */
    public static boolean isRuleCode(String code) {
        if (code == null) {
            return false;
        }
        int n = code.length();
        int letters = 0;
        while (letters < n && code.charAt(letters) >= 'A' && code.charAt(letters) <= 'Z') {
            letters++;
        }
        if (letters == 0 || n != letters + 4 || code.charAt(letters) != '-') {
            return false;
        }
        for (int i = letters + 1; i < n; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The last string {@link #isSha256} accepted: the findings of a book cite the same few
     * snapshots, each as one string object. Shared by the judging threads without a lock: a
     * thread that misses another's write only checks the digits again.
     */
    private static String lastSha256;

    /**
     * Rule codes {@link #problem} accepted, by hash code (a code replaces another in its slot):
     * shared by the judging threads without a lock, as {@link #lastSha256}.
     */
    private static final int ACCEPTED_CODES = 32;
    private static final String[] acceptedCodes = new String[ACCEPTED_CODES];

    /** True when {@code s} matches {@link #SHA256} (see {@link #isRuleCode}). */
    static boolean isSha256(String s) {
        if (s == lastSha256) {
            return true;
        }
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        lastSha256 = s;
        return true;
    }

    /** Null when the finding can go into a report, else what is wrong with it. */
    public static String problem(Finding f) {
        if (f == null) {
            return "an empty (null) finding";
        }
        String rule = f.rule();
        // a rule's findings share its code object: checked once, then found by identity
        int slot = rule == null ? 0 : rule.hashCode() & (ACCEPTED_CODES - 1);
        if (rule == null || acceptedCodes[slot] != rule) {
            if (!isRuleCode(rule)) {
                return "a finding with the malformed rule code \"" + rule + "\"";
            }
            acceptedCodes[slot] = rule;
        }
        if (f.severity() == null) {
            return "a finding without a severity";
        }
        if (f.subject() == null) {
            return "a finding without a subject";
        }
        if (f.subject().id().isBlank()) {
            return "a finding with an empty subject id";
        }
        if (f.title() == null || f.title().isBlank()) {
            return "a finding without a title";
        }
        if (f.action() == null) {
            return "a finding without an action";
        }
        // by index: the lists are immutable, and an iterator per finding costs more than the checks
        List<Evidence> evidence = f.evidence();
        for (int i = 0, n = evidence.size(); i < n; i++) {
            Evidence e = evidence.get(i);
            if (e == null || e.source() == null) {
                return "a finding with evidence that names no source";
            }
            if (e.sha256() != null && !isSha256(e.sha256())) {
                return "a finding with evidence whose sha256 is not 64 lower-case hex digits";
            }
        }
        if (hasNull(f.metrics())) {
            return "a finding with a metric that has no name or no value";
        }
        List<String> citations = f.citations();
        for (int i = 0, n = citations.size(); i < n; i++) {
            if (citations.get(i) == null) {
                return "a finding with an empty citation";
            }
        }
        return null;
    }

    /**
     * True when a metric has no name or no value. A finding's metrics are its own unmodifiable
     * copy, which answers without an iterator and an entry object per metric; a map that refuses
     * to be asked about null has none.
     */
    private static boolean hasNull(Map<String, String> metrics) {
        if (metrics.isEmpty()) {
            return false;
        }
        try {
            return metrics.containsKey(null) || metrics.containsValue(null);
        } catch (NullPointerException e) {
            return false;
        }
    }
}
