package org.feewatch.api;

import java.util.List;
import java.util.Map;

/**
 * One rule broken by one subject. Metrics are decimal strings (amounts in yuan, rates in percent
 * per year). The engine merges findings of the same rule and subject into one, keeping every piece
 * of evidence.
 */
public record Finding(String rule, Severity severity, Subject subject, String title, List<Evidence> evidence,
        Map<String, String> metrics, List<String> citations, Action action) {
    public Finding {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        // an unmodifiable copy in the order given (see FindingMetrics)
        metrics = metrics == null ? Map.of() : FindingMetrics.copyOf(metrics);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
