package org.feewatch.disclosure.internal.extract;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

import org.jsoup.nodes.Element;

/**
 * CSS paths to elements ({@code html > body > table > tbody > tr:nth-child(3)}), in the form of
 * jsoup's {@code cssSelector()}, but computed in time proportional to the depth: sibling indexes
 * are computed once per parent, so a table of 100,000 rows costs linear time, not quadratic.
 */
final class Locators {

    private final Map<Element, Integer> index = new IdentityHashMap<>();
    /** Elements built by a reader (a table rebuilt from text) located by the page element they came from. */
    private final Map<Element, Element> aliases = new IdentityHashMap<>();

    /** Locates {@code built} (an element not in the page) by the page element {@code at}. */
    void alias(Element built, Element at) {
        aliases.put(built, at);
    }

    String of(Element e) {
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
