package org.feewatch.disclosure.internal.pdf;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The glyphs of one page with their positions, as PDFTextStripper reads them (its Unicode mapping
 * from ToUnicode maps, predefined CMaps and encodings, and its removal of overprinted fake-bold
 * duplicates); their layout is left to {@link PdfLayout}.
 */
final class PageGlyphs extends PDFTextStripper {

    private final List<Glyph> glyphs = new ArrayList<>();

    PageGlyphs() {
        setSortByPosition(true);
    }

    /** The glyphs of page {@code number} (from 1). */
    List<Glyph> of(PDDocument doc, int number) throws IOException {
        glyphs.clear();
        setStartPage(number);
        setEndPage(number);
        writeText(doc, Writer.nullWriter());
        return new ArrayList<>(glyphs);
    }

    @Override
    protected void writePage() {
        for (List<TextPosition> article : getCharactersByArticle()) {
            for (TextPosition t : article) {
                String text = t.getUnicode();
                if (text == null || text.isEmpty()) {
                    continue;
                }
                double size = t.getFontSizeInPt();
                if (!(size > 0)) {
                    size = t.getHeightDir();
                }
                glyphs.add(new Glyph(text, t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(), size > 0 ? size : 1));
            }
        }
    }
}
