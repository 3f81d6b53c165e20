package org.feewatch.disclosure.internal.extract;

import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * The text of an element, collected only up to a bound: used where a page may put megabytes
 * under one element and only a short text can matter (headings, labels).
 */
final class BoundedText {

    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body", "center",
            "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
            "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
            "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "summary", "menu");

    /** Nodes visited at most per call, so that empty markup cannot make it slow either. */
    private static final int MAX_NODES = 4_000;

    private BoundedText() {
    }

    /**
     * The cleaned text of {@code e} when it has at most {@code maxChars} characters and, if
     * {@code inlineOnly}, no block element inside; otherwise null.
     */
    static String shortText(Element e, int maxChars, boolean inlineOnly) {
        StringBuilder b = new StringBuilder();
        boolean[] ok = {true};
        int[] nodes = {0};
        e.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (++nodes[0] > MAX_NODES) {
                    ok[0] = false;
                    return FilterResult.STOP;
                }
                if (node instanceof TextNode t) {
                    b.append(t.getWholeText());
                    if (b.length() > maxChars * 4 + 64) {
                        ok[0] = false;
                        return FilterResult.STOP;
                    }
                } else if (node instanceof Element el && node != e) {
                    String tag = el.normalName();
                    if (inlineOnly && BLOCK_TAGS.contains(tag)) {
                        ok[0] = false;
                        return FilterResult.STOP;
                    }
                    if (tag.equals("br")) {
                        b.append(' ');
                    } else if (tag.equals("script") || tag.equals("style")) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                }
                return FilterResult.CONTINUE;
            }
        });
        if (!ok[0]) {
            return null;
        }
        String text = Texts.clean(b.toString());
        return text.length() <= maxChars ? text : null;
    }

    /** The cleaned text of {@code e}, cut after about {@code maxChars} characters. */
    static String prefix(Element e, int maxChars) {
        return prefix(e, maxChars, MAX_NODES * 25);
    }

    /** The cleaned text of {@code e}, cut after about {@code maxChars} characters or {@code maxNodes} nodes. */
    static String prefix(Element e, int maxChars, int maxNodes) {
        StringBuilder b = new StringBuilder();
        int[] nodes = {0};
        e.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (++nodes[0] > maxNodes || b.length() > maxChars * 2) {
                    return FilterResult.STOP;
                }
                if (node instanceof TextNode t) {
                    b.append(t.getWholeText());
                } else if (node instanceof Element el && node != e) {
                    String tag = el.normalName();
                    if (tag.equals("script") || tag.equals("style")) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (BLOCK_TAGS.contains(tag) || tag.equals("br")) {
                        b.append(' ');
                    }
                }
                return FilterResult.CONTINUE;
            }
        });
        return Texts.bounded(Texts.clean(b.toString()), maxChars);
    }
}
