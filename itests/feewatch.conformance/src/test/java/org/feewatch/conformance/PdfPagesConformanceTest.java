package org.feewatch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Report;
import org.feewatch.api.SourceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case hardpages/bank-a audited twice: as published in HTML, and with its price catalogue (two pages,
 * its header repeated, page headers and numbers, wrapped cells, tiers on lines), its bilingual tariff, a
 * product page and two partner schedules published as text PDFs (pdfpages/, written by the disclosure
 * bundle's PdfFixtures). The findings are the same, down to their evidence text and figures; only where an
 * item stands (its locator) differs.
 */
class PdfPagesConformanceTest {

    /** The PDF that replaces each HTML page of the case. */
    private static final Map<String, String> AS_PDF = Map.of("pages/jgml.htm", "jgml.pdf",
            "pages/tariff.html", "tariff.pdf", "pages/dizhi.html", "dizhi.pdf", "pages/g1.html", "g1.pdf",
            "pages/f1.html", "f1.pdf");

    @TempDir
    Path tmp;

    @Test
    void pdfPagesGiveTheFindingsOfTheirHtmlPages() throws Exception {
        Path html = copy(resource("/hardpages/bank-a"), tmp.resolve("html"));
        Path pdf = copy(resource("/hardpages/bank-a"), tmp.resolve("pdf"));
        String sources = Files.readString(pdf.resolve("sources.json"), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : AS_PDF.entrySet()) {
            assertTrue(sources.contains("\"" + e.getKey() + "\""), e.getKey());
            sources = sources.replace("\"" + e.getKey() + "\"", "\"pages/" + e.getValue() + "\"");
            Files.copy(resource("/pdfpages/" + e.getValue()), pdf.resolve("pages/" + e.getValue()));
        }
        Files.writeString(pdf.resolve("sources.json"), sources, StandardCharsets.UTF_8);

        Report fromHtml = CaseAudit.run(html, tmp.resolve("out-html"), 1).report();
        Report fromPdf = CaseAudit.run(pdf, tmp.resolve("out-pdf"), 1).report();

        assertFalse(fromHtml.findings().isEmpty());
        assertEquals(findings(fromHtml), findings(fromPdf));
        assertEquals(sources(fromHtml), sources(fromPdf), "each source read, with as many items");
    }

    private static List<String> findings(Report r) {
        return r.findings().stream().map(PdfPagesConformanceTest::describe).sorted().toList();
    }

    /** A finding without where its evidence stands in its page (a table row, or a PDF's container). */
    private static String describe(Finding f) {
        StringBuilder b = new StringBuilder(f.rule()).append(' ').append(f.severity()).append(' ')
                .append(f.subject().type().wireName()).append(' ').append(f.subject().id()).append(" | ").append(f.title())
                .append(" | ").append(f.metrics()).append(" | ").append(f.citations()).append(" | ").append(f.action());
        for (Evidence e : f.evidence()) {
            b.append("\n  ").append(e.source()).append(": ").append(e.text());
        }
        return b.toString();
    }

    private static List<String> sources(Report r) {
        return r.sources().stream().map(SourceStatus.class::cast)
                .map(s -> s.id() + " " + s.ok() + " " + s.items() + " " + s.error()).sorted().toList();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PdfPagesConformanceTest.class.getResource(name).toURI());
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
