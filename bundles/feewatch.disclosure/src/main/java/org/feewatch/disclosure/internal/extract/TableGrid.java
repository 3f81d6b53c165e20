package org.feewatch.disclosure.internal.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;

/**
 * A table's own rows (not those of nested tables) expanded into a rectangular grid: a cell with
 * rowspan/colspan occupies every position it covers, so each row can be read column by column.
 * The grid is bounded by {@link ExtractionLimits}: spans are clamped, extra columns and rows are
 * dropped and {@link #truncated()} says so.
 */
final class TableGrid {

    private final List<Element> rows;
    private final List<Element[]> cells = new ArrayList<>();
    private final ExtractionLimits limits;
    /** pendingCell[c] is the cell still covering column c from a row above, for pendingRows[c] more rows. */
    private final Element[] pendingCell;
    private final int[] pendingRows;
    private final Element[] scratch;
    private final Map<Element, String> texts = new IdentityHashMap<>();
    private int width;
    private long cellsUsed;
    private boolean truncated;

    private TableGrid(List<Element> rows, ExtractionLimits limits) {
        this.rows = rows;
        this.limits = limits;
        this.pendingCell = new Element[limits.maxColumns()];
        this.pendingRows = new int[limits.maxColumns()];
        this.scratch = new Element[limits.maxColumns()];
    }

    /** The table's own rows: children of the table or of its thead/tbody/tfoot. */
    static List<Element> ownRows(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            String tag = child.normalName();
            if (tag.equals("tr")) {
                rows.add(child);
            } else if (tag.equals("thead") || tag.equals("tbody") || tag.equals("tfoot")) {
                for (Element r : child.children()) {
                    if (r.normalName().equals("tr")) {
                        rows.add(r);
                    }
                }
            }
        }
        return rows;
    }

    /** The grid of a table; rows are expanded as they are asked for, so reading stops cost nothing more. */
    static TableGrid of(Element table, ExtractionLimits limits) {
        return new TableGrid(ownRows(table), limits);
    }

    /** True when row {@code r} exists within the limits (expanding the rows up to it). */
    boolean has(int r) {
        while (cells.size() <= r && !truncated && cells.size() < rows.size()) {
            expand(cells.size());
        }
        return r < cells.size();
    }

    private void expand(int r) {
        Element row = rows.get(r);
        Element[] line = scratch;
        java.util.Arrays.fill(line, null);
        int c = 0;
        for (Element cell : row.children()) {
            String tag = cell.normalName();
            if (!tag.equals("td") && !tag.equals("th")) {
                continue;
            }
            while (c < line.length && pendingRows[c] > 0) {
                c++;
            }
            if (c >= line.length) {
                break;
            }
            int colspan = span(cell.attr("colspan"), limits.maxSpan());
            int rowspan = span(cell.attr("rowspan"), limits.maxSpan());
            if (cell.attr("rowspan").trim().equals("0")) {
                rowspan = rows.size() - r; // rowspan=0: to the end of the table
            }
            for (int k = 0; k < colspan && c < line.length; k++) {
                line[c] = cell;
                if (rowspan > 1) {
                    pendingCell[c] = cell;
                    pendingRows[c] = rowspan; // counts this row; decremented below
                }
                c++;
            }
        }
        // cells spanning down from rows above
        for (int k = 0; k < line.length; k++) {
            if (pendingRows[k] > 0) {
                if (line[k] == null) {
                    line[k] = pendingCell[k];
                }
                if (--pendingRows[k] == 0) {
                    pendingCell[k] = null;
                }
            }
        }
        int used = 0;
        for (int k = line.length - 1; k >= 0; k--) {
            if (line[k] != null) {
                used = k + 1;
                break;
            }
        }
        cellsUsed += Math.max(used, 1);
        if (cellsUsed > limits.maxTableCells()) {
            truncated = true;
            return;
        }
        width = Math.max(width, used);
        cells.add(java.util.Arrays.copyOf(line, used));
    }

    /** A rowspan or colspan attribute's value: 1 unless it starts with a figure above 1, at most {@code max}. */
    static int span(String value, int max) {
        String v = value.trim();
        if (v.isEmpty()) {
            return 1;
        }
        int n = 0;
        for (int i = 0; i < v.length() && i < 9; i++) {
            char ch = v.charAt(i);
            if (ch < '0' || ch > '9') {
                break;
            }
            n = n * 10 + (ch - '0');
        }
        return Math.max(1, Math.min(n, max));
    }

    /** Rows expanded so far. */
    int height() {
        return cells.size();
    }

    /** The widest row expanded so far. */
    int width() {
        return width;
    }

    /** True when rows were left out: past the cell limit, or wider than the column limit. */
    boolean truncated() {
        return truncated;
    }

    Element row(int r) {
        return rows.get(r);
    }

    /** The cell covering (r, c), or null when the row is short there. */
    Element cell(int r, int c) {
        Element[] line = cells.get(r);
        return c < line.length ? line[c] : null;
    }

    /** True when the cell at (r, c) started in a row above (it spans down into r). */
    boolean spannedFromAbove(int r, int c) {
        Element e = cell(r, c);
        return e != null && r > 0 && cell(r - 1, c) == e;
    }

    /** True when the cell at (r, c) started in a column to the left (it spans across into c). */
    boolean spannedFromLeft(int r, int c) {
        Element e = cell(r, c);
        return e != null && c > 0 && cell(r, c - 1) == e;
    }

    /** The cleaned text of a cell ("" for none), computed once per cell. */
    String text(Element cell) {
        if (cell == null) {
            return "";
        }
        return texts.computeIfAbsent(cell, e -> Texts.clean(e.text()));
    }

    /** Lines of a cell's text joined by more than this many characters are not split. */
    private static final int MAX_LINES_CHARS = 2_000;

    /**
     * The cell's text with its lines (runs between {@code <br>}s and block children such as {@code <p>})
     * joined by 「；」: tiers written on lines of one cell (100万元以下：每笔500元<br>100万元以上：每笔1000元)
     * stay apart. The plain {@link #text(Element)} when the cell has one line, is long, or holds a table
     * (whose rows the plain text keeps together with their cells).
     */
    String lines(Element cell) {
        List<String> lines = lineList(cell);
        return lines.size() <= 1 ? text(cell) : String.join("；", lines);
    }

    /**
     * The lines of a cell (runs between {@code <br>}s and block children such as {@code <p>}); one line,
     * its plain text, when the cell has no such break, is long, or holds a table.
     */
    List<String> lineList(Element cell) {
        String plain = text(cell);
        if (cell == null || plain.length() > MAX_LINES_CHARS || !cell.getElementsByTag("table").isEmpty()
                || (cell.getElementsByTag("br").isEmpty()
                && cell.children().stream().noneMatch(ch -> BoundedText.BLOCK_TAGS.contains(ch.normalName())))) {
            return plain.isEmpty() ? List.of() : List.of(plain);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        cell.traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof org.jsoup.nodes.TextNode t) {
                    cur.append(t.getWholeText());
                } else if (depth > 0 && node instanceof Element e
                        && (e.normalName().equals("br") || BoundedText.BLOCK_TAGS.contains(e.normalName()))) {
                    endLine(lines, cur);
                }
            }

            @Override
            public void tail(org.jsoup.nodes.Node node, int depth) {
                if (depth > 0 && node instanceof Element e && BoundedText.BLOCK_TAGS.contains(e.normalName())) {
                    endLine(lines, cur);
                }
            }
        });
        endLine(lines, cur);
        return lines.isEmpty() && !plain.isEmpty() ? List.of(plain) : lines;
    }

    private static void endLine(List<String> lines, StringBuilder cur) {
        String t = Texts.clean(cur.toString());
        if (!t.isEmpty()) {
            lines.add(t);
        }
        cur.setLength(0);
    }

    String text(int r, int c) {
        return text(cell(r, c));
    }
}
