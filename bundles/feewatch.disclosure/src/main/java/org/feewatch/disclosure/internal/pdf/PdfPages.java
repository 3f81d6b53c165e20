package org.feewatch.disclosure.internal.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
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
    /** The attribute of each rebuilt cell that holds its page number (1 for the first page). */
    public static final String PAGE_ATTRIBUTE = "data-page";
    /** The most pages read when no configuration says otherwise (the fetcher's {@code max.pdf.pages}). */
    public static final int DEFAULT_MAX_PAGES = 200;
    /** A PDF's header may follow up to this many bytes of junk (PDF 32000-1 §7.5.2, as readers accept it). */
    private static final int HEADER_WINDOW = 1024;
    private static final byte[] MAGIC = {'%', 'P', 'D', 'F', '-'};
    /** A title is among the first lines of the first page, in a font this many times the body text's. */
    private static final int TITLE_LINES = 3;
    private static final double TITLE_SIZE = 1.25;

    static {
        // reading text needs no system fonts: never scan the machine's font folders
        FontMappers.set(new NoSystemFonts());
    }

    private PdfPages() {
    }

    /** True for a body typed as a PDF, or that starts with {@code %PDF-}. */
    public static boolean isPdf(String contentType, byte[] body) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE)) {
            return true;
        }
        if (body == null || body.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (body[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
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
        int shown = 0;
        for (int i = 0; i < count; i++) {
            PDPage page = doc.getPage(i);
            PageRules rules = PageRules.of(page);
            images += rules.images();
            shown += rules.shownGlyphs();
            List<Glyph> text = stripper.of(doc, i + 1);
            for (Glyph g : text) {
                glyphs += g.blank() ? 0 : 1;
            }
            // text positions are in the page's reading frame; on a rotated page the rules are not, so a
            // rotated page is read without them (one line a row)
            boolean turned = page.getRotation() % 180 != 0;
            boolean rotated = page.getRotation() % 360 != 0;
            PDRectangle box = page.getCropBox();
            pages.add(new PdfLayout.Page(turned ? box.getWidth() : box.getHeight(), text,
                    rotated ? List.of() : rules.rules()));
        }
        List<List<PdfLayout.Row>> rows = PdfLayout.rows(pages);
        boolean anyRow = rows.stream().anyMatch(r -> !r.isEmpty());
        if (glyphs == 0 || !anyRow) {
            if (glyphs == 0 && shown > 0) {
                throw new PdfException("the PDF's text cannot be read: its fonts do not say which characters they draw "
                        + "(no Unicode mapping)");
            }
            if (images > 0) {
                throw new PdfException("a scanned PDF without text: its " + (count == 1 ? "page is an image"
                        : count + " pages are images") + ", and reading text from images (OCR) is not supported");
            }
            throw new PdfException("the PDF has no text");
        }
        // the document's Title entry is left out: it is often the authoring file's name (Microsoft Word - x.docx)
        return html(pages, rows);
    }

    private static String html(List<PdfLayout.Page> pages, List<List<PdfLayout.Row>> rows) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><div class=\"pdf\">\n");
        PdfLayout.Cell title = title(rows);
        double offset = 0;
        for (int p = 0; p < pages.size(); p++) {
            for (PdfLayout.Row row : rows.get(p)) {
                for (PdfLayout.Cell cell : row.cells()) {
                    String tag = cell == title ? "h1" : "p";
                    // the page number stays with the cell, so that evidence can say where a reader finds it
                    b.append(String.format(Locale.ROOT, "<%s %s=\"%d\" style=\"position:absolute;top:%.1fpx;left:%.1fpx\">",
                            tag, PAGE_ATTRIBUTE, p + 1, offset + row.y(), cell.left()));
                    b.append(escape(cell.text())).append("</").append(tag).append(">\n");
                }
            }
            offset += pages.get(p).height();
        }
        b.append("</div></body></html>\n");
        return b.toString();
    }

    /**
     * The document's title as a reader sees it: among the first lines of the first page, the first cell set
     * clearly larger than the text (a product's name over its flyer); null when none is.
     */
    private static PdfLayout.Cell title(List<List<PdfLayout.Row>> rows) {
        List<Double> sizes = new ArrayList<>();
        for (List<PdfLayout.Row> page : rows) {
            for (PdfLayout.Row row : page) {
                for (PdfLayout.Cell c : row.cells()) {
                    for (int i = 0; i < c.text().length(); i++) {
                        sizes.add(c.size());
                    }
                }
            }
        }
        if (sizes.isEmpty() || rows.get(0).isEmpty()) {
            return null;
        }
        java.util.Collections.sort(sizes);
        double body = sizes.get(sizes.size() / 2);
        List<PdfLayout.Row> first = rows.get(0);
        for (int r = 0; r < Math.min(TITLE_LINES, first.size()); r++) {
            for (PdfLayout.Cell c : first.get(r).cells()) {
                if (c.size() >= TITLE_SIZE * body) {
                    return c;
                }
            }
        }
        return null;
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
