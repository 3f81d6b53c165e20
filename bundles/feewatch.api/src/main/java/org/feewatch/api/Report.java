package org.feewatch.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The audit report (REPORT.md, schema {@value #SCHEMA}). Report writers turn it into JSON, HTML
 * or CSV; nothing else is computed from it.
 */
public record Report(Instant generatedAt, CaseInfo caseInfo, String engineVersion, List<String> plugins,
        List<SourceStatus> sources, LoanCounts loans, List<InputIssue> warnings, List<Finding> findings,
        List<PartnerVerdict> partners, Map<String, Integer> bySeverity, Map<String, Integer> byRule) {

    public static final String SCHEMA = "feewatch.report/1";

    public Report {
        plugins = List.copyOf(plugins);
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
        findings = List.copyOf(findings);
        partners = List.copyOf(partners);
        bySeverity = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bySeverity));
        byRule = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byRule));
    }
}
