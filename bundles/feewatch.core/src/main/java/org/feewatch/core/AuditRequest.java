package org.feewatch.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One audit to run.
 *
 * @param casePath   the case folder or a .zip of one
 * @param restricted true for cases from other people (serve mode): the fetch allow-list applies
 *                   and private addresses are refused
 * @param progress   told how far the loan book has got; never null
 * @param detail     receives one row per accepted loan for the {@code --detail} CSV, or null
 */
public record AuditRequest(Path casePath, boolean restricted, AuditProgressListener progress, LoanDetailSink detail) {

    public AuditRequest {
        Objects.requireNonNull(casePath, "casePath");
        progress = progress == null ? AuditProgressListener.NONE : progress;
    }

    /** An unrestricted audit (the command line) without progress or detail. */
    public static AuditRequest of(Path casePath) {
        return new AuditRequest(casePath, false, AuditProgressListener.NONE, null);
    }
}
