package org.feewatch.disclosure.internal.extract;

import java.util.List;

import org.feewatch.api.Snapshot;
import org.feewatch.disclosure.internal.encoding.PageDecoder;
import org.feewatch.disclosure.internal.pdf.PdfException;
import org.feewatch.disclosure.internal.pdf.PdfPages;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/** Parses a snapshot's text with jsoup within the extraction limits. */
final class HtmlPages {

    private HtmlPages() {
    }

    /** The snapshot's decoded text, or its bytes decoded as the fetcher decodes them when no text was kept. */
    static String textOf(Snapshot snapshot) {
        if (snapshot == null) {
            return "";
        }
        if (snapshot.text() != null) {
            return snapshot.text();
        }
        if (snapshot.body() == null) {
            return "";
        }
        if (PdfPages.isPdf(snapshot.contentType(), snapshot.body())) {
            try {
                return PdfPages.toHtml(snapshot.body(), PdfPages.DEFAULT_MAX_PAGES);
            } catch (PdfException e) {
                return ""; // the fetcher already reported why; a stored copy reads as empty
            }
        }
        return PageDecoder.decode(snapshot.body(), snapshot.contentType(), snapshot.charset()).text();
    }

    static Document parse(Snapshot snapshot, ExtractionLimits limits, List<String> notes) {
        String text = textOf(snapshot);
        if (text.length() > limits.maxPageChars()) {
            notes.add("the page has " + text.length() + " characters; only the first " + limits.maxPageChars()
                    + " were read");
            text = text.substring(0, limits.maxPageChars());
        }
        if (!text.isEmpty() && text.charAt(0) == '\ufeff') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            notes.add("the page is empty");
        }
        Parser parser = Parser.htmlParser().setMaxDepth(limits.maxDepth());
        String base = snapshot == null || snapshot.location() == null || !snapshot.location().startsWith("http") ? ""
                : snapshot.location();
        return parser.parseInput(text, base);
    }

    /** True when the raw text contains {@code needle} (ASCII, any case) within the parsed part. */
    static boolean containsIgnoreCase(String text, String needle, int limit) {
        int end = Math.min(text.length(), limit) - needle.length();
        for (int i = 0; i <= end; i++) {
            if (text.charAt(i) == '<' && text.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }
}
