package org.feewatch.disclosure.internal.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

import org.feewatch.api.Snapshot;
import org.feewatch.disclosure.internal.pdf.PdfPages;
import org.jsoup.nodes.Element;

/**
 * CSS paths to elements ({@code html > body > table > tbody > tr:nth-child(3)}), in the form of
 * jsoup's {@code cssSelector()}, but computed in time proportional to the depth: sibling indexes
 * are computed once per parent, so a table of 100,000 rows costs linear time, not quadratic.
 */
final class Locators {

    /** The most aliases followed to the page element a built element stands for. */
    private static final int MAX_ALIASES = 8;

    private final Map<Element, Integer> index = new IdentityHashMap<>();
    /** True for a PDF's rebuilt text: elements are located by their page (「p. 3」), not by a path in HTML nobody sees. */
    private final boolean pdf;

    /** Locators of an HTML page: CSS paths. */
    Locators() {
        this(false);
    }

    private Locators(boolean pdf) {
        this.pdf = pdf;
    }

    /**
     * Locators for a snapshot: a PDF's evidence is located by page (「p. 3」, the page of the row's first
     * cell), an HTML page's by CSS path as always.
     */
    static Locators of(Snapshot snapshot) {
        return new Locators(snapshot != null && PdfPages.isPdf(snapshot.contentType(), snapshot.body()));
    }

    /** True when an element that stands for a rebuilt PDF line should be aliased to the line's first cell. */
    boolean byPage() {
        return pdf;
    }
    /** Elements built by a reader (a table rebuilt from text) located by the page element they came from. */
    private final Map<Element, Element> aliases = new IdentityHashMap<>();

    /** Locates {@code built} (an element not in the page) by the page element {@code at}. */
    void alias(Element built, Element at) {
        aliases.put(built, at);
    }

    String of(Element e) {
        if (pdf) {
            String page = page(e);
            if (page != null) {
                return page;
            }
        }
        Deque<String> parts = new ArrayDeque<>();
        Element cur = aliases.getOrDefault(e, e);
        while (cur != null && !(cur instanceof org.jsoup.nodes.Document)) {
            String id = cur.id();
            if (!id.isEmpty() && isPlainId(id)) {
                parts.push("#" + id);
                break;
            }
            Element parent = cur.parent();
            String tag = cur.tagName().replace(':', '|');
            if (parent == null || parent instanceof org.jsoup.nodes.Document) {
                parts.push(tag);
            } else {
                parts.push(tag + ":nth-child(" + (indexOf(cur, parent) + 1) + ")");
            }
            cur = parent;
        }
        return String.join(" > ", parts);
    }

    /**
     * 「p. N」 for an element of a PDF's rebuilt text that stands on one page (a cell, or a built row aliased
     * to its first cell, through any aliases), null when it does not (the container of all pages).
     */
    private String page(Element e) {
        Element cur = e;
        for (int i = 0; i < MAX_ALIASES; i++) {
            Element next = aliases.get(cur);
            if (next == null) {
                break;
            }
            cur = next;
        }
        for (Element at = cur; at != null; at = at.parent()) {
            String page = at.attr(PdfPages.PAGE_ATTRIBUTE);
            if (!page.isEmpty()) {
                return "p. " + page;
            }
        }
        return null;
    }

    private int indexOf(Element child, Element parent) {
        Integer i = index.get(child);
        if (i == null) {
            int k = 0;
            for (Element sibling : parent.children()) {
                index.put(sibling, k++);
            }
            i = index.get(child);
        }
        return i == null ? 0 : i;
    }

    private static boolean isPlainId(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
                return false;
            }
        }
        return Character.isLetter(id.charAt(0));
    }
}
