package org.feewatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.feewatch.api.Report;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

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
}
