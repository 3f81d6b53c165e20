package org.feewatch.api.spi;

import java.util.List;
import java.util.Map;

import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where rules put findings. Thread-safe. Findings of the same rule and subject are merged into one
 * (evidence appended, the most severe severity kept).
 */
@ProviderType
public interface FindingSink {

    void add(Finding finding);

    /**
     * Adds a finding with the rule's catalogue severity, action and citations.
     */
    default void add(RuleInfo rule, Subject subject, String title, List<Evidence> evidence,
            Map<String, String> metrics) {
        add(new Finding(rule.code(), rule.severity(), subject, title, evidence, metrics, rule.citations(),
                rule.action()));
    }

    /** As {@link #add(RuleInfo, Subject, String, List, Map)} with another severity. */
    default void add(RuleInfo rule, Severity severity, Subject subject, String title, List<Evidence> evidence,
            Map<String, String> metrics) {
        add(new Finding(rule.code(), severity, subject, title, evidence, metrics, rule.citations(), rule.action()));
    }
}
