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

        // a PDF's evidence is located by its page; the HTML pages keep their CSS paths
        Map<String, String> pdfLocators = locators(fromPdf);
        Map<String, String> htmlLocators = locators(fromHtml);
        assertEquals(htmlLocators.keySet(), pdfLocators.keySet());
        for (Map.Entry<String, String> e : pdfLocators.entrySet()) {
            String source = e.getKey().substring(e.getKey().indexOf(" @") + 2);
            if (PDF_SOURCES.contains(source) && htmlLocators.get(e.getKey()).startsWith("html")) {
                // a place in the page (a row, a block): its page in the PDF
                assertTrue(e.getValue().matches("p\\. [1-9]\\d*"), e.getKey() + " -> " + e.getValue());
            } else {
                // a loan's line, or a catalogue as a whole (no item is 资料工本费): as in HTML
                assertEquals(htmlLocators.get(e.getKey()), e.getValue(), e.getKey());
            }
        }
        assertEquals("p. 2", pdfLocators.get("DISC-002 cat-gbk:贷款意向书 #0 @cat-gbk"), "after the page break");
        assertEquals("p. 1", pdfLocators.get("FEE-001 cat-gbk:资金管理费 #0 @cat-gbk"));
        assertEquals("p. 1", pdfLocators.get("PART-002 G1 #0 @g1-fees"));
    }

    /** The sources published as PDFs in the second audit. */
    private static final java.util.Set<String> PDF_SOURCES = java.util.Set.of("cat-gbk", "cat-en", "prod-dizhi", "g1-fees",
            "f1-fees");

    /** Each evidence's locator, by rule, subject, its place in the finding and its source. */
    private static Map<String, String> locators(Report r) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Finding f : r.findings()) {
            for (int i = 0; i < f.evidence().size(); i++) {
                Evidence e = f.evidence().get(i);
                out.put(f.rule() + " " + f.subject().id() + " #" + i + " @" + e.source(), String.valueOf(e.locator()));
            }
        }
        return out;
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
