package org.feewatch.core.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.CaseInfo;
import org.feewatch.api.Finding;
import org.feewatch.api.LoanCounts;
import org.feewatch.api.Report;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.core.cli.UsageException;
import org.feewatch.core.cli.VerbIO;
import org.junit.jupiter.api.Test;

class AuditVerbTest {

    private static Report report(Severity... severities) {
        List<Finding> findings = java.util.Arrays.stream(severities)
                .map(s -> new Finding("FEE-001", s, Subject.loan("L1"), "t", List.of(), Map.of(), List.of(), Action.REFUND))
                .toList();
        return new Report(Instant.EPOCH, new CaseInfo("BANK-A", null, null, "CN", LocalDate.of(2023, 6, 30), null),
                "1.0.0", List.of("national 1.0.0"), List.of(), new LoanCounts(3, 2, 1, List.of()), List.of(), findings,
                List.of(), Map.of("high", 1), Map.of("FEE-001", 1));
    }

    @Test
    void failOnMatchesTheSeverityOrWorse() {
        Report r = report(Severity.HIGH);
        assertTrue(AuditVerb.found(r, Severity.HIGH));
        assertTrue(AuditVerb.found(r, Severity.MEDIUM));
        assertFalse(AuditVerb.found(r, Severity.CRITICAL));
        assertFalse(AuditVerb.found(report(), Severity.INFO));
    }

    @Test
    void theFormatFollowsTheOutputFilesExtension() {
        assertEquals("html", AuditVerb.formatOf(Path.of("r.HTML")));
        assertEquals("csv", AuditVerb.formatOf(Path.of("out/r.csv")));
        assertEquals("json", AuditVerb.formatOf(Path.of("r.json")));
        assertEquals("json", AuditVerb.formatOf(Path.of("report")));
    }

    @Test
    void theTerminalSummaryCountsLoansAndFindings() {
        assertEquals("BANK-A: 2 loans, 1 finding (high 1)", AuditVerb.summary(report(Severity.HIGH)));
    }

    @Test
    void argumentsAreCheckedBeforeAnythingRuns() {
        AuditVerb verb = new AuditVerb(null);
        VerbIO io = new VerbIO(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
                false, Path.of("/tmp"), Path.of("/tmp"));
        assertEquals("missing CASE (a case folder or .zip)",
                assertThrows(UsageException.class, () -> verb.run(List.of(), io)).getMessage());
        assertEquals("--format must be json, html or csv, not pdf",
                assertThrows(UsageException.class, () -> verb.run(List.of("c", "--format", "pdf"), io)).getMessage());
        assertEquals("--fail-on must be critical, high, medium, low or info, not severe",
                assertThrows(UsageException.class, () -> verb.run(List.of("c", "--fail-on", "severe"), io)).getMessage());
    }

    @Test
    void aReportWrittenOverALongerOldOneIsExactlyTheWritersBytesInEveryFormat(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Report r = report(Severity.HIGH, Severity.CRITICAL);
        List<org.feewatch.api.spi.ReportWriter> writers = List.of(new org.feewatch.report.JsonReportWriter(),
                new org.feewatch.report.CsvReportWriter(), new org.feewatch.report.HtmlReportWriter());
        for (org.feewatch.api.spi.ReportWriter w : writers) {
            Path file = dir.resolve("nested").resolve("report." + w.format());
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, "an old report, far longer than the new one ".repeat(2000));
            AuditVerb.write(new WritingOnly(w), r, w.format(), java.util.Optional.of(file), null);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            w.write(r, expected);
            assertEquals(expected.toString(java.nio.charset.StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(file), w.format());
        }
    }

    @Test
    void aReportWriteThatFailsBeforeWritingLeavesAnEmptyFileNotTheOldFirstByte(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("report.json");
        java.nio.file.Files.writeString(file, "an old report, far longer than the new one ".repeat(2000));
        org.feewatch.api.spi.ReportWriter failing = new org.feewatch.api.spi.ReportWriter() {
            @Override
            public String format() {
                return "json";
            }

            @Override
            public void write(Report report, java.io.OutputStream out) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        };
        org.feewatch.core.cli.VerbException e = assertThrows(org.feewatch.core.cli.VerbException.class,
                () -> AuditVerb.write(new WritingOnly(failing), report(Severity.HIGH), "json", java.util.Optional.of(file),
                        null));
        assertTrue(e.getMessage().startsWith("cannot write the report to " + file), e.getMessage());
        assertEquals("", java.nio.file.Files.readString(file));
    }

    /** An audit service that only writes reports, with one writer. */
    private record WritingOnly(org.feewatch.api.spi.ReportWriter writer) implements org.feewatch.core.AuditService {
        @Override
        public org.feewatch.core.AuditResult audit(org.feewatch.core.AuditRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<org.feewatch.core.LoadedRule> rules() {
            return List.of();
        }

        @Override
        public List<String> plugins() {
            return List.of();
        }

        @Override
        public java.util.Set<String> formats() {
            return java.util.Set.of(writer.format());
        }

        @Override
        public void write(Report report, String format, java.io.OutputStream out) throws java.io.IOException {
            writer.write(report, out);
        }

        @Override
        public void write(Report report, String format, java.nio.channels.FileChannel out) throws java.io.IOException {
            writer.write(report, out);
        }
    }
}
