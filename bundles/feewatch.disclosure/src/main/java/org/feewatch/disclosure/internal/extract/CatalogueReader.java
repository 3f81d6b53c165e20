package org.feewatch.disclosure.internal.extract;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/**
 * Walks a page once, in document order, keeping track of the headings above each point, and
 * hands catalogue tables to the {@link TableReader} and block containers to the
 * {@link BlockReader}. The walk is iterative (no recursion on the page's depth) and stops at the
 * item limit.
 */
final class CatalogueReader {

    static final Set<String> SKIPPED_TAGS = Set.of("head", "script", "style", "noscript", "template", "svg", "math",
            "iframe", "object", "select", "textarea", "button", "nav");
    private static final Set<String> HEADING_CANDIDATES = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "p", "div",
            "span", "strong", "b", "font", "label", "legend", "center", "header", "summary");
    private static final Set<String> CONTAINERS = Set.of("body", "div", "section", "article", "main", "aside", "ul",
            "ol", "dl", "li", "td", "th", "tbody", "table", "form", "center", "fieldset", "p", "dd", "span", "pre");

    private final Vocabulary vocabulary;
    private final TableReader tables;
    private final BlockReader blocks;
    private final TextTableReader textTables;
    private final boolean readTables;
    private final boolean readBlocks;

    CatalogueReader(Vocabulary vocabulary, ExtractionLimits limits, Locators locators, boolean readTables,
            boolean readBlocks, java.util.function.Predicate<String> knownFee) {
        this.vocabulary = vocabulary;
        this.tables = new TableReader(vocabulary, limits, locators);
        this.blocks = new BlockReader(vocabulary, limits, locators, knownFee);
        this.textTables = new TextTableReader(vocabulary, tables, locators, limits);
        this.readTables = readTables;
        this.readBlocks = readBlocks;
    }

    /** Reads every item of the page into {@code out}; extraction remarks go to {@code notes}. */
    void read(Document doc, FeeItems out, List<String> notes) {
        Walk walk = new Walk(out, notes);
        doc.filter(walk);
        if (out.full()) {
            notes.add("the page has more fee items than the extraction limit; only the first " + out.items().size()
                    + " were read");
        }
    }

    private static final class Frame {
        final Element element;
        final Headings headings;
        /** True when a block below produced records: headings inside were their titles. */
        boolean recordsBelow;

        Frame(Element element, Headings headings) {
            this.element = element;
            this.headings = headings;
        }
    }

    private final class Walk implements NodeFilter {
        private final FeeItems out;
        private final List<String> notes;
        private final Deque<Frame> frames = new ArrayDeque<>();
        /** Elements whose content became items, or that hold such elements. */
        private final Set<Element> holders = Collections.newSetFromMap(new IdentityHashMap<>());
        private Headings headings = Headings.NONE;

        Walk(FeeItems out, List<String> notes) {
            this.out = out;
            this.notes = notes;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (out.full()) {
                return FilterResult.STOP;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            String tag = e.normalName();
            if (SKIPPED_TAGS.contains(tag)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("table") && readTables && tables.read(e, headings, out, notes)) {
                hold(e);
                return FilterResult.SKIP_CHILDREN;
            }
            if (HEADING_CANDIDATES.contains(tag)) {
                String text = BoundedText.shortText(e, 80, true);
                if (text != null) {
                    int d = Headings.depthOf(e, text, vocabulary);
                    if (d > 0) {
                        headings = headings.open(text, d, Headings.isTagHeading(e), vocabulary);
                    }
                    if (!CONTAINERS.contains(tag) || d > 0) {
                        return FilterResult.SKIP_CHILDREN; // inline-only: nothing below can be a heading or a block
                    }
                }
            }
            if (CONTAINERS.contains(tag)) {
                frames.push(new Frame(e, headings));
            }
            return FilterResult.CONTINUE;
        }

        /** Marks an element whose content became items, and its ancestors, so no outer block reads it again. */
        private void hold(Element e) {
            for (Element cur = e; cur != null && holders.add(cur); cur = cur.parent()) {
                // each element is marked once, so the marking costs linear time over the page
            }
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            Frame top = frames.peek();
            if (top == null || top.element != node) {
                return FilterResult.CONTINUE;
            }
            frames.pop();
            Element e = top.element;
            if (readBlocks && !out.full() && textTables.read(e, top.headings, out, notes)) {
                // a table that lost its markup (a PDF turned into HTML): its cells were no headings
                hold(e);
                headings = top.headings;
            } else if (readBlocks && !out.full() && blocks.read(e, top.headings, holders, out) > 0) {
                hold(e);
                // headings inside a record block were the records' titles, not sections of what follows
                headings = top.headings;
                Frame parent = frames.peek();
                if (parent != null) {
                    parent.recordsBelow = true;
                }
            } else if (top.recordsBelow) {
                // a card around a record block: its title heading ends with it
                headings = top.headings;
            }
            return FilterResult.CONTINUE;
        }
    }
}
