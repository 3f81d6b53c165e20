package org.feewatch.disclosure.internal.extract;

import java.util.regex.Pattern;

import org.jsoup.nodes.Element;

/**
 * The headings an element sits under, as an immutable stack: a new heading closes every open
 * heading at its level or deeper. The section of an item is the innermost heading; its pricing
 * basis is the innermost basis a heading names (一、政府指导价 covers every row below it until
 * 二、市场调节价).
 */
final class Headings {

    static final Headings NONE = new Headings(null, 0, null, null, false);

    private static final Pattern ORDINAL_1 = Pattern.compile("^(第[一二三四五六七八九十百零〇\\d]+[部分章节类项]|[一二三四五六七八九十]+[、.．])");
    private static final Pattern ORDINAL_2 = Pattern.compile("^[（(][一二三四五六七八九十]+[)）]");
    private static final Pattern ORDINAL_3 = Pattern.compile("^(\\d{1,2}[、．]|\\d{1,2}\\.(?!\\d)|[（(]\\d{1,2}[)）])");
    /** Headings longer than this are paragraphs. */
    private static final int MAX_HEADING_CHARS = 40;

    private final Headings parent;
    private final int level;
    private final String text;
    private final String basis;
    private final boolean tagHeading;

    private Headings(Headings parent, int level, String text, String basis, boolean tagHeading) {
        this.parent = parent;
        this.level = level;
        this.text = text;
        this.basis = basis;
        this.tagHeading = tagHeading;
    }

    /** The innermost heading's text, or null. */
    String section() {
        return text;
    }

    /** The innermost pricing basis a heading names, or null. */
    String basis() {
        for (Headings h = this; h != null && h.text != null; h = h.parent) {
            if (h.basis != null) {
                return h.basis;
            }
        }
        return null;
    }

    /** These headings without the innermost one when its text is {@code title} (a card title read as a heading). */
    Headings closing(String title) {
        return text != null && text.equals(title) ? parent : this;
    }

    /**
     * Opens a heading: h1..h6 by their tag, other short text by its numbering (一、 / （一） / 1.)
     * one to three levels under the innermost tag heading.
     */
    Headings open(String headingText, int depth, boolean isTag, Vocabulary vocabulary) {
        int lvl = isTag ? depth * 10 : baseLevel() + depth;
        Headings keep = this;
        while (keep.text != null && keep.level >= lvl) {
            keep = keep.parent;
        }
        return new Headings(keep, lvl, headingText, vocabulary.basisIn(headingText), isTag);
    }

    private int baseLevel() {
        for (Headings h = this; h != null && h.text != null; h = h.parent) {
            if (h.tagHeading) {
                return h.level;
            }
        }
        return 10;
    }

    /**
     * The heading depth of an element (1..6 for h1..h6, 1..3 for numbered or pricing-regime
     * text), or 0 when it is no heading.
     */
    static int depthOf(Element e, String text, Vocabulary vocabulary) {
        if (text.isEmpty() || text.length() > MAX_HEADING_CHARS * 2) {
            return 0;
        }
        String tag = e.normalName();
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
            return tag.charAt(1) - '0';
        }
        if (text.length() > MAX_HEADING_CHARS || Texts.isSentence(text) || text.endsWith("：") || text.endsWith(":")) {
            return 0;
        }
        if (ORDINAL_1.matcher(text).find()) {
            return 1;
        }
        if (ORDINAL_2.matcher(text).find()) {
            return 2;
        }
        boolean names = vocabulary.basisIn(text) != null;
        if (ORDINAL_3.matcher(text).find()) {
            return names ? 3 : 0;
        }
        if (names) {
            return 1;
        }
        String cls = e.className().toLowerCase(java.util.Locale.ROOT);
        // the title of a <details> panel (an accordion's section) heads what the panel holds
        if (tag.equals("summary") || cls.contains("title") || cls.contains("heading") || cls.contains("caption")) {
            return 3;
        }
        return 0;
    }

    /** True for h1..h6. */
    static boolean isTagHeading(Element e) {
        String tag = e.normalName();
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }
}
