package org.feewatch.core;

import java.time.Duration;

import org.feewatch.api.Report;
import org.feewatch.engine.AuditInput;

/**
 * A finished audit: its report, how long it took, and what it read (the case, partners, sources
 * with their statuses and what was extracted from them; null when not kept). The input's loan book
 * belongs to the finished audit and must not be read again.
 */
public record AuditResult(Report report, Duration elapsed, AuditInput input) {

    public AuditResult(Report report, Duration elapsed) {
        this(report, elapsed, null);
    }
}
