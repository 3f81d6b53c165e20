package org.feewatch.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.Set;

import org.feewatch.api.Report;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Audits cases with whatever plugins are registered at the moment of the call: rule packs,
 * disclosure extractors, loan-book readers and report writers may come and go between audits
 * (a bundle dropped into the plugins folder takes part in the next audit).
 */
@ProviderType
public interface AuditService {

    /**
     * Audits one case (a folder or a .zip of one).
     *
     * @throws CaseException        when the case cannot be audited at all (one-line reason)
     * @throws UnavailableException when a part the audit needs is not installed
     */
    AuditResult audit(AuditRequest request) throws CaseException, UnavailableException;

    /** Every rule of every registered rule pack, in pack then catalogue order. */
    List<LoadedRule> rules();

    /** The registered rule packs as shown in a report's {@code engine.plugins} ("national 1.0.0"). */
    List<String> plugins();

    /** The report formats a writer is registered for ({@code json}, {@code html}, {@code csv}). */
    Set<String> formats();

    /** Writes a report in a format. */
    void write(Report report, String format, OutputStream out) throws IOException, UnavailableException;

    /**
     * Writes a report in a format into a file, from its channel's position on (the channel stays
     * open): the same bytes, with a large report's findings copied file to file where the writer
     * can (see {@link org.feewatch.api.spi.ReportWriter#write(Report, FileChannel)}). This default
     * writes through a buffered stream.
     */
    default void write(Report report, String format, FileChannel out) throws IOException, UnavailableException {
        OutputStream buffered = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(out),
                1 << 16);
        write(report, format, buffered);
        buffered.flush();
    }
}
