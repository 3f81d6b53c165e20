package org.feewatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.feewatch.api.Finding;
import org.feewatch.api.FindingStream;
import org.feewatch.api.Report;
import org.feewatch.api.spi.FindingRenderer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class JsonReportWriterTest {

    static String json(Report r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(r, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFullReportValidatesAgainstTheSchema() throws IOException {
        assertEquals(List.of(), ReportSchema.errors(json(SampleReports.full())));
    }

    @Test
    void anEmptyReportValidatesAgainstTheSchema() throws IOException {
        assertEquals(List.of(), ReportSchema.errors(json(SampleReports.empty())));
    }

    @Test
    void theValidatorRejectsWhatTheSchemaForbids() throws IOException {
        JsonObject o = JsonParser.parseString(json(SampleReports.full())).getAsJsonObject();
        o.getAsJsonArray("findings").get(0).getAsJsonObject().addProperty("severity", "severe");
        o.getAsJsonObject("case").addProperty("asOf", "30/06/2023");
        List<String> errors = ReportSchema.errors(o.toString());
        assertEquals(2, errors.size(), errors.toString());
    }

    @Test
    void fieldsAreWrittenAsReportMdSaysWithDecimalStringsAndNoNulls() throws IOException {
        String text = json(SampleReports.full());
        JsonObject o = JsonParser.parseString(text).getAsJsonObject();
        assertEquals("feewatch.report/1", o.get("schema").getAsString());
        assertEquals("2026-11-27T10:00:00Z", o.get("generatedAt").getAsString());
        assertEquals("BANK-A", o.getAsJsonObject("case").get("institution").getAsString());
        assertEquals("2023-06-30", o.getAsJsonObject("case").get("asOf").getAsString());
        assertEquals("[\"national 1.0.0\",\"region CN-BJ 1.0.0\"]",
                o.getAsJsonObject("engine").getAsJsonArray("plugins").toString());
        JsonObject failed = o.getAsJsonObject("inputs").getAsJsonArray("sources").get(1).getAsJsonObject();
        assertEquals("{\"id\":\"p03-schedule\",\"status\":\"failed\",\"error\":\"HTTP 404\"}", failed.toString());
        JsonObject loans = o.getAsJsonObject("inputs").getAsJsonObject("loans");
        assertEquals(1000, loans.get("read").getAsLong());
        assertEquals("{\"file\":\"loans.jsonl\",\"line\":17,\"message\":\"principal is negative\"}",
                loans.getAsJsonArray("errors").get(0).toString());
        assertEquals("{\"file\":\"loan book\",\"message\":\"line without a file\"}",
                loans.getAsJsonArray("errors").get(1).toString());
        assertEquals("{\"message\":\"region pack refused a looser maxSpreadBp\"}",
                o.getAsJsonObject("inputs").getAsJsonArray("warnings").get(1).toString());
        JsonObject f = o.getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("1500.00", f.getAsJsonObject("metrics").get("amount").getAsJsonPrimitive().getAsString());
        assertTrue(f.getAsJsonObject("metrics").get("amount").getAsJsonPrimitive().isString());
        assertEquals("{\"type\":\"loan\",\"id\":\"L0001\"}", f.getAsJsonObject("subject").toString());
        assertEquals("refund", f.get("action").getAsString());
        assertEquals("{\"source\":\"partners.json\",\"text\":\"P03\"}",
                o.getAsJsonArray("findings").get(2).getAsJsonObject().getAsJsonArray("evidence").get(0).toString());
        assertEquals("{\"id\":\"P03\",\"status\":\"prospective\",\"verdict\":\"reject\",\"rules\":[\"PART-003\"]}",
                o.getAsJsonArray("partners").get(1).toString());
        assertEquals("{\"critical\":1,\"high\":1,\"medium\":1,\"info\":1}",
                o.getAsJsonObject("summary").getAsJsonObject("bySeverity").toString());
        assertFalse(text.contains("null"));
        assertTrue(text.contains("贷款承诺费"), "Chinese is written as is, not escaped");
    }

    @Test
    void theModulesSchemaCopyEqualsTheSharedSpec() throws IOException {
        Optional<Path> shared = ReportSchema.sharedSchema();
        Assumptions.assumeTrue(shared.isPresent(),
                "the shared folder (spec/report.schema.json) is not here; nothing to compare the copy with");
        assertEquals(Files.readString(shared.get()).strip(), ReportSchema.text().strip(),
                "src/test/resources/report.schema.json differs from " + shared.get() + ": copy it again");
    }

    @Test
    void aLargeReportRenderedAheadOnAnotherThreadIsByteForByteTheSequentialOne() throws IOException {
        Report sample = SampleReports.full();
        java.util.List<org.feewatch.api.Finding> many = new java.util.ArrayList<>();
        for (int i = 0; i < 3 * 256 + 17; i++) {
            org.feewatch.api.Finding f = sample.findings().get(i % sample.findings().size());
            many.add(new org.feewatch.api.Finding(f.rule(), f.severity(), f.subject(), f.title() + " #" + i,
                    f.evidence(), f.metrics(), f.citations(), f.action()));
        }
        Report large = new Report(sample.generatedAt(), sample.caseInfo(), sample.engineVersion(), sample.plugins(),
                sample.sources(), sample.loans(), sample.warnings(), many, sample.partners(), sample.bySeverity(),
                sample.byRule());
        ByteArrayOutputStream sequential = new ByteArrayOutputStream();
        new JsonReportWriter(Integer.MAX_VALUE).write(large, sequential);
        ByteArrayOutputStream ahead = new ByteArrayOutputStream();
        new JsonReportWriter(1).write(large, ahead);
        assertEquals(sequential.toString(StandardCharsets.UTF_8), ahead.toString(StandardCharsets.UTF_8));
        assertTrue(ahead.toString(StandardCharsets.UTF_8).contains("#784"));
        assertTrue(ReportSchema.errors(ahead.toString(StandardCharsets.UTF_8)).isEmpty());
    }

    @Test
    void findingsRenderedAheadByItsRendererAreCopiedByteForByteAsTheWriterRendersThem() throws IOException {
        Report sample = SampleReports.full();
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Finding f = sample.findings().get(i % sample.findings().size());
            many.add(new Finding(f.rule(), f.severity(), f.subject(), f.title() + " \"#" + i + "\"\\\n\u2028",
                    f.evidence(), f.metrics(), f.citations(), f.action()));
        }
        Report plain = withFindings(sample, many);
        String expected = new String(bytes(new JsonReportWriter(Integer.MAX_VALUE), plain), StandardCharsets.UTF_8);
        // rendered runs first, in the middle and last, next to held ones, and a report of one run
        for (int[] cuts : List.of(new int[] {0, 7, 8, 20, 21, 39}, new int[] {3, 10, 30}, new int[] {40})) {
            Report streamed = withFindings(sample, new RunsOf(many, cuts));
            String written = new String(bytes(new JsonReportWriter(), streamed), StandardCharsets.UTF_8);
            assertEquals(expected, written, "runs cut at " + java.util.Arrays.toString(cuts));
        }
        assertTrue(expected.contains("#39"));
    }

    @Test
    void aReportWrittenIntoAFileChannelIsByteForByteTheStreamedOneFromTheChannelsPositionOn(@TempDir Path dir)
            throws IOException {
        Report sample = SampleReports.full();
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Finding f = sample.findings().get(i % sample.findings().size());
            many.add(new Finding(f.rule(), f.severity(), f.subject(), f.title() + " #" + i, f.evidence(), f.metrics(),
                    f.citations(), f.action()));
        }
        String expected = new String(bytes(new JsonReportWriter(Integer.MAX_VALUE), withFindings(sample, many)),
                StandardCharsets.UTF_8);
        // plain findings, runs rendered ahead (copied through the channel), and a small report
        List<Report> reports = List.of(withFindings(sample, many),
                withFindings(sample, new RunsOf(many, new int[] {0, 7, 8, 39})), SampleReports.full());
        for (int i = 0; i < reports.size(); i++) {
            Path file = dir.resolve("report.json");
            Files.writeString(file, "kept:");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.position(5);
                new JsonReportWriter().write(reports.get(i), ch);
                assertTrue(ch.isOpen(), "the channel is the caller's to close");
            }
            String streamed = i < 2 ? expected : new String(bytes(new JsonReportWriter(), reports.get(i)),
                    StandardCharsets.UTF_8);
            assertEquals("kept:" + streamed, Files.readString(file), "report " + i);
        }
    }

    @Test
    void otherFormatsWrittenIntoAFileChannelAreTheirStreamedBytes(@TempDir Path dir) throws IOException {
        Report r = SampleReports.full();
        for (org.feewatch.api.spi.ReportWriter w : List.of(new CsvReportWriter(), new HtmlReportWriter())) {
            Path file = dir.resolve("report." + w.format());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                w.write(r, ch);
            }
            assertEquals(new String(bytes(w, r), StandardCharsets.UTF_8), Files.readString(file), w.format());
        }
    }

    @Test
    void aRendererForOneThreadRendersTheBytesOfTheSharedOneFindingAfterFinding() throws IOException {
        Report sample = SampleReports.full();
        FindingRenderer shared = JsonReportWriter.findingRenderer();
        FindingRenderer own = shared.forOneThread();
        FindingRenderer ownOfOwn = own.forOneThread();
        assertEquals("json", own.format());
        assertEquals(new String(shared.separator(), StandardCharsets.UTF_8), new String(own.separator(),
                StandardCharsets.UTF_8));
        for (int i = 0; i < 300; i++) {
            Finding f = sample.findings().get(i % sample.findings().size());
            Finding g = new Finding(f.rule(), f.severity(), f.subject(), f.title() + " \"#" + i + "\"\u2028",
                    f.evidence(), f.metrics(), f.citations(), f.action());
            String expected = rendered(shared, g);
            assertEquals(expected, rendered(own, g));
            assertEquals(expected, rendered(ownOfOwn, g));
        }
    }

    @Test
    void findingsRenderedByItsRendererAreReadBackEqualToTheFindingsRendered() throws IOException {
        Report sample = SampleReports.full();
        List<Finding> written = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Finding f = sample.findings().get(i % sample.findings().size());
            // what JSON escapes, text past the reader's buffer, members left out, nulls and empty lists
            String title = switch (i % 5) {
                case 0 -> f.title() + " \"#" + i + "\"\\\n\t\r\b\f\u0001\u001f\u2028\u2029/贷款";
                case 1 -> "长".repeat(30_000 + i) + "\\";
                case 2 -> null;
                default -> f.title();
            };
            java.util.Map<String, String> metrics = new java.util.LinkedHashMap<>(f.metrics());
            metrics.put("名称 \"" + i + "\"", i % 3 == 0 ? null : "费\n" + i);
            List<org.feewatch.api.Evidence> evidence = i % 7 == 0 ? List.of()
                    : List.of(new org.feewatch.api.Evidence("loans.jsonl", i % 2 == 0 ? null : "line " + i,
                            "贷款 L" + i + " \u0000", i % 3 == 0 ? "ab".repeat(32) : null),
                            new org.feewatch.api.Evidence(null, "x", "", null));
            written.add(new Finding(f.rule(), f.severity(), f.subject(), title, evidence,
                    i % 11 == 0 ? java.util.Map.of() : metrics, i % 13 == 0 ? List.of() : f.citations(), f.action()));
        }
        FindingRenderer renderer = JsonReportWriter.findingRenderer();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < written.size(); i++) {
            if (i > 0) {
                b.write(renderer.separator());
            }
            renderer.forOneThread().render(written.get(i), b);
        }
        // garbage after the findings asked for (a finding whose rendering failed half-way) is not read
        b.write(renderer.separator());
        b.write("{\"rule\": \"FEE-0".getBytes(StandardCharsets.UTF_8));
        List<Finding> back = new ArrayList<>();
        renderer.reader().read(new java.io.ByteArrayInputStream(b.toByteArray()), written.size())
                .forEachRemaining(back::add);
        assertEquals(written, back);
        List<Finding> some = new ArrayList<>();
        renderer.forOneThread().reader().read(new java.io.ByteArrayInputStream(b.toByteArray()), 3)
                .forEachRemaining(some::add);
        assertEquals(written.subList(0, 3), some);
    }

    @Test
    void readingBackMoreFindingsThanWereRenderedFailsNamingWhereTheBytesEnd() throws IOException {
        FindingRenderer renderer = JsonReportWriter.findingRenderer();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        renderer.render(SampleReports.full().findings().get(0), b);
        Iterator<Finding> back = renderer.reader().read(new java.io.ByteArrayInputStream(b.toByteArray()), 2);
        assertEquals(SampleReports.full().findings().get(0), back.next());
        java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.io.UncheckedIOException.class, back::next);
        assertEquals("finding 2 could not be read back: the end where ',' belongs at byte " + b.size(), e.getMessage());
    }

    private static String rendered(FindingRenderer renderer, Finding f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(f, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Report withFindings(Report r, List<Finding> findings) {
        return new Report(r.generatedAt(), r.caseInfo(), r.engineVersion(), r.plugins(), r.sources(), r.loans(),
                r.warnings(), findings, r.partners(), r.bySeverity(), r.byRule());
    }

    private static byte[] bytes(org.feewatch.api.spi.ReportWriter w, Report r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(r, out);
        return out.toByteArray();
    }

    /** Findings cut into runs at the given indexes (a cut at 0: an empty first run), every second one rendered ahead. */
    private static final class RunsOf extends FindingStream {
        private final List<Finding> all;
        private final List<Run> runs = new ArrayList<>();

        RunsOf(List<Finding> all, int[] cuts) throws IOException {
            this.all = all;
            int from = 0;
            boolean rendered = true;
            for (int i = 0; i <= cuts.length; i++) {
                int to = i < cuts.length ? cuts[i] : all.size();
                if (to > from) {
                    List<Finding> part = all.subList(from, to);
                    runs.add(rendered ? rendered(part) : held(part));
                }
                rendered = !rendered;
                from = to;
            }
        }

        private static Run held(List<Finding> part) {
            return new Run() {
                @Override
                public int size() {
                    return part.size();
                }

                @Override
                public Iterator<Finding> iterator() {
                    return part.iterator();
                }
            };
        }

        private static Run rendered(List<Finding> part) throws IOException {
            FindingRenderer renderer = JsonReportWriter.findingRenderer();
            assertEquals("json", renderer.format());
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int i = 0; i < part.size(); i++) {
                if (i > 0) {
                    b.write(renderer.separator());
                }
                renderer.render(part.get(i), b);
            }
            byte[] bytes = b.toByteArray();
            return new Run() {
                @Override
                public int size() {
                    return part.size();
                }

                @Override
                public Iterator<Finding> iterator() {
                    throw new AssertionError("a rendered run is copied, not rendered again");
                }

                @Override
                public boolean rendered() {
                    return true;
                }

                @Override
                public void copyRendered(java.io.OutputStream out) throws IOException {
                    out.write(bytes);
                }
            };
        }

        @Override
        public List<Finding> held() {
            return List.of();
        }

        @Override
        public Iterator<Finding> iterator() {
            return all.iterator();
        }

        @Override
        public int size() {
            return all.size();
        }

        @Override
        public List<Run> runs(String format) {
            assertEquals("json", format);
            return runs;
        }
    }
}
