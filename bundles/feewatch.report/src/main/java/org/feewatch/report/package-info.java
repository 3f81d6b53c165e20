/**
 * Report writers (REPORT.md): {@code json} exactly as report.schema.json, {@code csv} (one finding
 * a row, RFC 4180), {@code html} (a self-contained page for people) and the streamed per-loan
 * {@code --detail} CSV. Each writer is a {@link org.feewatch.api.spi.ReportWriter} DS component and
 * a plain class usable without OSGi.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.report;
