package org.feewatch.disclosure.internal.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text PDFs as HTML the page extractors read: every cell of every page an absolutely positioned
 * {@code <p>} in one container (pages one under the other, so a table continues across pages), the
 * shape pdftohtml gives and the extractors' positioned-cell reader rebuilds into a table. Page headers,
 * footers and numbers are left out; the lines of one ruled table cell are one cell.
 */
public final class PdfPages {

    private static final Logger LOG = LoggerFactory.getLogger(PdfPages.class);

    public static final String MEDIA_TYPE = "application/pdf";
    /** The most pages read when no configuration says otherwise (the fetcher's {@code max.pdf.pages}). */
    public static final int DEFAULT_MAX_PAGES = 200;
    /** A PDF's header may follow up to this many bytes of junk (PDF 32000-1 §7.5.2, as readers accept it). */
    private static final int HEADER_WINDOW = 1024;
    private static final byte[] MAGIC = {'%', 'P', 'D', 'F', '-'};

    static {
        // reading text needs no system fonts: never scan the machine's font folders
        FontMappers.set(new NoSystemFonts());
    }

    private PdfPages() {
    }

    /** True for a body served or named as a PDF, or whose first bytes say it is one. */
    public static boolean isPdf(String contentType, byte[] body) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE)) {
            return true;
        }
        return startsAsPdf(body);
    }

    /** True when {@code %PDF-} stands within the first kilobyte of the body. */
    public static boolean startsAsPdf(byte[] body) {
        if (body == null) {
            return false;
        }
        int end = Math.min(body.length, HEADER_WINDOW) - MAGIC.length;
        for (int i = 0; i <= end; i++) {
            int k = 0;
            while (k < MAGIC.length && body[i + k] == MAGIC[k]) {
                k++;
            }
            if (k == MAGIC.length) {
                return true;
            }
        }
        return false;
    }

    /**
     * The PDF's text as positioned HTML.
     *
     * @param maxPages a PDF with more pages is not read
     * @throws PdfException with a one-line reason: not a readable PDF, protected by a password, more pages
     *                      than the limit, or no text (a scanned PDF)
     */
    public static String toHtml(byte[] body, int maxPages) throws PdfException {
        if (!startsAsPdf(body)) {
            throw new PdfException("not a readable PDF: it does not start with %PDF-");
        }
        try (PDDocument doc = Loader.loadPDF(body, "")) {
            return read(doc, maxPages);
        } catch (InvalidPasswordException e) {
            throw new PdfException("the PDF is protected by a password; only PDFs that open without one are read");
        } catch (IOException e) {
            LOG.info("PDF not readable: {}", e.toString());
            throw new PdfException("not a readable PDF: the file is damaged or incomplete");
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("PDF could not be read", e);
            throw new PdfException("not a readable PDF: its content could not be interpreted");
        } catch (OutOfMemoryError e) {
            throw new PdfException("the PDF could not be read: not enough memory");
        }
    }

    private static String read(PDDocument doc, int maxPages) throws IOException, PdfException {
        int count = doc.getNumberOfPages();
        if (count == 0) {
            throw new PdfException("the PDF has no pages");
        }
        if (count > maxPages) {
            throw new PdfException("the PDF has " + count + " pages, more than the " + maxPages
                    + " read (max.pdf.pages)");
        }
        PageGlyphs stripper = new PageGlyphs();
        List<PdfLayout.Page> pages = new ArrayList<>(count);
        int images = 0;
        int glyphs = 0;
        for (int i = 0; i < count; i++) {
            PDPage page = doc.getPage(i);
            PageRules rules = PageRules.of(page);
            images += rules.images();
            List<Glyph> text = stripper.of(doc, i + 1);
            for (Glyph g : text) {
                glyphs += g.blank() ? 0 : 1;
            }
            pages.add(new PdfLayout.Page(page.getCropBox().getHeight(), text, rules.rules()));
        }
        List<List<PdfLayout.Row>> rows = PdfLayout.rows(pages);
        boolean anyRow = rows.stream().anyMatch(r -> !r.isEmpty());
        if (glyphs == 0 || !anyRow) {
            if (images > 0) {
                throw new PdfException("a scanned PDF without text: its " + (count == 1 ? "page is an image"
                        : count + " pages are images") + ", and reading text from images (OCR) is not supported");
            }
            throw new PdfException("the PDF has no text");
        }
        String title = doc.getDocumentInformation() == null ? null : doc.getDocumentInformation().getTitle();
        return html(title, pages, rows);
    }

    private static String html(String title, List<PdfLayout.Page> pages, List<List<PdfLayout.Row>> rows) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\">");
        if (title != null && !title.isBlank()) {
            b.append("<title>").append(escape(title.strip())).append("</title>");
        }
        b.append("</head><body><div class=\"pdf\">\n");
        double offset = 0;
        for (int p = 0; p < pages.size(); p++) {
            for (PdfLayout.Row row : rows.get(p)) {
                for (PdfLayout.Cell cell : row.cells()) {
                    b.append(String.format(Locale.ROOT, "<p style=\"position:absolute;top:%.1fpx;left:%.1fpx\">",
                            offset + row.y(), cell.left()));
                    b.append(escape(cell.text())).append("</p>\n");
                }
            }
            offset += pages.get(p).height();
        }
        b.append("</div></body></html>\n");
        return b.toString();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < ' ' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
