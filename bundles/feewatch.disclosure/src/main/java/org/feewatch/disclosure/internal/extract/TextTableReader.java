package org.feewatch.disclosure.internal.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.feewatch.disclosure.internal.extract.Vocabulary.Role;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Catalogue tables that lost their table markup on the way from a PDF to HTML: pdftohtml's plain
 * output (one {@code <br>} a row, cells apart by no-break spaces) and its positioned output (one
 * absolutely positioned element a cell, rows by their {@code top}, columns by their {@code left}).
 * The rows are rebuilt as a table and read by the {@link TableReader}, so headers, continuation
 * rows (a cell wrapped onto a second line) and sections work as in a real table. Locators point
 * at the container: the rows have no element of their own.
 */
final class TextTableReader {

    /**
     * Cells of a text row: runs of no-break spaces, tabs or ideographic spaces, two and more spaces, or
     * a bar (｜, |) separate them.
     */
    private static final Pattern CELL_GAP = Pattern.compile("\\s*[｜|]\\s*|[\\u00a0\\t\\u3000]+\\s*|\\s{2,}");
    /** Cells of a row written as comma-separated text (收费项目，服务内容，收费标准): tried when the gaps give no header. */
    private static final Pattern CELL_COMMA = Pattern.compile("\\s*[，,]\\s*");
    private static final Pattern TOP = Pattern.compile("(?:^|;)\\s*top\\s*:\\s*(-?\\d+(?:\\.\\d+)?)px");
    private static final Pattern LEFT = Pattern.compile("(?:^|;)\\s*left\\s*:\\s*(-?\\d+(?:\\.\\d+)?)px");
    /** Fewer positioned cells or text lines than this are no table. */
    private static final int MIN_CELLS = 6;
    private static final int MIN_LINES = 3;
    /** The header is looked for among the first rows only. */
    private static final int HEADER_SCAN_ROWS = 10;
    /** Pixels within which two cells are on one row, and within which a cell starts its column. */
    private static final double ROW_TOLERANCE = 4;
    private static final double COLUMN_TOLERANCE = 8;

    private final Vocabulary vocabulary;
    private final TableReader tables;
    private final Locators locators;
    /** Rows rebuilt at most: a few for every item the page may give (tiers and wrapped cells take rows). */
    private final int maxRows;

    TextTableReader(Vocabulary vocabulary, TableReader tables, Locators locators, ExtractionLimits limits) {
        this.vocabulary = vocabulary;
        this.tables = tables;
        this.locators = locators;
        this.maxRows = Math.max(MIN_LINES, limits.maxItems() * 4);
    }

    /** Reads the container's rebuilt table into {@code out}; false (nothing added) when it holds none. */
    boolean read(Element container, Headings headings, FeeItems out, List<String> notes) {
        List<Element> rowElements = new ArrayList<>();
        List<Element> firstCells = new ArrayList<>();
        List<List<String>> rows = gridRows(container, rowElements);
        if (rows == null) {
            rows = positionedRows(container, firstCells);
        }
        if (rows == null) {
            rows = flatGridRows(container);
        }
        if (rows == null) {
            rows = lineRows(container);
        }
        if (rows == null && container.normalName().equals("pre")) {
            rows = preRows(container);
        }
        if (rows == null) {
            return false;
        }
        Element table = rebuild(rows);
        if (table == null) {
            return false;
        }
        locators.alias(table, container);
        List<Element> built = table.children();
        for (int i = 0; i < built.size(); i++) {
            // a row of <div>s is located by itself; a text line has no element but the container, except
            // in a PDF, where the line's first cell says on which page the row stands
            Element at = i < rowElements.size() ? rowElements.get(i)
                    : locators.byPage() && i < firstCells.size() ? firstCells.get(i) : container;
            locators.alias(built.get(i), at);
        }
        int before = out.items().size();
        return tables.read(table, headings, out, notes) && out.items().size() > before;
    }

    /**
     * The rows of a table made of blocks (a CSS table: {@code <div class="row">} of {@code <div class="cell">},
     * or {@code <li>} of {@code <span>}s): every child of the container has the same number (two or more)
     * of element children, and one of the first rows is a header. Null when the container is no such grid.
     */
    private List<List<String>> gridRows(Element container, List<Element> rowElements) {
        List<Element> children = container.children();
        if (children.size() < 2) {
            return null;
        }
        int width = -1;
        for (Element row : children) {
            int n = row.childrenSize();
            String tag = row.normalName();
            if (n < 2 || tag.equals("tr") || tag.equals("table") || tag.equals("tbody") || (width >= 0 && n != width)) {
                return null;
            }
            width = n;
        }
        int header = -1;
        for (int r = 0; r < children.size() && r < HEADER_SCAN_ROWS && header < 0; r++) {
            List<String> cells = new ArrayList<>(width);
            for (Element cell : children.get(r).children()) {
                cells.add(Texts.clean(cell.text()));
            }
            header = isHeader(cells) ? r : -1;
        }
        if (header < 0) {
            return null; // most such containers are lists of cards or links, not tables
        }
        List<List<String>> rows = new ArrayList<>(children.size());
        for (Element row : children) {
            if (rows.size() >= maxRows) {
                break;
            }
            List<String> cells = new ArrayList<>(width);
            for (Element cell : row.children()) {
                cells.add(Texts.clean(cell.text()));
            }
            rows.add(cells);
            rowElements.add(row);
        }
        return rows;
    }

    /**
     * The rows of a CSS grid whose cells are the container's own children, one after another
     * ({@code display:grid; grid-template-columns: …} with no row elements): the leading children that
     * name columns are the header and give the width, and every later child fills the next cell.
     * Null unless those leading children make a header and the cells fill whole rows.
     */
    private List<List<String>> flatGridRows(Element container) {
        List<Element> children = container.children();
        int width = 0;
        while (width < children.size() && width < MAX_FLAT_COLUMNS) {
            Element cell = children.get(width);
            if (cell.childrenSize() > 2 || cell.attr("style").contains("position")) {
                break;
            }
            String text = BoundedText.shortText(cell, MAX_HEADER_CELL, false); // a cell of a whole page costs nothing
            if (text == null || vocabulary.roleOfHeader(text) == null) {
                break;
            }
            width++;
        }
        if (width < 2 || children.size() < width * 2 || children.size() % width != 0) {
            return null;
        }
        List<String> header = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            header.add(Texts.clean(children.get(c).text()));
        }
        if (!isHeader(header)) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>(children.size() / width);
        for (int start = 0; start < children.size() && rows.size() < maxRows; start += width) {
            List<String> cells = new ArrayList<>(width);
            for (int c = start; c < start + width; c++) {
                Element cell = children.get(c);
                if (cell.normalName().equals("table") || cell.normalName().equals("tr")) {
                    return null;
                }
                cells.add(Texts.clean(cell.text()));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** A header of a flat grid names at most this many columns. */
    private static final int MAX_FLAT_COLUMNS = 16;

    /** A positioned cell: its text, where it stands, and its element. */
    private record Cell(String text, double top, double left, Element element) {
    }

    /**
     * The rows of positioned children (pdftohtml -c / -s), cells in columns under the header; null when there
     * are none. {@code firstCells} gets each row's first cell, in order.
     */
    private List<List<String>> positionedRows(Element container, List<Element> firstCells) {
        List<Cell> cells = new ArrayList<>();
        for (Element child : container.children()) {
            String style = child.attr("style").toLowerCase(java.util.Locale.ROOT);
            if (!style.contains("absolute")) {
                continue;
            }
            Matcher top = TOP.matcher(style);
            Matcher left = LEFT.matcher(style);
            String text = Texts.clean(child.text());
            if (top.find() && left.find() && !text.isEmpty()) {
                cells.add(new Cell(text, Double.parseDouble(top.group(1)), Double.parseDouble(left.group(1)), child));
            }
        }
        if (cells.size() < MIN_CELLS) {
            return null;
        }
        cells.sort(Comparator.comparingDouble(Cell::top).thenComparingDouble(Cell::left));
        List<List<Cell>> lines = new ArrayList<>();
        double rowTop = Double.NaN;
        for (Cell c : cells) {
            if (lines.isEmpty() || c.top() - rowTop > ROW_TOLERANCE) {
                lines.add(new ArrayList<>());
                rowTop = c.top();
            }
            lines.get(lines.size() - 1).add(c);
        }
        // a PDF's first page may hold a title and paragraphs before the table: the header is looked for
        // on every line, and only the lines just above it (a caption, 单位：元, a section) are kept
        int header = -1;
        for (int r = 0; r < lines.size() && r < maxRows; r++) {
            if (isHeader(texts(lines.get(r)))) {
                header = r;
                break;
            }
        }
        if (header < 0) {
            return null;
        }
        List<Cell> heads = lines.get(header);
        List<List<String>> rows = new ArrayList<>();
        for (int r = Math.max(0, header - (HEADER_SCAN_ROWS - 1)); r < lines.size(); r++) {
            List<Cell> line = lines.get(r);
            firstCells.add(line.get(0).element());
            if (r < header) {
                rows.add(List.of(String.join(" ", texts(line))));
                continue;
            }
            if (r > header && line.size() >= 2 && isHeader(texts(line))) {
                heads = line; // a header again: the same table on a new page, or the next table with its columns
            }
            String[] row = new String[heads.size()];
            for (Cell c : line) {
                int col = 0;
                for (int k = 0; k < heads.size(); k++) {
                    if (heads.get(k).left() <= c.left() + COLUMN_TOLERANCE) {
                        col = k;
                    }
                }
                row[col] = row[col] == null ? c.text() : row[col] + c.text();
            }
            List<String> cellsOfRow = new ArrayList<>(row.length);
            for (String s : row) {
                cellsOfRow.add(s == null ? "" : s);
            }
            rows.add(cellsOfRow);
        }
        return rows;
    }

    /** The rows of {@code <br>}-separated text lines whose cells are apart by no-break spaces; null when there are none. */
    private List<List<String>> lineRows(Element container) {
        int brs = 0;
        for (Element child : container.children()) {
            brs += child.normalName().equals("br") ? 1 : 0;
        }
        if (brs < MIN_LINES - 1) {
            return spacedRows(container); // no line breaks: maybe one block a line
        }
        boolean gaps = false;
        for (Node node : container.childNodes()) {
            if (node instanceof TextNode t && (CELL_GAP.matcher(t.getWholeText().strip()).find()
                    || CELL_COMMA.matcher(t.getWholeText()).find())) {
                gaps = true;
                break;
            }
        }
        if (!gaps) {
            return null; // lines without a gap between cells (prose broken into lines)
        }
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int breaks = 0;
        for (Node node : container.childNodes()) {
            if (node instanceof TextNode t) {
                cur.append(t.getWholeText());
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("br")) {
                    breaks++;
                    endLine(lines, cur);
                } else if (BoundedText.BLOCK_TAGS.contains(tag) || tag.equals("hr") || tag.equals("table")) {
                    endLine(lines, cur);
                } else if (!CatalogueReader.SKIPPED_TAGS.contains(tag)) {
                    cur.append(e.wholeText());
                }
            }
        }
        endLine(lines, cur);
        if (breaks < MIN_LINES - 1 || lines.size() < MIN_LINES) {
            return null;
        }
        return splitRows(lines);
    }

    /** The lines of a {@code <pre>} block (a table typed as text: cells apart by bars or aligned by spaces). */
    private List<List<String>> preRows(Element pre) {
        String text = pre.wholeText();
        if (text.length() > maxRows * 200) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\r?\\n")) {
            if (!Texts.clean(line).isEmpty()) {
                lines.add(line);
            }
        }
        return lines.size() < 2 ? null : splitRows(lines);
    }

    /**
     * pdf2htmlEX's output: one block a text line, the cells of a line apart by spacer elements
     * ({@code <span class="_ _3"> </span>}: an inline element holding nothing but space) or by runs of
     * no-break spaces. Null when the container's blocks are not such lines.
     */
    private List<List<String>> spacedRows(Element container) {
        List<Element> children = container.children();
        if (children.size() < MIN_LINES) {
            return null;
        }
        List<String> lines = new ArrayList<>(children.size());
        boolean spaced = false;
        for (Element line : children) {
            if (line.normalName().equals("img") || line.normalName().equals("a") && line.text().isBlank()) {
                continue; // a page's background image, an anchor
            }
            if (!BoundedText.BLOCK_TAGS.contains(line.normalName()) || line.normalName().equals("table")) {
                return null;
            }
            StringBuilder cur = new StringBuilder();
            for (Node node : line.childNodes()) {
                if (node instanceof TextNode t) {
                    cur.append(t.getWholeText());
                } else if (node instanceof Element e && !BoundedText.BLOCK_TAGS.contains(e.normalName())) {
                    if (e.normalName().equals("br")) {
                        return null; // lines broken inside a block: not one block a line
                    }
                    if (e.text().isBlank() && e.children().isEmpty() && !e.normalName().equals("img")) {
                        cur.append('\t'); // a spacer between two cells
                        spaced = true;
                    } else {
                        cur.append(e.wholeText());
                    }
                } else if (node instanceof Element) {
                    return null; // a block inside a line: not a text line
                }
            }
            String text = cur.toString();
            spaced |= hasGap(text);
            lines.add(text);
        }
        return spaced ? splitRows(lines) : null;
    }

    /** A gap between cells inside a line (not at its ends): ideographic spaces, a bar, a run of spaces. */
    private static boolean hasGap(String line) {
        return CELL_GAP.matcher(line.strip()).find();
    }

    /**
     * Text lines split into cells under the first line that is a header; null when none is. The cells
     * are apart by gaps, or, when the header is written so, by commas; rows are split as the header is.
     */
    private List<List<String>> splitRows(List<String> lines) {
        int header = -1;
        int width = 0;
        Pattern separator = null;
        for (int r = 0; r < lines.size() && r < HEADER_SCAN_ROWS && header < 0; r++) {
            for (Pattern sep : new Pattern[] {CELL_GAP, CELL_COMMA}) {
                List<String> cells = split(lines.get(r), sep);
                if (cells.size() >= 2 && isHeader(cells)) {
                    header = r;
                    width = cells.size();
                    separator = sep;
                    break;
                }
            }
        }
        if (header < 0) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < lines.size(); r++) {
            List<String> cells = split(lines.get(r), separator);
            if (r < header || nonEmpty(cells) < 2) {
                rows.add(List.of(Texts.clean(lines.get(r))));
                continue;
            }
            List<String> row = new ArrayList<>(cells.subList(0, Math.min(width, cells.size())));
            if (cells.size() > width) {
                // more gaps than columns: the rest belongs to the last column
                row.set(width - 1, Texts.join(cells.subList(width - 1, cells.size()), " "));
            }
            while (row.size() < width) {
                row.add("");
            }
            rows.add(row);
        }
        return rows;
    }

    private static int nonEmpty(List<String> cells) {
        int n = 0;
        for (String c : cells) {
            n += c.isEmpty() ? 0 : 1;
        }
        return n;
    }

    private static void endLine(List<String> lines, StringBuilder cur) {
        if (!Texts.clean(cur.toString()).isEmpty()) {
            lines.add(cur.toString());
        }
        cur.setLength(0);
    }

    /**
     * A line's cells. Gaps of white space cannot be empty cells (runs merge), so empty parts are dropped;
     * between bars and commas an empty part is an empty cell (「延迟用款违约金，，0.5%」), kept in its place.
     */
    private static List<String> split(String line, Pattern separator) {
        List<String> cells = new ArrayList<>();
        String[] parts = separator.split(line.strip());
        boolean keepEmpty = separator == CELL_COMMA || line.indexOf('｜') >= 0 || line.indexOf('|') >= 0;
        for (String part : parts) {
            String t = Texts.clean(part);
            if (!t.isEmpty() || keepEmpty) {
                cells.add(t);
            }
        }
        return cells;
    }

    private static List<String> texts(List<Cell> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            out.add(c.text());
        }
        return out;
    }

    /**
     * A header row: a cell naming the item column and one naming a price, content or basis column,
     * and no figure in any cell (项目1 | 说明1 is a row of data that happens to hold column words).
     */
    private boolean isHeader(List<String> cells) {
        boolean item = false;
        boolean other = false;
        int named = 0;
        for (String t : cells) {
            for (int i = 0; i < t.length(); i++) {
                if (Character.isDigit(t.charAt(i))) {
                    return false;
                }
            }
            if (t.length() > MAX_HEADER_CELL || t.endsWith("：") || t.endsWith(":")) {
                return false; // a clause of prose (…收费项目公布如下：), not a column's title
            }
            Role role = vocabulary.roleOfHeader(t);
            named += role != null ? 1 : 0;
            if (role == Role.ITEM) {
                item = true;
            } else if (role != null && role != Role.NUMBER && role != Role.CATEGORY) {
                other = true;
            }
        }
        // most cells of a header name a column (a line of prose may name two by chance)
        return item && other && named * 2 >= cells.size();
    }

    /** Header cells longer than this are text. */
    private static final int MAX_HEADER_CELL = 40;

    /** The rows as a table: a row of one cell spans the table (a title or a section). */
    private Element rebuild(List<List<String>> rows) {
        if (rows.size() > maxRows) {
            rows = rows.subList(0, maxRows); // more rows than items can come from: the item limit stops reading anyway
        }
        int width = 0;
        for (List<String> row : rows) {
            width = Math.max(width, row.size());
        }
        if (width < 2) {
            return null;
        }
        Element table = new Element("table");
        for (List<String> row : rows) {
            Element tr = table.appendElement("tr");
            for (String cell : row) {
                Element td = tr.appendElement("td").text(cell);
                if (row.size() == 1) {
                    td.attr("colspan", Integer.toString(width));
                }
            }
        }
        return table;
    }
}
