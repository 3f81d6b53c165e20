package org.feewatch.engine.internal;

import java.util.Map;
import java.util.regex.Pattern;

import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;

/** What makes a finding unusable in a report (report.schema.json), said in words. */
public final class FindingChecks {

    /** A rule code: capital letters, a hyphen, three digits (FEE-001, BJ-002). */
    public static final Pattern RULE_CODE = Pattern.compile("^[A-Z]+-[0-9]{3}$");
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    private FindingChecks() {
    }

    /** Null when the finding can go into a report, else what is wrong with it. */
    public static String problem(Finding f) {
        if (f == null) {
            return "an empty (null) finding";
        }
        if (f.rule() == null || !RULE_CODE.matcher(f.rule()).matches()) {
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
        for (Evidence e : f.evidence()) {
            if (e == null || e.source() == null) {
                return "a finding with evidence that names no source";
            }
            if (e.sha256() != null && !SHA256.matcher(e.sha256()).matches()) {
                return "a finding with evidence whose sha256 is not 64 lower-case hex digits";
            }
        }
        for (Map.Entry<String, String> m : f.metrics().entrySet()) {
            if (m.getKey() == null || m.getValue() == null) {
                return "a finding with a metric that has no name or no value";
            }
        }
        for (String c : f.citations()) {
            if (c == null) {
                return "a finding with an empty citation";
            }
        }
        return null;
    }
}
