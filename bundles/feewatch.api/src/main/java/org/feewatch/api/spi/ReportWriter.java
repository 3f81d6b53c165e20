package org.feewatch.api.spi;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;

import org.feewatch.api.Report;
import org.osgi.annotation.versioning.ConsumerType;

/** Writes a report in one format ({@code json}, {@code html}, {@code csv}). */
@ConsumerType
public interface ReportWriter {

    String format();

    void write(Report report, OutputStream out) throws IOException;

    /**
     * Writes the report into a file opened for writing, from its channel's position on; the
     * channel stays open. The same bytes as {@link #write(Report, OutputStream)}: a writer may
     * copy parts of a large report from other files in the kernel. This default writes through
     * a buffered stream.
     */
    default void write(Report report, FileChannel out) throws IOException {
        OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(out), 1 << 16);
        write(report, buffered);
        buffered.flush();
    }
}
