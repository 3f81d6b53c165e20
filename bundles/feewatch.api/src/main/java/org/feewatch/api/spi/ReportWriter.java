package org.feewatch.api.spi;

import java.io.IOException;
import java.io.OutputStream;

import org.feewatch.api.Report;
import org.osgi.annotation.versioning.ConsumerType;

/** Writes a report in one format ({@code json}, {@code html}, {@code csv}). */
@ConsumerType
public interface ReportWriter {

    String format();

    void write(Report report, OutputStream out) throws IOException;
}
