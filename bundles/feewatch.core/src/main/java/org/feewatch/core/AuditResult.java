package org.feewatch.core;

import java.time.Duration;

import org.feewatch.api.Report;

/** A finished audit: its report and how long it took. */
public record AuditResult(Report report, Duration elapsed) {
}
