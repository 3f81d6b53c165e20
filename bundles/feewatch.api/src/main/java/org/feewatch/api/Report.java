package org.feewatch.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The audit report (REPORT.md, schema {@value #SCHEMA}). Report writers turn it into JSON, HTML
 * or CSV; nothing else is computed from it. {@code caseInfo.policy()} is the effective policy the
 * audit applied (case.json over region pack over national defaults). {@code aprSample} is a bounded,
 * deterministic sample of loans for the HTML chart; it is not part of the JSON format. The findings
 * of a very large audit may be a {@link FindingStream}, read from disk each time they are iterated:
 * iterate {@code findings()}, do not index it.
 */
public record Report(Instant generatedAt, CaseInfo caseInfo, String engineVersion, List<String> plugins,
        List<SourceStatus> sources, LoanCounts loans, List<InputIssue> warnings, List<Finding> findings,
        List<PartnerVerdict> partners, Map<String, Integer> bySeverity, Map<String, Integer> byRule,
        List<AprPoint> aprSample) {

    public static final String SCHEMA = "feewatch.report/1";

    public Report {
        plugins = List.copyOf(plugins);
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
        findings = findings instanceof FindingStream ? findings : List.copyOf(findings);
        partners = List.copyOf(partners);
        bySeverity = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bySeverity));
        byRule = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byRule));
        aprSample = aprSample == null ? List.of() : List.copyOf(aprSample);
    }

    /** A report without an APR sample (the HTML chart then shows no loans). */
    public Report(Instant generatedAt, CaseInfo caseInfo, String engineVersion, List<String> plugins,
            List<SourceStatus> sources, LoanCounts loans, List<InputIssue> warnings, List<Finding> findings,
            List<PartnerVerdict> partners, Map<String, Integer> bySeverity, Map<String, Integer> byRule) {
        this(generatedAt, caseInfo, engineVersion, plugins, sources, loans, warnings, findings, partners, bySeverity,
                byRule, List.of());
    }
}
