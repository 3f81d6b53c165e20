package org.feewatch.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Report;
import org.feewatch.api.spi.ReportWriter;
import org.feewatch.report.internal.Csv;
import org.osgi.service.component.annotations.Component;

/**
 * The findings as CSV (RFC 4180, UTF-8, CRLF), one finding a row in report order, with the header
 * {@value #HEADER}. Evidence pieces are joined with {@code " | "} as "source locator: text";
 * metrics as {@code name=value} and citations with {@code "; "}.
 */
@Component(service = ReportWriter.class)
public class CsvReportWriter implements ReportWriter {

    public static final String HEADER =
            "rule,severity,subject_type,subject_id,title,action,evidence,metrics,citations";

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(HEADER);
        w.write(Csv.EOL);
        StringBuilder b = new StringBuilder();
        for (Finding f : report.findings()) {
            b.setLength(0);
            List<String> evidence = new ArrayList<>();
            for (Evidence e : f.evidence()) {
                evidence.add(e.source() + (e.locator() == null ? "" : " " + e.locator()) + ": " + e.text());
            }
            List<String> metrics = new ArrayList<>();
            for (Map.Entry<String, String> m : f.metrics().entrySet()) {
                metrics.add(m.getKey() + "=" + m.getValue());
            }
            Csv.row(b, f.rule(), f.severity().wireName(), f.subject().type().wireName(), f.subject().id(), f.title(),
                    f.action().wireName(), String.join(" | ", evidence), String.join("; ", metrics),
                    String.join("; ", f.citations()));
            w.write(b.toString());
        }
        w.flush();
    }
}
