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
 * @param purpose    why it runs, as recorded with it ({@value #AUDIT}, {@value #VET}, {@value #MONITOR})
 * @param actor      who asked for it, as recorded in the audit trail (the user's login, "web", "monitor")
 * @param reportFormat the report format the caller will write ("json", "html", "csv"), or null when
 *                   not known (then JSON, the default): a large audit prepares its loan findings for it
 */
public record AuditRequest(Path casePath, boolean restricted, AuditProgressListener progress, LoanDetailSink detail,
        String purpose, String actor, String reportFormat) {

    public static final String AUDIT = "audit";
    public static final String VET = "vet";
    public static final String MONITOR = "monitor";

    public AuditRequest {
        Objects.requireNonNull(casePath, "casePath");
        progress = progress == null ? AuditProgressListener.NONE : progress;
        purpose = purpose == null || purpose.isBlank() ? AUDIT : purpose;
        actor = actor == null || actor.isBlank() ? localUser() : actor;
    }

    /** A request whose report format is not known (JSON, the default, is assumed). */
    public AuditRequest(Path casePath, boolean restricted, AuditProgressListener progress, LoanDetailSink detail,
            String purpose, String actor) {
        this(casePath, restricted, progress, detail, purpose, actor, null);
    }

    /** An audit asked for by the local user. */
    public AuditRequest(Path casePath, boolean restricted, AuditProgressListener progress, LoanDetailSink detail) {
        this(casePath, restricted, progress, detail, AUDIT, null);
    }

    /** The same request for another purpose. */
    public AuditRequest withPurpose(String purpose, String actor) {
        return new AuditRequest(casePath, restricted, progress, detail, purpose, actor, reportFormat);
    }

    /** The operating-system user running this process. */
    public static String localUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    /** The same request for a report written in {@code format}. */
    public AuditRequest withReportFormat(String format) {
        return new AuditRequest(casePath, restricted, progress, detail, purpose, actor, format);
    }

    /** An unrestricted audit (the command line) without progress or detail. */
    public static AuditRequest of(Path casePath) {
        return new AuditRequest(casePath, false, AuditProgressListener.NONE, null);
    }
}
