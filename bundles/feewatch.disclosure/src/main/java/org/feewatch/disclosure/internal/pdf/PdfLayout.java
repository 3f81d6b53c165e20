package org.feewatch.disclosure.internal.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rebuilds what a reader sees on PDF pages from glyphs and drawn rules: lines (glyphs on one
 * baseline), cells (runs of a line apart by a wide gap), and table rows (the lines between the same two
 * horizontal borders are one row, each cell's lines joined), without page headers, footers and page
 * numbers. Distances are in units of the font size, so any page size and zoom gives the same layout.
 */
final class PdfLayout {

    /** Glyphs whose baselines differ by less than this (in font sizes) are on one line (superscripts too). */
    private static final double SAME_LINE = 0.4;
    /** A gap wider than this (in font sizes) between two glyphs of a line separates two cells. */
    private static final double CELL_GAP = 0.8;
    /** A gap wider than this (in font sizes) is a space between words (when the PDF draws none). */
    private static final double WORD_GAP = 0.15;
    /** A line ending closer than this (in font sizes) to its cell's right border was wrapped there. */
    private static final double WRAP_SLACK = 2.0;
    /** Points within which two rules or edges are the same. */
    private static final double SAME_POINT = 1.0;
    /** A band between two rules taller than this share of the page is a frame, not a table row. */
    private static final double MAX_ROW_SHARE = 0.4;
    /** Borderless tables: a line closer than this (in font sizes) below the one above may continue its cells. */
    private static final double TIGHT_LEADING = 1.35;
    /** Page headers and footers are looked for among this many lines at the top and bottom of each page. */
    private static final int FURNITURE_LINES = 2;
    /** Page numbers: 第1页 共3页, 第 1 页/共 3 页, - 1 -, 1/3, Page 1 of 3. */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?:第\\s*\\d+\\s*页(?:\\s*[/,，、]?\\s*共\\s*\\d+\\s*页)?|共\\s*\\d+\\s*页\\s*[/,，、]?\\s*第\\s*\\d+\\s*页"
                    + "|[-–—]?\\s*\\d{1,4}\\s*[-–—]?|\\d{1,4}\\s*/\\s*\\d{1,4}|(?:page|p\\.)\\s*\\d+(?:\\s*(?:of|/)\\s*\\d+)?)",
            Pattern.CASE_INSENSITIVE);

    /** A row's number or code: 1, 1.1.1, 20101, A-3, （一）, 二、. */
    private static final Pattern ORDINAL = Pattern.compile(
            "[（(]?(?:[A-Za-z]?\\d{1,8}(?:[.\\-]\\d{1,3})*|[一二三四五六七八九十]{1,3})[)）、.]?");

    /** A section row's numbering: 一、政府指导价, （二）贷款类. */
    private static final Pattern SECTION = Pattern.compile("[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]");

    /** A cell of a line: its text and horizontal extent, and the ruled band it lies in (NaN: none). */
    record Span(String text, double left, double right, double size, double above, double below) {
        boolean banded() {
            return !Double.isNaN(above);
        }
    }

    /** A text line of a page: its baseline, its largest font size, its cells from left to right. */
    record Line(double y, double size, List<Span> spans) {
        String text() {
            StringBuilder b = new StringBuilder();
            for (Span s : spans) {
                b.append(b.length() == 0 ? "" : " ").append(s.text());
            }
            return b.toString();
        }
    }

    /** A cell as written out: its text, where it starts, and its largest font size. */
    record Cell(String text, double left, double size) {
    }

    /** A row as written out: its top (the baseline of its first line) and its cells from left to right. */
    record Row(double y, List<Cell> cells) {
    }

    /** One page as read: its height, glyphs and rules. */
    record Page(double height, List<Glyph> glyphs, List<Rule> rules) {
    }

    private PdfLayout() {
    }

    /** The rows of every page, without page furniture; one list a page. */
    static List<List<Row>> rows(List<Page> pages) {
        List<List<Line>> lines = new ArrayList<>(pages.size());
        for (Page p : pages) {
            lines.add(lines(p));
        }
        Set<Line> furniture = furniture(lines);
        List<List<Row>> out = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            List<Line> kept = new ArrayList<>();
            for (Line l : lines.get(i)) {
                if (!furniture.contains(l)) {
                    kept.add(l);
                }
            }
            out.add(merge(kept, pages.get(i)));
        }
        return out;
    }

    // ---- lines and cells ----

    static List<Line> lines(Page page) {
        List<Glyph> glyphs = new ArrayList<>(page.glyphs());
        glyphs.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
        List<List<Glyph>> groups = new ArrayList<>();
        double baseline = Double.NaN;
        double size = 0;
        for (Glyph g : glyphs) {
            if (groups.isEmpty() || g.y() - baseline > SAME_LINE * Math.max(size, g.size())) {
                groups.add(new ArrayList<>());
                baseline = g.y();
                size = g.size();
            }
            groups.get(groups.size() - 1).add(g);
            size = Math.max(size, g.size());
        }
        List<Rule> horizontal = new ArrayList<>();
        List<Rule> vertical = new ArrayList<>();
        for (Rule r : page.rules()) {
            (r.horizontal() ? horizontal : vertical).add(r);
        }
        double maxBand = MAX_ROW_SHARE * page.height();
        List<Line> lines = new ArrayList<>(groups.size());
        for (List<Glyph> group : groups) {
            group.sort(Comparator.comparingDouble(Glyph::x));
            Line line = line(group, horizontal, vertical, maxBand);
            if (!line.spans().isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Line line(List<Glyph> glyphs, List<Rule> horizontal, List<Rule> vertical, double maxBand) {
        double y = glyphs.get(0).y();
        double size = 0;
        for (Glyph g : glyphs) {
            size = Math.max(size, g.size());
        }
        List<Span> spans = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        double left = 0;
        double right = 0;
        double spanSize = 0;
        for (Glyph g : glyphs) {
            if (g.blank()) {
                continue; // spaces count by the gap they leave: a run of them parts two cells
            }
            double gap = g.x() - right;
            if (text.length() > 0 && (gap > CELL_GAP * Math.max(spanSize, g.size()) || ruled(vertical, right, g, y))) {
                spans.add(span(text.toString(), left, right, spanSize, y, horizontal, maxBand));
                text.setLength(0);
            }
            if (text.length() == 0) {
                left = g.x();
                spanSize = 0;
            } else if (gap > WORD_GAP * Math.max(spanSize, g.size())) {
                text.append(' ');
            }
            text.append(g.text());
            right = Math.max(right, g.right());
            spanSize = Math.max(spanSize, g.size());
        }
        if (text.length() > 0) {
            spans.add(span(text.toString(), left, right, spanSize, y, horizontal, maxBand));
        }
        return new Line(y, size, spans);
    }

    /** True when a column border runs between {@code right} and the glyph (text filling its cell up to the border). */
    private static boolean ruled(List<Rule> vertical, double right, Glyph g, double baseline) {
        for (Rule r : vertical) {
            if (r.x1() >= right - SAME_POINT && r.x1() <= g.x() + SAME_POINT && r.y1() <= baseline
                    && r.y2() >= baseline - g.size() / 2) {
                return true;
            }
        }
        return false;
    }

    /** A span with the nearest rules above and below it that run across it (NaN when there are none). */
    private static Span span(String text, double left, double right, double size, double baseline,
            List<Rule> horizontal, double maxBand) {
        double above = Double.NEGATIVE_INFINITY;
        double below = Double.POSITIVE_INFINITY;
        for (Rule r : horizontal) {
            if (r.x1() > left + SAME_POINT || r.x2() < right - SAME_POINT) {
                continue; // does not run across this text
            }
            if (r.y1() <= baseline - size / 2) {
                above = Math.max(above, r.y1());
            } else if (r.y1() >= baseline) {
                below = Math.min(below, r.y1());
            }
        }
        boolean banded = Double.isFinite(above) && Double.isFinite(below) && below - above <= maxBand;
        return new Span(text.strip(), left, right, size, banded ? above : Double.NaN, banded ? below : Double.NaN);
    }

    // ---- page headers, footers and numbers ----

    /** Lines at the top or bottom of pages that are page numbers, or the same text on many pages. */
    private static Set<Line> furniture(List<List<Line>> pages) {
        Map<String, Set<Integer>> pagesOf = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            for (Line l : edges(pages.get(p))) {
                pagesOf.computeIfAbsent(key(l), k -> new HashSet<>()).add(p);
            }
        }
        int repeated = Math.max(2, (pages.size() + 1) / 2);
        Set<Line> out = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (List<Line> page : pages) {
            for (Line l : edges(page)) {
                boolean banded = l.spans().stream().anyMatch(Span::banded);
                if (banded) {
                    continue; // inside a ruled table: content, even when it repeats (a header row)
                }
                if (PAGE_NUMBER.matcher(l.text().strip()).matches()
                        || (l.spans().size() <= 2 && pagesOf.get(key(l)).size() >= repeated)) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    private static List<Line> edges(List<Line> page) {
        if (page.size() <= 2 * FURNITURE_LINES) {
            return page;
        }
        List<Line> out = new ArrayList<>(page.subList(0, FURNITURE_LINES));
        out.addAll(page.subList(page.size() - FURNITURE_LINES, page.size()));
        return out;
    }

    /** A line's text without spaces and with every figure as #, so 第1页 and 第2页 compare equal. */
    private static String key(Line l) {
        return l.text().replaceAll("\\s+", "").replaceAll("\\d+", "#").toLowerCase(Locale.ROOT);
    }

    // ---- rows ----

    /** A row being built: cells as clusters of spans that overlap horizontally. */
    private static final class Building {
        final double y;
        final double above;
        final double below;
        final List<Cluster> clusters = new ArrayList<>();
        Line last;

        Building(Line first) {
            this.y = first.y();
            double[] band = band(first);
            this.above = band == null ? Double.NaN : band[0];
            this.below = band == null ? Double.NaN : band[1];
            for (Span s : first.spans()) {
                clusters.add(new Cluster(s));
            }
            last = first;
        }

        boolean banded() {
            return !Double.isNaN(above);
        }
    }

    private static final class Cluster {
        final StringBuilder text = new StringBuilder();
        double left;
        double right;
        /** The right end of the cluster's last line, and its size. */
        double lineRight;
        double size;

        Cluster(Span s) {
            text.append(s.text());
            left = s.left();
            right = s.right();
            lineRight = s.right();
            size = s.size();
        }

        boolean overlaps(Span s) {
            return s.left() < right + SAME_POINT && s.right() > left - SAME_POINT;
        }
    }

    /** The rows of one page's lines: lines in one ruled band, or wrapped lines of a borderless table, join. */
    private static List<Row> merge(List<Line> lines, Page page) {
        List<Rule> vertical = new ArrayList<>();
        for (Rule r : page.rules()) {
            if (!r.horizontal()) {
                vertical.add(r);
            }
        }
        double textRight = 0;
        for (Line l : lines) {
            textRight = Math.max(textRight, l.spans().get(l.spans().size() - 1).right());
        }
        List<Row> rows = new ArrayList<>();
        Building cur = null;
        for (Line line : lines) {
            if (cur != null && continues(cur, line)) {
                add(cur, line, vertical, textRight);
                continue;
            }
            if (cur != null) {
                rows.add(finish(cur, vertical));
            }
            cur = new Building(line);
        }
        if (cur != null) {
            rows.add(finish(cur, vertical));
        }
        return rows;
    }

    /** The band most of a line's spans lie in, or null. */
    private static double[] band(Line line) {
        Map<String, double[]> bands = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        for (Span s : line.spans()) {
            if (!s.banded()) {
                continue;
            }
            String k = Math.round(s.above()) + ":" + Math.round(s.below());
            bands.putIfAbsent(k, new double[] {s.above(), s.below()});
            int n = counts.merge(k, 1, Integer::sum);
            if (best == null || n > counts.get(best)) {
                best = k;
            }
        }
        return best == null ? null : bands.get(best);
    }

    private static boolean continues(Building row, Line line) {
        double[] band = band(line);
        if (row.banded() || band != null) {
            // a ruled table: the lines between the same two borders are one row
            return row.banded() && band != null && Math.abs(band[0] - row.above) <= SAME_POINT
                    && Math.abs(band[1] - row.below) <= SAME_POINT && !startsRow(row, line);
        }
        // no rules: a line right under the one above, with fewer cells, each under one of the row's cells and
        // none under its first (a row's number or name), is the rest of wrapped cells
        Line last = row.last;
        if (line.y() - last.y() > TIGHT_LEADING * Math.max(last.size(), line.size())
                || line.spans().size() >= last.spans().size() || row.clusters.size() < 2) {
            return false;
        }
        Cluster first = row.clusters.get(0);
        for (Span s : line.spans()) {
            if (first.overlaps(s) || row.clusters.stream().noneMatch(c -> c.overlaps(s))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A line that starts a row of its own although no border parts it from the one above (a 三线表, ruled only
     * above and below the header and under the table): its cell under the row's first is a number or code
     * (序号 and 编码 never wrap, so that cell is a new row's).
     */
    private static boolean startsRow(Building row, Line line) {
        Cluster first = row.clusters.get(0);
        Span lead = null;
        for (Span s : line.spans()) {
            if (first.overlaps(s)) {
                lead = s;
                break;
            }
        }
        if (lead == null) {
            return false;
        }
        return ORDINAL.matcher(lead.text()).matches() || SECTION.matcher(lead.text()).lookingAt();
    }

    private static void add(Building row, Line line, List<Rule> vertical, double textRight) {
        for (Span s : line.spans()) {
            Cluster target = null;
            double best = 0;
            for (Cluster c : row.clusters) {
                double overlap = Math.min(c.right, s.right()) - Math.max(c.left, s.left());
                if (c.overlaps(s) && (target == null || overlap > best)) {
                    target = c;
                    best = overlap;
                }
            }
            if (target == null) {
                row.clusters.add(new Cluster(s));
                continue;
            }
            double border = border(row, target, vertical, textRight);
            String joint = joint(target.text, target.lineRight, border, target.size, s.text());
            target.text.append(joint).append(s.text());
            target.left = Math.min(target.left, s.left());
            target.right = Math.max(target.right, s.right());
            target.lineRight = s.right();
            target.size = Math.max(target.size, s.size());
        }
        row.clusters.sort(Comparator.comparingDouble(c -> c.left));
        row.last = line;
    }

    /** Where a cell's lines end: the vertical rule right of it, else the next cell, else the text's right edge. */
    private static double border(Building row, Cluster c, List<Rule> vertical, double textRight) {
        double border = Double.POSITIVE_INFINITY;
        for (Rule r : vertical) {
            if (r.x1() >= c.right - SAME_POINT && crosses(r, row)) {
                border = Math.min(border, r.x1());
            }
        }
        if (Double.isFinite(border)) {
            return border;
        }
        for (Cluster other : row.clusters) {
            if (other.left > c.right) {
                border = Math.min(border, other.left);
            }
        }
        return Double.isFinite(border) ? border : textRight;
    }

    private static boolean crosses(Rule vertical, Building row) {
        double top = row.banded() ? row.above : row.y;
        double bottom = row.banded() ? row.below : row.last.y();
        return vertical.y1() <= bottom && vertical.y2() >= top;
    }

    /**
     * How two lines of one cell join: a line wrapped at the border continues the word (nothing between
     * Chinese characters, a space between Latin words); a line broken early starts a new part (「；」, as
     * tiers on lines of a price cell), except an English line under a Chinese one (a bilingual cell: a
     * space, as a line break reads in an HTML cell).
     */
    static String joint(CharSequence before, double lineRight, double border, double size, String after) {
        if (before.length() == 0 || after.isEmpty()) {
            return "";
        }
        char a = before.charAt(before.length() - 1);
        char b = after.charAt(0);
        if ("；;，,。：:、（(".indexOf(a) >= 0 || "；;，,。：:、）)".indexOf(b) >= 0) {
            return "";
        }
        if (!cjk(a) && !cjk(b) || latinLetter(a) || latinLetter(b)) {
            return " "; // Latin words, or an English word beside Chinese, were apart by a space
        }
        if (hasCjk(before) && !hasCjk(after) && Character.isLetter(b)) {
            return " ";
        }
        return lineRight >= border - WRAP_SLACK * size ? "" : "；";
    }

    private static boolean latinLetter(char c) {
        return c < '\u0250' && Character.isLetter(c);
    }

    private static boolean cjk(char c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || (c >= '\u3000' && c <= '\u303f') || (c >= '\uff00' && c <= '\uffef');
    }

    private static boolean hasCjk(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }

    /** The row's cells; in a ruled table each starts at the vertical rule on its left, so columns line up. */
    private static Row finish(Building row, List<Rule> vertical) {
        List<Cell> cells = new ArrayList<>(row.clusters.size());
        for (Cluster c : row.clusters) {
            double left = c.left;
            if (row.banded()) {
                double snapped = Double.NEGATIVE_INFINITY;
                for (Rule r : vertical) {
                    if (r.x1() <= c.left + SAME_POINT && crosses(r, row)) {
                        snapped = Math.max(snapped, r.x1());
                    }
                }
                if (Double.isFinite(snapped)) {
                    left = snapped;
                }
            }
            cells.add(new Cell(c.text.toString(), left, c.size));
        }
        return new Row(row.y, cells);
    }
}
