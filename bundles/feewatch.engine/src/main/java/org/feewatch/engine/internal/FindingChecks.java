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
     * The digest last found well-formed: the evidence of a book's findings points at a few pages,
     * whose digest is one string each, so most checks are one comparison of references.
     */
    private static volatile String lastSha256;

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

    private static boolean hasNull(Map<String, String> metrics) {
        if (metrics.isEmpty()) {
            return false;
        }
        // a map that cannot hold null may say so by throwing
        try {
            if (metrics.containsKey(null)) {
                return true;
            }
        } catch (NullPointerException e) {
            // no null name
        }
        try {
            return metrics.containsValue(null);
        } catch (NullPointerException e) {
            return false;
        }
    }

    /** Null when the finding can go into a report, else what is wrong with it. */
    public static String problem(Finding f) {
        if (f == null) {
            return "an empty (null) finding";
        }
        if (!isRuleCode(f.rule())) {
            return "a finding with the malformed rule code \"" + f.rule() + "\"";
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
        // indexed, and the metrics asked rather than walked: every loan finding of a book comes here
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
}
