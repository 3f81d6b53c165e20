package org.feewatch.core;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where the per-loan detail CSV of {@code audit --detail FILE} goes (REPORT.md): the service
 * writes the header and one row per accepted loan, in book order.
 */
@FunctionalInterface
public interface LoanDetailSink {

    OutputStream open() throws IOException;
}
