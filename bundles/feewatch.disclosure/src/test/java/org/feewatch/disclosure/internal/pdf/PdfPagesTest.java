package org.feewatch.disclosure.internal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What a PDF becomes (positioned cells) and the one-line reasons for PDFs that are not read. */
class PdfPagesTest {

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = PdfPagesTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static String failure(byte[] body, int maxPages) {
        return assertThrows(PdfException.class, () -> PdfPages.toHtml(body, maxPages)).getMessage();
    }

    @Test
    void recognisesPdfsByTypeOrFirstBytes() {
        byte[] pdf = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        byte[] junkFirst = ("\r\n\r\n%PDF-1.7").getBytes(StandardCharsets.US_ASCII);
        byte[] html = "<html>%PDF-</html>".getBytes(StandardCharsets.US_ASCII);
        assertTrue(PdfPages.isPdf(null, pdf));
        assertTrue(PdfPages.isPdf("application/pdf; qs=0.001", new byte[0]));
        assertTrue(PdfPages.startsAsPdf(junkFirst), "a few bytes before the header are allowed");
        assertFalse(PdfPages.isPdf("text/html", "<html></html>".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(PdfPages.isPdf("text/html", html), "a page naming %PDF- is a page");
        assertFalse(PdfPages.isPdf(null, html));
    }

    @Test
    void cellsArePositionedParagraphsOfOneContainer() throws Exception {
        String html = PdfPages.toHtml(fixture("catalogue-two-pages.pdf"), PdfPages.DEFAULT_MAX_PAGES);
        assertTrue(html.contains("<div class=\"pdf\">"), html);
        assertTrue(html.contains("px\">人民币单位结算账户管理费</p>"), "the wrapped name is one cell: " + html);
        assertEquals(2, html.split(">收费项目</p>", -1).length - 1, "the header of each page is kept for the reader");
        assertFalse(html.contains("服务价格信息公示"), "the running header of each page is left out");
        assertFalse(html.contains("第 1 页") || html.contains("第 2 页"), "page numbers are left out");
        assertTrue(html.contains("注：未列入本目录的项目不得收费。"));
    }

    @Test
    void failuresSayWhyInOneLine() throws Exception {
        assertEquals("a scanned PDF without text: its page is an image, and reading text from images (OCR) is not "
                + "supported", failure(fixture("scanned.pdf"), 10));
        assertEquals("the PDF is protected by a password; only PDFs that open without one are read",
                failure(fixture("password.pdf"), 10));
        assertEquals("the PDF's text cannot be read: its fonts do not say which characters they draw (no Unicode "
                + "mapping)", failure(fixture("no-unicode.pdf"), 10));
        assertEquals("not a readable PDF: the file is damaged or incomplete", failure(fixture("corrupt.pdf"), 10));
        assertEquals("not a readable PDF: it does not start with %PDF-",
                failure("<html></html>".getBytes(StandardCharsets.US_ASCII), 10));
        assertEquals("the PDF has 2 pages, more than the 1 read (max.pdf.pages)",
                failure(fixture("catalogue-two-pages.pdf"), 1));
    }

    @Test
    void linesOfACellJoinAsTheyWereWritten() {
        // wrapped at the border: the word goes on
        assertEquals("", PdfLayout.joint("为单位结算账户提供账户维护管", 300, 310, 9, "理服务"));
        // broken early: a new part, as tiers on lines of a price cell
        assertEquals("；", PdfLayout.joint("安排金额5亿元（含）以下：0.5%", 200, 310, 9, "安排金额5亿元以上：0.3%"));
        // Chinese over English: a bilingual cell
        assertEquals(" ", PdfLayout.joint("贷款承诺费", 100, 310, 9, "Loan commitment fee"));
        // English words, and an English word before Chinese
        assertEquals(" ", PdfLayout.joint("Waived for small and", 305, 310, 9, "micro"));
        assertEquals(" ", PdfLayout.joint("micro enterprises", 305, 310, 9, "对小"));
        // punctuation already parts them
        assertEquals("", PdfLayout.joint("每笔500元；", 100, 310, 9, "最高5000元"));
    }

    @Test
    void pageNumbersAndRunningHeadersAreFurniture() {
        List<PdfLayout.Page> pages = List.of(page("某银行服务价格目录", "收费项目  收费标准", "第 1 页 共 2 页"),
                page("某银行服务价格目录", "贷款承诺费  每笔500元", "- 2 -"));
        List<List<PdfLayout.Row>> rows = PdfLayout.rows(pages);
        assertEquals(List.of("收费项目|收费标准"), texts(rows.get(0)));
        assertEquals(List.of("贷款承诺费|每笔500元"), texts(rows.get(1)));
    }

    @Test
    void aTableRuledOnlyAboveAndBelowHasARowForEachNumber() {
        // 三线表: a rule above the header, one under it and one under the table; nothing between the rows
        List<Rule> rules = List.of(new Rule(40, 35, 500, 35), new Rule(40, 55, 500, 55), new Rule(40, 155, 500, 155));
        PdfLayout.Page page = new PdfLayout.Page(842, page("序号  收费项目  收费标准", "1  贷款承诺费  每笔500元",
                "2  资金管理费  按贷款金额的0.1%", "          收取", "一、政府定价", "3  账户管理费  免费").glyphs(), rules);
        assertEquals(List.of("序号|收费项目|收费标准", "1|贷款承诺费|每笔500元", "2|资金管理费|按贷款金额的0.1%收取", "一、政府定价",
                "3|账户管理费|免费"), texts(PdfLayout.rows(List.of(page)).get(0)));
    }

    /** A page of lines, cells apart by two spaces, in a 10-point font, one line every 20 points. */
    private static PdfLayout.Page page(String... lines) {
        List<Glyph> glyphs = new java.util.ArrayList<>();
        double y = 50;
        for (String line : lines) {
            double x = 50;
            for (int i = 0; i < line.length(); i++) {
                glyphs.add(new Glyph(String.valueOf(line.charAt(i)), x, y, 10, 10));
                x += 10;
            }
            y += 20;
        }
        return new PdfLayout.Page(842, glyphs, List.of());
    }

    private static List<String> texts(List<PdfLayout.Row> rows) {
        return rows.stream().map(r -> String.join("|", r.cells().stream().map(PdfLayout.Cell::text).toList())).toList();
    }
}
