package org.feewatch.disclosure.internal.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.feewatch.api.Snapshot;
import org.feewatch.disclosure.internal.encoding.PageDecoder;
import org.feewatch.disclosure.internal.pdf.PdfException;
import org.feewatch.disclosure.internal.pdf.PdfPages;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
        Document doc = parser.parseInput(text, base);
        if (mayStrike(text)) {
            dropStruck(doc);
        }
        return doc;
    }

    /** True when the markup may strike text through: a del, s or strike tag, or line-through in a style. */
    static boolean mayStrike(String text) {
        if (text.indexOf("line-through") >= 0 || text.indexOf("LINE-THROUGH") >= 0) {
            return true;
        }
        for (int i = text.indexOf('<'); i >= 0 && i + 2 < text.length(); i = text.indexOf('<', i + 1)) {
            char a = Character.toLowerCase(text.charAt(i + 1));
            if (a == 'd' && text.regionMatches(true, i + 1, "del", 0, 3)) {
                return true;
            }
            if (a == 's') {
                char b = text.charAt(i + 2);
                if (b == '>' || b == ' ' || text.regionMatches(true, i + 1, "strike", 0, 6)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A CSS rule of one class or more that strikes its text through ({@code .old{text-decoration:line-through}}). */
    private static final Pattern STRUCK_CLASS_RULE = Pattern.compile(
            "([^{}]*)\\{[^{}]*line-through[^{}]*\\}", Pattern.CASE_INSENSITIVE);
    /** A selector that is one class, on any or one element ({@code .old}, {@code span.old-price}). */
    private static final Pattern CLASS_SELECTOR = Pattern.compile("\\s*[A-Za-z]*\\.([A-Za-z_][\\w-]*)\\s*");

    /**
     * Removes struck-through text: {@code <del>}, {@code <s>}, {@code <strike>}, and elements styled
     * {@code text-decoration: line-through} inline or by a class rule of the page. A price struck through
     * beside its new one (<del>1000元/笔</del> 500元/笔) is withdrawn, as a reader of the page sees it; so is a
     * struck item or rate.
     */
    static void dropStruck(Document doc) {
        Set<String> struckClasses = new HashSet<>();
        List<Element> struck = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("del") || tag.equals("s") || tag.equals("strike")) {
                struck.add(e);
            } else if (tag.equals("style")) {
                for (DataNode css : e.dataNodes()) {
                    Matcher rule = STRUCK_CLASS_RULE.matcher(css.getWholeData());
                    while (rule.find()) {
                        for (String selector : rule.group(1).split(",")) {
                            // only a class of its own: a:hover or .nav a would strike more than the rule's text
                            Matcher name = CLASS_SELECTOR.matcher(selector);
                            if (name.matches()) {
                                struckClasses.add(name.group(1));
                            }
                        }
                    }
                }
            } else if (e.hasAttr("style") && e.attr("style").toLowerCase(java.util.Locale.ROOT).contains("line-through")) {
                struck.add(e);
            }
        }
        if (!struckClasses.isEmpty()) {
            for (Element e : doc.getAllElements()) {
                for (String c : e.classNames()) {
                    if (struckClasses.contains(c)) {
                        struck.add(e);
                        break;
                    }
                }
            }
        }
        for (Element e : struck) {
            if (e.parent() != null) {
                e.remove();
            }
        }
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
