package org.feewatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.feewatch.api.Report;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    private static String html(Report r, HtmlReportWriter w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(r, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aSelfContainedPageWithSummaryChartPartnersAndFindingsByRule() throws IOException {
        Report r = SampleReports.full();
        String page = html(r, new HtmlReportWriter());
        // kept for a look in a browser: target/sample-report.html
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "sample-report.html"), page);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        for (String id : new String[] {"summary", "chart", "partners", "findings", "inputs"}) {
            assertTrue(page.contains("id=\"" + id + "\""), id);
        }
        // no scripts and nothing loaded from elsewhere
        assertFalse(page.contains("<script"));
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(page).find());
        assertEquals(4, count(page, "<details class=\"rule\""));
        assertTrue(page.contains("id=\"rule-FEE-001\""));
        assertTrue(page.contains("银保监发〔2020〕18号"));
        assertTrue(page.contains("<q>贷款承诺费 1500.00</q>"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(page.contains("class=\"verdict-reject\">reject"));
        assertTrue(page.contains("HTTP 404"));
        // the chart: one circle per sampled loan plus three in the legend, the LPR and policy lines
        assertEquals(r.aprSample().size() + 3, count(page, "<circle "));
        assertEquals(1, count(page, "<polyline class=\"lpr\""));
        assertEquals(1, count(page, "<polyline class=\"policy\""));
        assertTrue(page.contains("LPR + 300 bp (policy)"));
    }

    @Test
    void aRuleWithVeryManyFindingsShowsTheFirstAndCountsTheRest() throws IOException {
        String page = html(SampleReports.full(), new HtmlReportWriter(1));
        assertEquals(4, count(page, "<div class=\"finding\">"));
        String many = html(SampleReports.full(), new HtmlReportWriter(500));
        assertEquals(4, count(many, "<div class=\"finding\">"));
    }

    @Test
    void anEmptyReportSaysSo() throws IOException {
        String page = html(SampleReports.empty(), new HtmlReportWriter());
        assertTrue(page.contains("No findings."));
        assertTrue(page.contains("No loan with a computable APR to chart."));
        assertTrue(page.contains("The case lists no partners."));
    }
}
