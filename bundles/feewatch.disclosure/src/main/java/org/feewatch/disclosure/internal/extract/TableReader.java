package org.feewatch.disclosure.internal.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.feewatch.api.Price;
import org.feewatch.disclosure.internal.extract.Vocabulary.Role;
import org.jsoup.nodes.Element;

/**
 * Reads a price-catalogue table: finds the header row (or rows, for two-level headers) by the
 * column vocabulary, then reads each data row as an item. Rows whose item cell is empty or is
 * the same (rowspan) cell as the row above continue the item above (tiers split over rows); a
 * row with a single cell across the table, or a numbered heading such as 一、政府指导价, opens a
 * section whose pricing basis applies to every row below it.
 */
final class TableReader {

    private static final java.util.regex.Pattern LONE_NUMBER = java.util.regex.Pattern.compile("[\\d.\\-]+");
    /** An ordinal alone, as category rows number themselves: （一）, (二), 三、, 四. */
    private static final java.util.regex.Pattern CATEGORY_ORDINAL = java.util.regex.Pattern.compile(
            "[（(]?[一二三四五六七八九十]+[)）、.．]?");
    /** How the names of fee classes end (贷款类, 结算类业务, 贷款业务类). */
    private static final List<String> CLASS_ENDINGS = List.of("类", "类业务", "类服务", "类收费", "类项目", "业务类");
    /** Header rows are looked for among the first rows only. */
    private static final int HEADER_SCAN_ROWS = 10;

    private final Vocabulary vocabulary;
    private final ExtractionLimits limits;
    private final Locators locators;

    TableReader(Vocabulary vocabulary, ExtractionLimits limits, Locators locators) {
        this.vocabulary = vocabulary;
        this.limits = limits;
        this.locators = locators;
    }

    /**
     * Reads the table into {@code out}; returns false (adding nothing) when it is no catalogue
     * table (no header naming an item column and a price, content or basis column).
     */
    boolean read(Element table, Headings context, FeeItems out, List<String> notes) {
        TableGrid grid = TableGrid.of(table, limits);
        int header = -1;
        for (int r = 0; r < HEADER_SCAN_ROWS && grid.has(r); r++) {
            if (isHeader(grid, r)) {
                header = r;
                break;
            }
        }
        Columns continued = null;
        if (header < 0) {
            // labels down the first column, one item a column: read it turned
            Element turned = transposed(table, grid);
            if (turned != null) {
                return read(turned, context, out, notes);
            }
            // the rest of the catalogue above, split off under a heading without repeating its header
            continued = continuation(table, grid, out);
            if (continued == null) {
                return tierTable(table, grid, context, out);
            }
        }
        Headings headings = context;
        String money = null;
        for (Element child : table.children()) {
            if (child.normalName().equals("caption")) {
                String caption = Texts.clean(child.text());
                money = money != null ? money : moneyUnitOf(caption);
                if (!caption.isEmpty() && caption.length() <= 80) {
                    headings = headings.open(caption, 3, false, vocabulary);
                }
            }
        }
        for (int above = 0; above < header; above++) {
            if (money == null) {
                money = moneyUnitOf(textOf(grid, distinctNonEmpty(grid, above))); // 单位：人民币元, 单位：万元
            }
        }
        int first = out.items().size();
        Columns columns = continued != null ? continued : new Columns(limits.maxColumns());
        columns.money = columns.money != null ? columns.money : money;
        int r = continued != null ? 0 : columns.assign(grid, header);
        Element halves = continued == null ? sideBySide(table, grid, columns, header, r) : null;
        if (halves != null) {
            footnotesOf = table;
            return read(halves, context, out, notes); // read again with the halves one under the other
        }
        Element split = continued == null ? splitLineRows(table, grid, columns, r) : null;
        if (split != null) {
            footnotesOf = table;
            return read(split, context, out, notes); // read again with one row an item
        }
        Item current = null;
        Element classCell = null;
        for (; grid.has(r) && !out.full(); r++) {
            if (mayBeHeader(grid, r) && isHeader(grid, r)) {
                flush(current, grid, columns, out);
                current = null;
                String tableMoney = columns.money;
                columns = new Columns(limits.maxColumns());
                columns.money = tableMoney;
                r = columns.assign(grid, r) - 1;
                continue;
            }
            List<Element> cells = distinctNonEmpty(grid, r);
            if (cells.isEmpty()) {
                continue;
            }
            String category = categoryRow(grid, r, cells, columns);
            if (category != null) {
                // 「（一） | 贷款类 | | |」: an ordinal in the number column and a class name, nothing else
                flush(current, grid, columns, out);
                current = null;
                int depth = Headings.depthOf(cells.get(cells.size() - 1), category, vocabulary);
                headings = headings.open(category, depth > 0 ? depth : 2, false, vocabulary);
                continue;
            }
            if (cells.size() == 1 && isSectionRow(grid, r, cells.get(0), columns)) {
                flush(current, grid, columns, out);
                current = null;
                String text = grid.text(cells.get(0));
                if (!Texts.isSentence(text)) {
                    int depth = Headings.depthOf(cells.get(0), text, vocabulary);
                    headings = headings.open(text, depth > 0 ? depth : 1, false, vocabulary);
                }
                continue;
            }
            List<Element> itemCells = cellsOf(grid, r, columns.item);
            Element leading = classCell(grid, r, columns, itemCells);
            if (leading != null) {
                // 「贷款类(rowspan) | 贷款承诺费」 under a 收费项目 header over both: the class is a section
                itemCells = itemCells.subList(1, itemCells.size());
                if (leading != classCell) {
                    flush(current, grid, columns, out);
                    current = null;
                    classCell = leading;
                    headings = headings.open(grid.text(leading), 2, false, vocabulary);
                }
            }
            String itemText = textOf(grid, itemCells);
            Element number = columns.number < 0 ? null : grid.cell(r, columns.number);
            boolean numberContinues = number == null || grid.text(number).isEmpty()
                    || (current != null && number == current.number);
            boolean continues = current != null && numberContinues
                    && (itemText.isEmpty() || itemCells.equals(current.itemCells));
            if (continues) {
                current.rows.add(r);
                continue;
            }
            flush(current, grid, columns, out);
            current = null;
            if (itemText.isEmpty()) {
                // a row with values but no item name: named by its content when it has one
                List<Element> content = cellsOf(grid, r, columns.of(Role.CONTENT));
                itemText = textOf(grid, content);
                if (itemText.isEmpty()) {
                    notes.add("row at " + locators.of(grid.row(r)) + " has no item name; not read");
                    continue;
                }
            }
            current = new Item(itemText, itemCells, number, headings, r);
        }
        flush(current, grid, columns, out);
        lastColumns = columns;
        lastWidth = grid.width();
        Element notesAt = footnotesOf != null ? footnotesOf : table;
        footnotesOf = null;
        applyFootnotes(notesAt, grid, out, first);
        if (grid.truncated()) {
            notes.add("table at " + locators.of(table) + " is larger than the extraction limits; only its first "
                    + grid.height() + " rows were read");
        }
        return true;
    }

    /**
     * The first of several item cells when it is a class spanning rows (贷款类, 证明类 on a rowspan, under
     * a 收费项目 header spanning two columns) and another item cell follows it; null otherwise.
     */
    private static Element classCell(TableGrid grid, int r, Columns columns, List<Element> itemCells) {
        if (itemCells.size() < 2) {
            return null;
        }
        Element first = itemCells.get(0);
        boolean spansRows = grid.spannedFromAbove(r, columns.item[0])
                || TableGrid.span(first.attr("rowspan"), Integer.MAX_VALUE) > 1;
        return spansRows && isClassName(grid.text(first), false) ? first : null;
    }

    /** A cheap test for a header repeated inside the table: some cell names an item column. */
    private boolean mayBeHeader(TableGrid grid, int r) {
        for (int c = 0; c < grid.width(); c++) {
            String text = grid.text(r, c);
            if (!hasDigit(text) && vocabulary.namesItemColumn(text)) {
                return true;
            }
        }
        return false;
    }

    private boolean isHeader(TableGrid grid, int r) {
        boolean item = false;
        int other = 0;
        Set<Element> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int c = 0; c < grid.width(); c++) {
            Element cell = grid.cell(r, c);
            if (cell == null || !seen.add(cell)) {
                continue;
            }
            String text = grid.text(cell);
            if (text.isEmpty()) {
                continue;
            }
            Role role = vocabulary.roleOfHeader(text);
            if (role == null) {
                if (text.length() > 40 || containsDigitRun(text)) {
                    return false;
                }
                continue;
            }
            if (role == Role.ITEM) {
                item = true;
            } else if (role != Role.NUMBER && role != Role.CATEGORY && role != Role.UNIT && role != Role.CONDITION) {
                other++;
            }
        }
        return item && other > 0;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Digits such as 200 or 0.5% mark a data row; header words rarely hold three digits. */
    private static boolean containsDigitRun(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                if (++run >= 3) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        // a unit in brackets (最低（元）, 收费标准（元）) names the column's unit, it is no figure
        return text.contains("%") || MONEY_UNIT.matcher(text).replaceAll("").contains("元");
    }

    /**
     * The heading text of a category row that does not span the table: its only filled cells are an
     * ordinal alone in the number column (（一）, 二、) and/or a class name in the item column (贷款类,
     * 结算类业务); null for any other row.
     */
    private String categoryRow(TableGrid grid, int r, List<Element> cells, Columns columns) {
        if (cells.size() > 2 || columns.item.length == 0) {
            return null;
        }
        Element number = columns.number < 0 ? null : grid.cell(r, columns.number);
        String ordinal = null;
        String name = null;
        for (Element cell : cells) {
            String text = grid.text(cell);
            if (cell == number && CATEGORY_ORDINAL.matcher(text).matches()) {
                ordinal = text;
            } else if (cellsOf(grid, r, columns.item).contains(cell) && !hasDigit(text)) {
                name = text;
            } else {
                return null;
            }
        }
        if (name == null || !(ordinal != null ? isClassName(name, true) : isClassName(name, false))) {
            return null;
        }
        return ordinal == null ? name : ordinal + name;
    }

    /** 贷款类, 结算类业务, 公司信贷业务类; with an ordinal beside it, any short name that names no fee. */
    private static boolean isClassName(String name, boolean ordinal) {
        if (name.isEmpty() || name.length() > 16 || Texts.isSentence(name)) {
            return false;
        }
        for (String end : CLASS_ENDINGS) {
            if (name.endsWith(end)) {
                return true;
            }
        }
        return ordinal && name.indexOf('费') < 0 && !name.endsWith("金") && !name.endsWith("息");
    }

    private boolean isSectionRow(TableGrid grid, int r, Element cell, Columns columns) {
        int covered = 0;
        for (int c = 0; c < grid.width(); c++) {
            Element e = grid.cell(r, c);
            if (e == cell) {
                covered++;
            } else if (e != null && !grid.text(e).isEmpty()) {
                return false;
            }
        }
        if (covered >= Math.max(2, grid.width() - 1) && covered > 1) {
            return true; // one cell across the table: a category row
        }
        String text = grid.text(cell);
        if (columns.number >= 0 && grid.cell(r, columns.number) == cell && LONE_NUMBER.matcher(text).matches()) {
            return false; // a lone number is an item without name, not a heading
        }
        return Headings.depthOf(cell, text, vocabulary) > 0 && !Headings.isTagHeading(cell);
    }

    private static int firstColumnOf(TableGrid grid, int r, Element cell) {
        for (int c = 0; c < grid.width(); c++) {
            if (grid.cell(r, c) == cell) {
                return c;
            }
        }
        return 0;
    }

    private static List<Element> distinctNonEmpty(TableGrid grid, int r) {
        List<Element> out = new ArrayList<>(4);
        for (int c = 0; c < grid.width(); c++) {
            Element e = grid.cell(r, c);
            if (e != null && !out.contains(e) && !grid.text(e).isEmpty()) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> cellsOf(TableGrid grid, int r, int[] cols) {
        List<Element> out = new ArrayList<>(cols.length);
        for (int c : cols) {
            Element e = grid.cell(r, c);
            if (e != null && !out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String textOf(TableGrid grid, List<Element> cells) {
        List<String> parts = new ArrayList<>(cells.size());
        for (Element e : cells) {
            parts.add(grid.text(e));
        }
        String joined = Texts.join(parts, " ");
        return joined == null ? "" : joined;
    }

    private void flush(Item item, TableGrid grid, Columns columns, FeeItems out) {
        if (item == null) {
            return;
        }
        Set<Element> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(item.itemCells); // a name cell spanning over other columns is no price or remark
        int[] priceCols = columns.of(Role.PRICE);
        List<String> priceParts = new ArrayList<>();
        boolean multiRow = item.rows.size() > 1;
        List<String> periods = multiRow ? rowPeriods(grid, item, columns) : null;
        for (int r : item.rows) {
            List<String> rowParts = new ArrayList<>();
            for (int c : priceCols) {
                Element cell = grid.cell(r, c);
                if (cell == null || !seen.add(cell)) {
                    continue;
                }
                String t = grid.lines(cell); // tiers on <br> or <p> lines of one cell stay apart
                if (t.isEmpty()) {
                    continue;
                }
                String label = priceCols.length > 1 ? columns.labelOf(grid, r, c, cell, priceCols) : null;
                rowParts.add(label != null ? label + "：" + t : t);
            }
            if (rowParts.isEmpty()) {
                continue;
            }
            String prefix = null;
            if (multiRow) {
                // tiers split over rows: a column the vocabulary does not know (档次, 渠道) names the tier
                List<String> names = new ArrayList<>();
                for (int c : columnsNaming(columns)) {
                    Element cell = grid.cell(r, c);
                    if (cell != null && !grid.spannedFromAbove(r, c) && !grid.spannedFromLeft(r, c)) {
                        names.add(grid.text(cell));
                    }
                }
                prefix = Texts.join(names, " ");
            }
            String row = withUnit(Texts.join(rowParts, "；"), grid, r, columns);
            if (periods != null) {
                // an item listed with its old and new price, each row with its own 生效日期: the period
                // stays with its price (「2022-01-01至2022-12-31：每笔300元；2023-01-01起：每笔200元」)
                row = periods.get(item.rows.indexOf(r)) + "：" + row;
            }
            priceParts.add(prefix == null ? row : prefix + " " + row);
        }
        String priceText = Texts.join(priceParts, "；");
        Price price = out.parse(inMoney(priceText, columns.moneyUnit(priceCols)));
        String content = collect(grid, item, columns.of(Role.CONTENT), "；");
        String basis = collect(grid, item, columns.of(Role.BASIS), "；");
        if (basis == null) {
            basis = item.headings.basis();
        }
        List<String> remarks = new ArrayList<>();
        for (int c = 0; c < grid.width(); c++) {
            Role role = columns.role[c];
            if (role == Role.DISCOUNT || role == Role.APPLIES_TO || role == Role.REMARK || role == Role.EFFECTIVE) {
                remarks.add(collect(grid, item, new int[] {c}, "；"));
            }
        }
        String remark = Texts.join(remarks, "；");
        price = freeByRemark(price, priceText, remark, out);
        String section = collect(grid, item, columns.of(Role.CATEGORY), " ");
        if (section == null) {
            section = item.headings.section();
        }
        List<String> rowTexts = new ArrayList<>();
        for (int r : item.rows) {
            List<String> cells = new ArrayList<>();
            Element prev = null;
            for (int c = 0; c < grid.width(); c++) {
                Element cell = grid.cell(r, c);
                if (cell != null && cell != prev) {
                    cells.add(grid.text(cell));
                }
                prev = cell;
            }
            String t = String.join(" ", cells).trim();
            if (!t.isEmpty()) {
                rowTexts.add(t);
            }
        }
        String name = item.name;
        String mark = null;
        String sup = supMark(item.itemCells);
        Matcher marker = FOOTNOTE_MARK.matcher(name);
        if (sup != null && name.endsWith(sup) && name.length() > sup.length()) {
            // 贷款承诺费<sup>1</sup>: the figure points at note 1 under the table
            name = name.substring(0, name.length() - sup.length()).trim();
            mark = SUP_NUMBER.matcher(sup).matches() ? "注" + sup : sup;
        } else if (marker.find() && marker.start() > 0) {
            mark = marker.group(1);
            name = name.substring(0, marker.start()).trim(); // 贷款承诺费* is 贷款承诺费, its * points at a footnote
        }
        if (mark == null && priceText != null && mayEndWithMark(priceText)) {
            Matcher onPrice = PRICE_MARK.matcher(priceText);
            if (onPrice.find() && onPrice.start() > 0) {
                mark = onPrice.group(1); // 提前还款金额的1%*: the price's mark points at a note as a name's does
            }
        }
        if (out.add(name, content, priceText, price, basis, remark, section, locators.of(grid.row(item.rows.get(0))),
                String.join("\n", rowTexts), columns.feeNamed(priceCols)) && mark != null) {
            markers.put(out.items().size() - 1, mark);
        }
    }

    /** What a 计费单位 column holds: a unit of a figure (%, ‰, 元, 万元) and/or what it is per (/笔, 每年). */
    private static final Pattern UNIT_TEXT = Pattern.compile(
            "^(?:人民币)?(?:[%％‰‱]|元|万元|BP|bp)?\\s*(?:(?:[/／]|每)\\s*[\\u4e00-\\u9fa5]{1,3})?$");
    private static boolean isFigure(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    /**
     * A row's price text with its 计费单位 cell after it when the text ends with a bare figure (0.1 under
     * 收费标准 and %/笔 under 计费单位 read 0.1%/笔); the text as it is otherwise.
     */
    private static String withUnit(String price, TableGrid grid, int r, Columns columns) {
        if (price == null || price.isEmpty() || !isFigure(price.charAt(price.length() - 1))) {
            return price;
        }
        for (int c : columns.of(Role.UNIT)) {
            String unit = grid.text(r, c);
            if (!unit.isEmpty() && UNIT_TEXT.matcher(unit).matches()) {
                return price + unit;
            }
        }
        String unit = columns.headerUnit();
        return unit == null ? price : price + unit;
    }

    /**
     * A price cell holding a dash or a slash alone: the bank marks the price as taken care of elsewhere.
     * A blank cell is a missing price, whatever the remark says (bank-b: 由我行承担 beside a blank price).
     */
    private static final Pattern NOTHING = Pattern.compile("^\\s*[\\-－—–/／\\\\]+\\s*$");
    /** Words of an audience in a remark: a waiver for them is an exemption, not the item's price. */
    private static final Pattern AUDIENCE = Pattern.compile("企业|客户|个人|小微|对公|个体|商户|农户|[Ee]nterprise|SME|[Cc]ustomer");

    /**
     * The price of an entry whose price cell is a dash or a slash (「—」, 「/」) and whose remark says it is free
     * for everyone (暂不收费, 免费): free, as the bank wrote it in the remark. A waiver for an audience
     * (小微企业免收) is an exemption for them and leaves the price unstated for the others.
     */
    private static Price freeByRemark(Price price, String priceText, String remark, FeeItems out) {
        if (price.kind() != Price.Kind.UNSTATED || remark == null
                || !NOTHING.matcher(priceText == null ? "" : priceText).matches() || AUDIENCE.matcher(remark).find()) {
            return price;
        }
        return out.parse(remark).kind() == Price.Kind.FREE ? Price.free(priceText) : price;
    }

    /** A unit in brackets ending a price header: 费率（%）, 担保费率（%/年）, 收费标准（‰）. */
    private static final Pattern HEADER_UNIT = Pattern.compile("[（(]\\s*([^（()）]{1,8}?)\\s*[)）]\\s*$");

    /**
     * The 生效日期 / 执行日期 of each row of a multi-row item, when every row has its own and they are not
     * all the same (old and new prices of one item); null otherwise, and the price text is as before.
     */
    private static List<String> rowPeriods(TableGrid grid, Item item, Columns columns) {
        int[] cols = columns.of(Role.EFFECTIVE);
        if (cols.length != 1) {
            return null;
        }
        List<String> periods = new ArrayList<>();
        for (int r : item.rows) {
            Element cell = grid.cell(r, cols[0]);
            if (cell == null || grid.spannedFromAbove(r, cols[0])) {
                return null;
            }
            String t = grid.text(cell);
            if (t.isBlank()) {
                return null;
            }
            periods.add(t.strip());
        }
        return new java.util.HashSet<>(periods).size() > 1 ? periods : null;
    }

    // ---- what a price column in yuan, a fee-naming price header and footnotes add ----------------

    /**
     * A unit of money stated for a column or a table, in yuan or in thousands or ten thousands of yuan
     * (group 1, 2, 3 or 4): 收费标准（元）, 单位：人民币元, 金额(万元), 单位：千元, 费用/万元. 元/万元 is a rate
     * per amount, no unit of the figures.
     */
    private static final Pattern MONEY_UNIT = Pattern.compile("[（(]\\s*(?:人民币)?([万千]?元)\\s*[)）]"
            + "|单位\\s*[：:]\\s*(?:人民币)?([万千]?元)|单位\\s*[（(]\\s*([万千]?元)\\s*[)）]"
            + "|(?<![元\\d\\s])\\s*[/／]\\s*(?:人民币)?([万千]?元)\\s*$");

    /** The unit of money a header, caption or title states (元, 千元, 万元), or null. */
    static String moneyUnitOf(String text) {
        if (text == null || text.indexOf('元') < 0) {
            return null;
        }
        Matcher m = MONEY_UNIT.matcher(text);
        if (!m.find()) {
            return null;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return null;
    }

    /** A bare figure in a money column: before a 「/」 unit or at the end of a clause (200/份, 最高50). */
    private static final Pattern BARE_YUAN = Pattern.compile("(?<![\\d.分之])(\\d+(?:\\.\\d+)?)(?=\\s*(?:/|$|[，,；;。）)]))");
    /** A footnote mark after an item's name: 贷款承诺费*, 资金管理费①, 评估费（注1）. */
    private static final Pattern FOOTNOTE_MARK = Pattern.compile("(\\*+|＊+|※|[①-⑳]|[（(]\\s*注\\s*\\d{1,2}\\s*[)）]|注\\s*\\d{1,2})\\s*$");
    /** A footnote mark after a price (the price text keeps it): 1%*, 每笔500元①, 0.5%（注2）; no bare figure. */
    private static final Pattern PRICE_MARK = Pattern.compile(
            "(\\*+|＊+|※|[①-⑳]|[（(]\\s*注\\s*\\d{1,2}\\s*[)）]|注\\s*\\d{1,2}|[\\[［]\\s*\\d{1,2}\\s*[\\]］])\\s*$");
    /** A quick look before {@link #PRICE_MARK}: the text ends with a mark's last character. */
    private static boolean mayEndWithMark(String text) {
        String t = text.stripTrailing();
        if (t.isEmpty()) {
            return false;
        }
        char c = t.charAt(t.length() - 1);
        return c == '*' || c == '＊' || c == '※' || (c >= '①' && c <= '⑳') || c == ')' || c == '）' || c == ']'
                || c == '］' || (c >= '0' && c <= '9' && t.indexOf('注') >= 0);
    }

    /** Where a table's notes stand: text after it, or rows inside it, starting with 注 / 说明 / a mark. */
    private static final Pattern NOTE_START = Pattern.compile("^(?:注|说明|备注|附注|\\*|＊|※|[①-⑳])");
    /** Elements after a table looked at for its notes. */
    private static final int NOTE_SIBLINGS = 4;

    /** The marks of the items read from this table, by their index in the page's items. */
    private final java.util.Map<Integer, String> markers = new java.util.HashMap<>();

    /** A superscript footnote mark: a figure, a letter, a star or a circled figure. */
    private static final Pattern SUP_TEXT = Pattern.compile("[\\dA-Za-z*＊※①-⑳]{1,3}");
    private static final Pattern SUP_NUMBER = Pattern.compile("\\d{1,2}");

    /** The text of a {@code <sup>} mark ending the last item cell (贷款承诺费<sup>1</sup>), or null. */
    private static String supMark(List<Element> itemCells) {
        if (itemCells.isEmpty()) {
            return null;
        }
        Element cell = itemCells.get(itemCells.size() - 1);
        if (cell.childrenSize() == 0) {
            return null; // the common cell: text only
        }
        org.jsoup.select.Elements sups = cell.getElementsByTag("sup");
        if (sups.isEmpty()) {
            return null;
        }
        String mark = Texts.clean(sups.last().text());
        return SUP_TEXT.matcher(mark).matches() && Texts.clean(cell.text()).endsWith(mark) ? mark : null;
    }

    /**
     * The price text with its bare figures in the column's unit of money (3 under 金额（万元） is 3万元, 200/份
     * under 收费标准（元） is 200元/份); a figure with its own unit (500元, 0.3%) keeps it. The text as it is
     * when no unit is stated.
     */
    static String inMoney(String priceText, String unit) {
        if (priceText == null || unit == null) {
            return priceText;
        }
        return BARE_YUAN.matcher(priceText).replaceAll("$1" + unit);
    }

    /**
     * Notes under a table that the items' marks point at (注：标“*”的项目对小微企业免收; ①项目仅对大中型企业收取):
     * each marked item gets the notes naming its mark in its remark, where the exemption rules read it.
     */
    private void applyFootnotes(Element table, TableGrid grid, FeeItems out, int first) {
        if (markers.isEmpty()) {
            return;
        }
        List<String> notes = new ArrayList<>();
        for (int r = 0; r < grid.height(); r++) {
            List<Element> cells = distinctNonEmpty(grid, r);
            if (cells.size() == 1 && NOTE_START.matcher(grid.text(cells.get(0))).find()) {
                notes.add(grid.text(cells.get(0)));
            }
        }
        Element e = table.nextElementSibling();
        for (int k = 0; k < NOTE_SIBLINGS && e != null && !e.normalName().equals("table"); k++) {
            String text = Texts.clean(e.text());
            if (!text.isEmpty() && text.length() <= limits.maxEvidenceChars()
                    && (NOTE_START.matcher(text).find() || !notes.isEmpty())) {
                notes.add(text);
            }
            e = e.nextElementSibling();
        }
        List<String> sentences = sentencesOf(notes);
        List<String> farSentences = null;
        for (java.util.Map.Entry<Integer, String> m : markers.entrySet()) {
            int index = m.getKey();
            if (index < first || index >= out.items().size()) {
                continue;
            }
            String mark = m.getValue().replace('＊', '*').replaceAll("[\\s（()）]", "");
            List<String> said = notesNaming(sentences, mark);
            if (said.isEmpty()) {
                // notes gathered elsewhere on the page (a notes block at its foot, after other content)
                farSentences = farSentences != null ? farSentences : sentencesOf(farNotes(table));
                said = notesNaming(farSentences, mark);
            }
            if (said.isEmpty()) {
                continue;
            }
            org.feewatch.api.FeeItem item = out.items().get(index);
            List<String> remark = new ArrayList<>();
            remark.add(item.remark());
            remark.addAll(said);
            out.replace(index, new org.feewatch.api.FeeItem(item.sourceId(), item.name(), item.category(), item.content(),
                    item.priceText(), item.price(), item.basis(), Texts.join(remark, "；"), item.section(),
                    item.locator(), item.text() + "\n" + String.join("\n", said)));
        }
        markers.clear();
    }

    private static List<String> sentencesOf(List<String> notes) {
        List<String> sentences = new ArrayList<>();
        for (String note : notes) {
            for (String sentence : note.split("[。；;]|(?<=\\S)(?=\\d{1,2}[.．、](?!\\d))")) {
                if (!sentence.isBlank()) {
                    sentences.add(sentence.trim());
                }
            }
        }
        return sentences;
    }

    private static List<String> notesNaming(List<String> sentences, String mark) {
        List<String> said = new ArrayList<>();
        for (String sentence : sentences) {
            String plain = sentence.replace('＊', '*').replace('［', '[').replace('］', ']');
            if (plain.contains(mark) || (mark.startsWith("注") && plain.matches("^" + mark.substring(1) + "[.．、:：].*"))) {
                said.add(sentence);
            }
        }
        return said;
    }

    /** A note standing on its own anywhere: it starts with a mark (①, *, 注1, [1]) or a word of notes. */
    private static final Pattern FAR_NOTE_START = Pattern.compile("^(?:注\\s*\\d{0,2}\\s*[：:]|[①-⑳]|\\*|＊|※|[\\[［]\\d{1,2}[\\]］]|注\\d{1,2})");
    /** Elements after a table looked at for notes further down the page. */
    private static final int FAR_NOTE_ELEMENTS = 2_000;

    /**
     * Notes further down the page than the elements right under the table: blocks without blocks inside
     * whose text starts with a mark (① …, [3] …, 注1：…), after the table in document order.
     */
    private List<String> farNotes(Element table) {
        if (table.ownerDocument() == null) {
            return List.of(); // a table rebuilt from text has no page around it
        }
        List<String> notes = new ArrayList<>();
        int looked = 0;
        // in document order from the end of the table, without listing the page's elements
        for (Element e = nextInOrder(table, false); e != null && ++looked <= FAR_NOTE_ELEMENTS;
                e = nextInOrder(e, true)) {
            if (!BoundedText.BLOCK_TAGS.contains(e.normalName()) || hasBlockChild(e)) {
                continue;
            }
            String text = Texts.clean(e.text());
            if (!text.isEmpty() && text.length() <= limits.maxEvidenceChars() && FAR_NOTE_START.matcher(text).find()) {
                notes.add(text);
            }
        }
        return notes;
    }

    /** The element after {@code e} in document order: its first child when {@code descend}, else what follows it. */
    private static Element nextInOrder(Element e, boolean descend) {
        if (descend) {
            Element child = e.firstElementChild();
            if (child != null) {
                return child;
            }
        }
        for (Element cur = e; cur != null; cur = cur.parent()) {
            for (org.jsoup.nodes.Node n = cur.nextSibling(); n != null; n = n.nextSibling()) {
                if (n instanceof Element sibling) {
                    return sibling;
                }
            }
        }
        return null;
    }

    private static boolean hasBlockChild(Element e) {
        for (Element child : e.children()) {
            if (BoundedText.BLOCK_TAGS.contains(child.normalName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rows that hold several items on lines of their cells (贷款承诺费<br>资金管理费 | 0.5%<br>每笔200元: the
     * item cell and every price cell with the same number of lines, two or more) are split into one row
     * a line, each located by the row it came from; a cell of one line (a class, a basis) is repeated on
     * every new row. Returns the table rebuilt so (the page is left as it is), or null when no row was
     * split. Rows with spans are left alone.
     */
    private Element splitLineRows(Element table, TableGrid grid, Columns columns, int firstData) {
        int[] prices = columns.of(Role.PRICE);
        if (columns.item.length != 1 || prices.length == 0) {
            return null;
        }
        java.util.Map<Integer, List<Element>> splits = new java.util.HashMap<>();
        for (int r = firstData; grid.has(r); r++) {
            Element item = grid.cell(r, columns.item[0]);
            if (item == null || !breaksLines(item)) {
                continue; // the common row: an item cell without <br> or block children has one line
            }
            boolean pricesBreak = true;
            for (int c : prices) {
                Element cell = grid.cell(r, c);
                pricesBreak &= cell != null && breaksLines(cell);
            }
            if (!pricesBreak) {
                continue; // one item with tiers on lines of its price, or a name with a line under it
            }
            List<String> names = grid.lineList(item);
            int k = names.size();
            if (k < 2 || hasSpans(grid, r)) {
                continue;
            }
            boolean fits = true;
            for (String name : names) {
                fits &= name.length() <= MAX_NAME_CHARS && !containsDigitRun(name);
            }
            for (int c : prices) {
                fits &= grid.lineList(grid.cell(r, c)).size() == k;
            }
            if (!fits) {
                continue;
            }
            Element row = grid.row(r);
            List<Element> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                    cells.add(cell);
                }
            }
            List<Element> rows = new ArrayList<>(k);
            for (int line = 0; line < k; line++) {
                Element tr = new Element("tr");
                for (Element cell : cells) {
                    List<String> lines = grid.lineList(cell);
                    String text = lines.size() == k ? lines.get(line) : grid.text(cell);
                    tr.appendElement(cell.normalName()).text(text);
                }
                locators.alias(tr, row);
                rows.add(tr);
            }
            splits.put(r, rows);
        }
        if (splits.isEmpty()) {
            return null;
        }
        Element rebuilt = new Element("table");
        locators.alias(rebuilt, table);
        for (Element child : table.children()) {
            if (child.normalName().equals("caption")) {
                rebuilt.appendChild(child.clone());
            }
        }
        for (int r = 0; r < TableGrid.ownRows(table).size() && grid.has(r); r++) {
            Element row = grid.row(r);
            List<Element> replaced = splits.get(r);
            if (replaced != null) {
                replaced.forEach(rebuilt::appendChild);
            } else {
                Element copy = row.clone();
                locators.alias(copy, row);
                rebuilt.appendChild(copy);
            }
        }
        return rebuilt;
    }

    /**
     * A price list printed two-up (收费项目 | 收费标准 | 收费项目 | 收费标准): the header repeats the same columns
     * after the first group, one item a group on each row. Rebuilt as one table, the groups one under the
     * other (the left half first, as the page is read), each row located by the row it came from; a row
     * spanning the whole table (a section) stands once, before the left half's rows below it. Null for any
     * other table.
     */
    private Element sideBySide(Element table, TableGrid grid, Columns columns, int header, int firstData) {
        int[] items = columns.item;
        if (items.length < 2 || firstData != header + 1) {
            return null;
        }
        int period = items[1] - items[0];
        int groups = items.length;
        if (period < 2 || items[0] >= period) {
            return null;
        }
        for (int g = 0; g < groups; g++) {
            if (items[g] != items[0] + g * period) {
                return null;
            }
        }
        int used = groups * period;
        for (int c = 0; c < grid.width(); c++) {
            Role expected = c < used ? columns.role[c % period] : null;
            if (columns.role[c] != expected
                    || (c < used && !Texts.key(columns.head[c]).equals(Texts.key(columns.head[c % period])))) {
                return null; // not the same columns again: one table with two name columns
            }
        }
        Element rebuilt = new Element("table");
        locators.alias(rebuilt, table);
        Element head = rebuilt.appendElement("tr");
        locators.alias(head, grid.row(header));
        for (int c = 0; c < period; c++) {
            head.appendElement("th").text(grid.text(header, c));
        }
        for (int g = 0; g < groups; g++) {
            for (int r = firstData; grid.has(r); r++) {
                Element first = grid.cell(r, 0);
                boolean spansAll = first != null && first == grid.cell(r, grid.width() - 1);
                if (spansAll) {
                    if (g == 0) {
                        Element tr = rebuilt.appendElement("tr");
                        tr.appendElement("td").attr("colspan", Integer.toString(period)).text(grid.text(first));
                        locators.alias(tr, grid.row(r));
                    }
                    continue;
                }
                List<String> cells = new ArrayList<>(period);
                boolean any = false;
                for (int c = g * period; c < (g + 1) * period; c++) {
                    String t = grid.text(r, c);
                    cells.add(t);
                    any |= !t.isEmpty();
                }
                if (!any) {
                    continue;
                }
                Element tr = rebuilt.appendElement("tr");
                cells.forEach(t -> tr.appendElement("td").text(t));
                locators.alias(tr, grid.row(r));
            }
        }
        return rebuilt;
    }

    /** True when a child of the cell breaks its text into lines ({@code <br>}, {@code <p>}, {@code <div>} …). */
    private static boolean breaksLines(Element cell) {
        for (Element child : cell.children()) {
            String tag = child.normalName();
            if (tag.equals("br") || BoundedText.BLOCK_TAGS.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSpans(TableGrid grid, int r) {
        for (int c = 0; c < grid.width(); c++) {
            if (grid.spannedFromAbove(r, c) || (grid.cell(r, c) != null && grid.has(r + 1) && grid.cell(r + 1, c) == grid.cell(r, c))) {
                return true;
            }
        }
        return false;
    }

    /** The columns that name a tier: those the vocabulary does not know (档次, 渠道) and the conditions (贷款期限). */
    private static int[] columnsNaming(Columns columns) {
        if (columns.naming != null) {
            return columns.naming;
        }
        int[] unknown = columns.of(null);
        int[] conditions = columns.of(Role.CONDITION);
        int[] all = java.util.Arrays.copyOf(unknown, unknown.length + conditions.length);
        System.arraycopy(conditions, 0, all, unknown.length, conditions.length);
        java.util.Arrays.sort(all);
        columns.naming = all;
        return all;
    }

    /**
     * A table of one fee's prices by tier, under the fee's heading (小额贷款保证保险, then 贷款期限 | 年费率
     * with a row a term): a header of conditions and a price column and nothing else, read as one item
     * named by the table's caption or the heading above it, priced 「6个月（含）以内：年费率 0.9%；…」. False
     * (nothing added) for any other table, and when nothing names the fee.
     */
    private boolean tierTable(Element table, TableGrid grid, Headings context, FeeItems out) {
        if (grid.width() < 2 || grid.width() > MAX_TIER_COLUMNS) {
            return false; // a layout table, or a wide one: no table of one fee's tiers
        }
        int header = -1;
        int[] conditions = null;
        int price = -1;
        for (int r = 0; r < HEADER_SCAN_ROWS && grid.has(r) && header < 0; r++) {
            List<Integer> conds = new ArrayList<>();
            int p = -1;
            boolean other = false;
            for (Element cell : distinctNonEmpty(grid, r)) {
                String text = grid.text(cell);
                Role role = hasDigit(text) || text.length() > MAX_TIER_HEADER ? null : vocabulary.roleOfHeader(text);
                int c = firstColumnOf(grid, r, cell);
                if (role == Role.CONDITION) {
                    conds.add(c);
                } else if (role == Role.PRICE && p < 0) {
                    p = c;
                } else {
                    other = true;
                }
            }
            if (!other && p >= 0 && !conds.isEmpty()) {
                header = r;
                price = p;
                conditions = conds.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        if (header < 0) {
            return false;
        }
        String name = null;
        for (Element child : table.children()) {
            if (child.normalName().equals("caption")) {
                name = Texts.clean(child.text());
            }
        }
        if (name == null || name.isEmpty()) {
            name = context.section();
        }
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_CHARS) {
            return false;
        }
        String head = grid.text(header, price);
        List<String> tiers = new ArrayList<>();
        List<String> rowTexts = new ArrayList<>();
        for (int r = header + 1; grid.has(r) && r - header <= limits.maxItems(); r++) {
            String value = grid.text(r, price);
            if (value.isEmpty()) {
                continue;
            }
            List<String> conds = new ArrayList<>();
            for (int c : conditions) {
                conds.add(grid.text(r, c));
            }
            String cond = Texts.join(conds, " ");
            tiers.add((cond == null ? "" : cond + "：") + head + " " + value);
            rowTexts.add(Texts.clean(grid.row(r).text()));
        }
        if (tiers.isEmpty()) {
            return false;
        }
        String priceText = String.join("；", tiers);
        Price parsed = out.parse(priceText);
        if (!parsed.statesPrice()) {
            return false;
        }
        String feeNamed = new Columns(limits.maxColumns()).feeNamedBy(head);
        out.add(name, null, priceText, parsed, context.basis(), null, context.section(), locators.of(table),
                name + "\n" + String.join("\n", rowTexts), feeNamed);
        return true;
    }

    /** A table of one fee's tiers has a few columns (conditions and the price) with short headers. */
    private static final int MAX_TIER_COLUMNS = 5;
    private static final int MAX_TIER_HEADER = 12;

    /** The page's table whose notes a rebuilt table (rows split by lines) takes, while it is read. */
    private Element footnotesOf;

    /** The columns of the last catalogue table read on the page, and its width: a headless table may continue it. */
    private Columns lastColumns;
    private int lastWidth;

    /**
     * The columns of the catalogue table read before, for a table without a header of its own that
     * continues it (a catalogue split by category headings, 「二、贷款类」, into tables of which only the
     * first repeats the header): as wide as that table, no table inside it, and most of its rows named
     * in the item column and priced in the price column. Null for any other table.
     */
    private Columns continuation(Element table, TableGrid grid, FeeItems out) {
        if (lastColumns == null || grid.width() != lastWidth || lastColumns.item.length == 0
                || table.getElementsByTag("table").size() > 1) {
            return null;
        }
        int[] prices = lastColumns.of(Role.PRICE);
        if (prices.length == 0) {
            return null;
        }
        int rows = 0;
        int data = 0;
        for (int r = 0; r < HEADER_SCAN_ROWS && grid.has(r); r++) {
            List<Element> cells = distinctNonEmpty(grid, r);
            if (cells.size() < 2) {
                continue; // a section row inside the table
            }
            rows++;
            String name = textOf(grid, cellsOf(grid, r, lastColumns.item));
            String price = grid.text(r, prices[0]);
            if (!name.isEmpty() && name.length() <= MAX_NAME_CHARS && !containsDigitRun(name)
                    && out.parse(inMoney(price, lastColumns.moneyUnit(prices))).statesPrice()) {
                data++;
            }
        }
        if (rows == 0 || data * 2 <= rows) {
            return null;
        }
        Columns copy = new Columns(limits.maxColumns());
        System.arraycopy(lastColumns.role, 0, copy.role, 0, copy.role.length);
        System.arraycopy(lastColumns.sub, 0, copy.sub, 0, copy.sub.length);
        System.arraycopy(lastColumns.head, 0, copy.head, 0, copy.head.length);
        copy.item = lastColumns.item;
        copy.number = lastColumns.number;
        copy.money = lastColumns.money;
        return copy;
    }

    /** Item names longer than this are sentences. */
    private static final int MAX_NAME_CHARS = 40;

    /** Suffixes that make a price header name its fee: 担保费率, 服务费收费标准. */
    private static final List<String> FEE_HEADER_SUFFIXES = List.of("收费标准", "收费比例", "标准", "比例", "率");

    /**
     * A table turned: labels down its first column (收费项目, 收费标准 …, at least an item label and a
     * price, content or basis label, each exactly a word of the vocabulary) and one item a column.
     * Null for any other table. The rows of the turned table are located by the table.
     */
    private Element transposed(Element table, TableGrid grid) {
        int height = 0;
        boolean item = false;
        boolean other = false;
        for (int r = 0; r < HEADER_SCAN_ROWS * 2 && grid.has(r); r++, height++) {
            Role role = vocabulary.exactRole(grid.text(r, 0));
            item |= role == Role.ITEM;
            other |= role == Role.PRICE || role == Role.CONTENT || role == Role.BASIS;
        }
        if (!item || !other || grid.has(height) || grid.width() < 2) {
            return null;
        }
        Element turned = new Element("table");
        locators.alias(turned, table);
        for (int c = 0; c < grid.width(); c++) {
            Element tr = turned.appendElement("tr");
            locators.alias(tr, table);
            for (int r = 0; r < height; r++) {
                Element cell = grid.cell(r, c);
                // a value spanning several items (a remark for all of them) is each item's
                tr.appendElement(cell != null && cell.normalName().equals("th") ? "th" : "td").text(grid.text(cell));
            }
        }
        return turned;
    }

    private static String collect(TableGrid grid, Item item, int[] cols, String sep) {
        List<String> parts = new ArrayList<>();
        Set<Element> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(item.itemCells);
        for (int r : item.rows) {
            for (int c : cols) {
                Element cell = grid.cell(r, c);
                if (cell != null && seen.add(cell)) {
                    parts.add(grid.text(cell));
                }
            }
        }
        return Texts.join(parts, sep);
    }

    /** One item being read: its first row and the rows that continue it. */
    private static final class Item {
        final String name;
        final List<Element> itemCells;
        final Element number;
        final Headings headings;
        final List<Integer> rows = new ArrayList<>(2);

        Item(String name, List<Element> itemCells, Element number, Headings headings, int firstRow) {
            this.name = name;
            this.itemCells = itemCells;
            this.number = number;
            this.headings = headings;
            rows.add(firstRow);
        }
    }

    /** The role of each column, from the header row(s), and the sub-label under a two-level header. */
    private final class Columns {
        final Role[] role;
        final String[] sub;
        final String[] head;
        int[] item = new int[0];
        int number = -1;
        /** The unit of money the table states for its figures (单位：元, 单位：万元), or null. */
        String money;
        /** The columns naming a tier, once computed ({@link #columnsNaming}). */
        int[] naming;
        /** The unit the price header states, once computed ("" for none). */
        String headerUnit;

        /** The sub-labels under each column's header, top to bottom (对公客户, 柜面 under 收费标准). */
        final List<List<String>> levels;

        Columns(int width) {
            role = new Role[width];
            sub = new String[width];
            head = new String[width];
            levels = new ArrayList<>(java.util.Collections.nCopies(width, List.<String>of()));
        }

        /**
         * The label of a price cell from the sub-labels over it: all of its column's levels (对公客户柜面), or,
         * for a cell spanning several price columns, only the levels they share (对公客户 over 柜面 | 网上银行);
         * null when they share none (one price over 大中型企业 | 小微企业 applies to both).
         */
        String labelOf(TableGrid grid, int r, int c, Element cell, int[] priceCols) {
            List<String> common = levels.get(c);
            for (int other : priceCols) {
                if (other != c && !common.isEmpty() && grid.cell(r, other) == cell) {
                    List<String> theirs = levels.get(other);
                    int n = 0;
                    while (n < common.size() && n < theirs.size() && common.get(n).equals(theirs.get(n))) {
                        n++;
                    }
                    common = common.subList(0, n);
                }
            }
            return common.isEmpty() ? null : String.join("", common);
        }

        /**
         * The unit of money a price column's header states (收费标准（元）, 金额(万元)), else the table's, or null:
         * the unit of the column's bare figures.
         */
        String moneyUnit(int[] priceCols) {
            for (int c : priceCols) {
                String unit = moneyUnitOf(head[c]);
                unit = unit != null ? unit : moneyUnitOf(sub[c]);
                if (unit != null) {
                    return unit;
                }
            }
            return money;
        }

        /** The fee a price column's header names (担保费 for 担保费率), or null. */
        String feeNamed(int[] priceCols) {
            for (int c : priceCols) {
                String fee = feeNamedBy(head[c]);
                if (fee != null) {
                    return fee;
                }
            }
            return null;
        }

        /**
         * The unit a price column's header states in brackets for its bare figures (费率（%） → %, 担保费率
         * （%/年） → %/年), or null. Money is read apart ({@link #moneyUnit}), as 200/份 under （元） needs.
         */
        String headerUnit() {
            if (headerUnit == null) {
                headerUnit = "";
                for (int c : of(Role.PRICE)) {
                    for (String h : new String[] {head[c], sub[c]}) {
                        Matcher m = h == null ? null : HEADER_UNIT.matcher(h);
                        if (m != null && m.find() && UNIT_TEXT.matcher(m.group(1)).matches()
                                && (m.group(1).indexOf('%') >= 0 || m.group(1).indexOf('％') >= 0
                                        || m.group(1).indexOf('‰') >= 0)) {
                            headerUnit = m.group(1);
                        }
                    }
                    if (!headerUnit.isEmpty()) {
                        break;
                    }
                }
            }
            return headerUnit.isEmpty() ? null : headerUnit;
        }

        /** The fee a price header names (担保费 for 担保费率), or null. */
        String feeNamedBy(String header) {
            // a unit in brackets after it (担保费率（%/年）) is no part of the name
            String h = header == null ? "" : HEADER_UNIT.matcher(Texts.clean(header)).replaceFirst("").trim();
            for (String suffix : FEE_HEADER_SUFFIXES) {
                if (h.endsWith(suffix)) {
                    String stem = h.substring(0, h.length() - suffix.length());
                    return stem.length() >= 2 && stem.endsWith("费") ? stem : null;
                }
            }
            return null;
        }

        /** Reads the header starting at row {@code h}; returns the first data row. */
        int assign(TableGrid grid, int h) {
            for (int c = 0; c < role.length; c++) {
                role[c] = vocabulary.roleOfHeader(grid.text(h, c));
                head[c] = grid.text(h, c);
                sub[c] = null; // a header further down the table brings its own sub-labels
                levels.set(c, List.of());
            }
            int r = h + 1;
            while (grid.has(r) && isHeaderContinuation(grid, r, h)) {
                for (int c = 0; c < role.length; c++) {
                    Element cell = grid.cell(r, c);
                    if (cell == null || grid.spannedFromAbove(r, c)) {
                        continue;
                    }
                    String t = grid.text(cell);
                    Role x = vocabulary.roleOfHeader(t);
                    if (x != null) {
                        role[c] = x;
                    } else if (!t.isEmpty()) {
                        // a third header row under a second (对公客户 over 柜面 | 网上银行) adds its level
                        List<String> mine = new ArrayList<>(levels.get(c));
                        mine.add(t);
                        levels.set(c, mine);
                        sub[c] = String.join("", mine);
                    }
                }
                r++;
            }
            item = of(Role.ITEM);
            int[] numbers = of(Role.NUMBER);
            number = numbers.length > 0 ? numbers[0] : -1;
            return r;
        }

        /** A row under the header that is still header: only th cells, or short words under spanned header cells. */
        private boolean isHeaderContinuation(TableGrid grid, int r, int h) {
            List<Element> distinct = distinctNonEmpty(grid, r);
            if (distinct.size() == 1 && !grid.spannedFromAbove(r, firstColumnOf(grid, r, distinct.get(0)))
                    && isSectionRow(grid, r, distinct.get(0), this)) {
                return false; // a category row right under the header
            }
            boolean allTh = true;
            boolean spanned = false;
            boolean any = false;
            for (int c = 0; c < role.length; c++) {
                Element cell = grid.cell(r, c);
                if (cell == null) {
                    continue;
                }
                if (grid.spannedFromAbove(r, c)) {
                    spanned = true;
                    continue;
                }
                String t = grid.text(cell);
                if (t.isEmpty()) {
                    continue;
                }
                any = true;
                if (!cell.normalName().equals("th")) {
                    allTh = false;
                }
                if (t.length() > 20 || containsDigitRun(t) || LONE_NUMBER.matcher(t).matches()) {
                    return false;
                }
                if (role[c] == Role.ITEM && vocabulary.roleOfHeader(t) == null) {
                    return false; // a name under the item header: a data row written in <th>s
                }
            }
            return any && (allTh || spanned);
        }

        /** The columns with a role (null: the columns the vocabulary does not know). */
        int[] of(Role wanted) {
            int n = 0;
            for (Role x : role) {
                if (x == wanted) {
                    n++;
                }
            }
            int[] out = new int[n];
            int k = 0;
            for (int c = 0; c < role.length; c++) {
                if (role[c] == wanted) {
                    out[k++] = c;
                }
            }
            return out;
        }
    }
}
