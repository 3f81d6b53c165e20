package org.feewatch.disclosure.internal.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Stands in for fonts a PDF names but does not embed. PDFBox's own mapper scans the machine's font
 * folders on first use (seconds, and a cache file in the user's home); reading text needs no glyph
 * outlines (the Unicode comes from the PDF's encodings and CMaps, the widths from its font
 * dictionaries), so PDFBox's bundled last-resort font serves every request.
 */
final class NoSystemFonts implements FontMapper {

    private static final String LAST_RESORT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final TrueTypeFont lastResort;

    NoSystemFonts() {
        try (InputStream in = FontMapper.class.getResourceAsStream(LAST_RESORT)) {
            if (in == null) {
                throw new IOException(LAST_RESORT + " is missing");
            }
            lastResort = new TTFParser().parse(new RandomAccessReadBuffer(in));
        } catch (IOException e) {
            throw new UncheckedIOException("PDFBox's bundled font could not be read", e);
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(lastResort, true);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(lastResort, true);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, lastResort, true);
    }
}
