package org.feewatch.disclosure.internal.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.feewatch.api.FeeItem;
import org.feewatch.api.Price;
import org.feewatch.api.ProductTerms;
import org.feewatch.api.Repayment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Reads a loan product page: the advertised annualized rate with its label (年化利率（单利）3.0%起,
 * 近似折算年化利率（单利）13.03%), the 执行利率, daily and monthly rates shown (日利率, 月利率,
 * 日息万X), the longest term, the repayment kind, the largest amount and the fees the page
 * states with their timing. The page is read as lines of text (blocks, table rows, runs between
 * {@code <br>}s), so a label and its figure in neighbouring inline elements still meet.
 */
final class ProductReader {

    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    /**
     * Words between a rate's label and a figure that make the figure an adjustment of the rate, not the
     * rate: 在执行利率基础上加收50%, 年化利率上浮30%, 罚息为执行利率的1.5倍.
     */
    private static final String NOT_ADJUSTMENT = "(?!加收|上浮|下浮|上调|下调|基础|倍|罚|加计)";
    /**
     * Between a rate's label and its figure: a few words on the label's line (no adjustment words, no
     * line break), or, when the label stands alone on its line (年化利率（单利） in one block, 3.85%起 in
     * the next), the line break and a few words at the start of the next line.
     */
    private static final String GAP = "(?:[\\s：:]*\\n[^\\d%％\\n]{0,6}?|(?:" + NOT_ADJUSTMENT + "[^\\d%％\\n]){0,8}?)";
    /** An LPR pricing formula before the figure it gives: 一年期LPR+100BP（当前为4.45%）. */
    private static final String LPR_FORMULA = "(?:[^\\d%％\\n]{0,12}?(?:LPR|贷款市场报价利率)\\s*[+＋加减-]\\s*\\d+(?:\\.\\d+)?\\s*"
            + "(?:BP|个基点|基点))?";
    /** Words of a lowest offer between a rate's label and its figure: as low as, starting at. */
    private static final String LOWEST = "(?:(?:as\\s+low\\s+as|starting\\s+(?:at|from)|low\\s+as)\\s*)?";
    private static final Pattern APR = Pattern.compile(
            "(?:近似折算|折算|实际|参考|综合)?(?:年化(?:利率|综合融资成本|综合资金成本|融资成本|综合成本|费率|成本)?|年利率|APR|Annual(?:i[sz]ed)?\\s+(?:interest\\s+|percentage\\s+)?rate)"
                    + "\\s*(?:[（(]([^)）]{1,12})[)）])?" + LPR_FORMULA + GAP + LOWEST + NUM + "\\s*[%％]",
            Pattern.CASE_INSENSITIVE);
    /** The figure on its own line above its caption: 「4.15%」 then 「年化利率低至」 (a product card's big number). */
    private static final Pattern FIGURE_ABOVE_LABEL = Pattern.compile("^[^\\d\\n]{0,6}?" + NUM
            + "\\s*[%％]\\s*(?:[-－~～至]\\s*\\d+(?:\\.\\d+)?\\s*[%％]\\s*)?起?\\s*\\n\\s*"
            + "((?:近似折算|折算|实际|参考|综合)?(?:年化(?:利率|综合融资成本|融资成本|综合成本)?|年利率)[^\\d\\n%％]{0,16})$",
            Pattern.MULTILINE);
    /** A fee's label just before a rate: 担保费：年化1%, 服务费按年化0.5% (the fee's rate, not the loan's). */
    private static final Pattern FEE_LABEL_BEFORE = Pattern.compile("[\\u4e00-\\u9fa5]{1,12}费率?\\s*[：:]?\\s*(?:按|为|收取)?\\s*$");
    /** 综合费率 / 综合年化费率 is the product's all-in cost, not one fee's rate. */
    private static final Pattern ALL_IN_LABEL = Pattern.compile("综合[\\u4e00-\\u9fa5]{0,4}费率");
    /** The figure first and 年化 in the bracket after it: 利率低至3.85%（年化）, 3.6%起（年化，单利）, 4%/年化. */
    private static final Pattern APR_LABEL_AFTER = Pattern.compile(
            NUM + "\\s*[%％]\\s*(?:[-－~～至]\\s*\\d+(?:\\.\\d+)?\\s*[%％]\\s*)?起?\\s*[（(/]\\s*(年化[^)）\\n]{0,12})");
    private static final Pattern LABEL_AFTER = Pattern.compile("(?:\\s*[-－~～至]\\s*\\d+(?:\\.\\d+)?\\s*[%％])?\\s*起?\\s*[（(]([^)）]{1,12})[)）]");
    private static final Pattern EXECUTION = Pattern.compile("执行(?:年)?利率\\s*(?:[（(][^)）]{1,12}[)）])?" + LPR_FORMULA
            + "(?:" + NOT_ADJUSTMENT + "[^\\d\\n%％]){0,6}?" + NUM + "\\s*[%％]");
    private static final Pattern PERIODIC = Pattern.compile(
            "(?:(?:日|月)(?:利率|息|费率|利息|综合费率)|每日利息|每月利息)[^\\d\\n%％‰]{0,6}?\\d+(?:\\.\\d+)?\\s*[%％‰]"
                    + "|日息\\s*万分之?\\s*[\\d零一二两三四五六七八九十点.]+(?:元)?"
                    + "|日息万[\\d零一二两三四五六七八九十点.]+"
                    + "|每万元每[日天](?:利息)?(?:仅需|仅)?\\s*\\d+(?:\\.\\d+)?\\s*元");
    private static final Pattern MONTHS = Pattern.compile(NUM + "\\s*(?:个)?(月|期|[- ]?months?\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEARS = Pattern.compile("(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十])\\s*(?:年|[- ]?years?\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AMOUNT = Pattern.compile(NUM + "\\s*(亿元|亿|万元|万|元)");
    private static final Pattern FEE_NAME = Pattern.compile("([\\u4e00-\\u9fa5]{1,12}?费)(?!用)");
    private static final Pattern PRICE_FIGURE = Pattern.compile("\\d+(?:\\.\\d+)?\\s*(?:[%％‰]|元)|(?:RMB|CNY|¥|￥)\\s*\\d");
    /** A column's label before a value: 「收费标准：」. */
    private static final Pattern COLUMN_LABEL = Pattern.compile("([^：:\\d\\s]{1,8})[：:]\\s*");
    /** An English fee's label at the start of a clause: 「Arrangement fee: 1% of the loan amount」. */
    private static final Pattern ENGLISH_FEE = Pattern.compile(
            "^\\s*([A-Za-z][A-Za-z -]{0,30}?\\b(?:fee|charge|premium|commission)s?)\\s*[:：]", Pattern.CASE_INSENSITIVE);
    /** An amount in English: RMB 1,000,000, CNY 3 million, ¥500k. */
    private static final Pattern ENGLISH_AMOUNT = Pattern.compile(
            "(?:RMB|CNY|¥|￥)\\s*(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*(million|mn|m|thousand|k)?\\b",
            Pattern.CASE_INSENSITIVE);
    /** Lines searched for a repayment kind when no repayment line names one. */
    private static final int REPAYMENT_SCAN_LINES = 2_000;
    /** Where a product page names its product, most specific first. */
    private static final List<String> NAME_SELECTORS = List.of("h1", "[class*=product-name]", "h2[class*=name]",
            "h2[class*=title]", "h2", "h3");
    private static final List<String> FEE_VERBS = List.of("收取", "缴纳", "支付", "收", "按", "的", "另");
    private static final Set<String> NOT_FEE_NAMES = Set.of("收费", "免费", "费", "缴费", "付费", "消费", "计费", "花费", "相关费", "其他费", "各项费");

    private final Vocabulary vocabulary;
    private final ExtractionLimits limits;
    private final Locators locators;

    ProductReader(Vocabulary vocabulary, ExtractionLimits limits, Locators locators) {
        this.vocabulary = vocabulary;
        this.limits = limits;
        this.locators = locators;
    }

    /** A line of the page: its text with full-width forms read as ASCII (for matching), and as published. */
    private record Line(Element element, String text, String original) {
    }

    ProductTerms read(Document doc, String sourceId, FeeItems fees, List<String> notes) {
        List<Line> lines = lines(doc);
        // the rate patterns run only over lines that can hold a rate (and the line after each, where
        // a label's figure may stand), so that a long page costs little more than its parsing
        List<Line> rateLines = new ArrayList<>();
        int taken = -1; // the last line taken
        for (int i = 0; i < lines.size(); i++) {
            if (mayHoldRate(lines.get(i).text())) {
                if (i > 0 && taken < i - 1 && startsWithFigure(lines.get(i - 1).text())) {
                    rateLines.add(lines.get(i - 1)); // a card's big figure above its caption
                }
                rateLines.add(lines.get(i));
                if (i + 1 < lines.size()) {
                    rateLines.add(lines.get(++i));
                }
                taken = i;
            }
        }
        StringBuilder all = new StringBuilder();
        for (Line l : rateLines) {
            all.append(l.text()).append('\n');
        }
        String text = all.toString();

        BigDecimal apr = null;
        String aprLabel = null;
        Element at = null;
        Matcher m = APR.matcher(text);
        while (m.find()) {
            if (isExecutionRate(text, m.start()) || isFeeRate(text, m.start())) {
                continue;
            }
            apr = new BigDecimal(m.group(2));
            String label = m.group(1);
            if (label == null) {
                // the label may follow the figure: 年化利率3.65%-6%（单利）
                Matcher after = LABEL_AFTER.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 24)));
                label = after.lookingAt() ? after.group(1) : null;
            }
            aprLabel = label == null ? null : vocabulary.aprLabelIn(label);
            at = elementAt(rateLines, m.start());
            break;
        }
        if (apr == null) {
            Matcher after = APR_LABEL_AFTER.matcher(text);
            while (after.find()) {
                if (isExecutionRate(text, after.start()) || isFeeRate(text, after.start())) {
                    continue;
                }
                apr = new BigDecimal(after.group(1));
                aprLabel = vocabulary.aprLabelIn(after.group(2));
                at = elementAt(rateLines, after.start());
                break;
            }
        }
        if (apr == null) {
            Matcher above = FIGURE_ABOVE_LABEL.matcher(text);
            if (above.find()) {
                apr = new BigDecimal(above.group(1));
                aprLabel = vocabulary.aprLabelIn(above.group(2));
                at = elementAt(rateLines, above.start());
            }
        }
        BigDecimal execution = null;
        Matcher ex = EXECUTION.matcher(text);
        if (ex.find()) {
            execution = new BigDecimal(ex.group(1));
        }
        Set<String> periodic = new LinkedHashSet<>();
        Matcher p = PERIODIC.matcher(text);
        while (p.find()) {
            periodic.add(Texts.clean(p.group()));
            if (at == null) {
                at = elementAt(rateLines, p.start());
            }
        }
        Integer term = null;
        Repayment repayment = null;
        BigDecimal maxAmount = null;
        for (Line l : lines) {
            String t = l.text();
            if (statesTerm(t)) {
                Integer months = months(t);
                if (months != null && (term == null || months > term)) {
                    term = months;
                }
            }
            if (repayment == null && (t.contains("还款") || t.contains("还本") || t.contains("付息"))) {
                repayment = vocabulary.repaymentIn(t);
            }
            boolean english = t.regionMatches(true, 0, "loan amount", 0, 11) || t.regionMatches(true, 0, "amount", 0, 6)
                    || t.regionMatches(true, 0, "credit limit", 0, 12) || t.regionMatches(true, 0, "loan limit", 0, 10);
            if (t.contains("额度") || t.contains("金额") || t.contains("最高") || t.contains("可贷") || t.contains("借款额")
                    || english) {
                BigDecimal amount = largestAmount(t, t.contains("额度") || t.contains("可贷") || english);
                if (amount != null && (maxAmount == null || amount.compareTo(maxAmount) > 0)) {
                    maxAmount = amount;
                }
            }
            readFees(l, fees);
        }
        for (int i = 0; repayment == null && i < lines.size() && i < REPAYMENT_SCAN_LINES; i++) {
            repayment = vocabulary.repaymentIn(lines.get(i).text());
        }
        if (apr == null && !periodic.isEmpty()) {
            notes.add("the page shows " + String.join("、", periodic) + " but no annualized rate (年化利率)");
        } else if (apr == null) {
            notes.add("the page shows no annualized rate (年化利率)");
        }
        Element anchor = at != null ? at : doc.body();
        StringBuilder evidence = new StringBuilder();
        for (int i = 0; i < lines.size() && evidence.length() < limits.maxEvidenceChars(); i++) {
            evidence.append(lines.get(i).original()).append('\n');
        }
        return new ProductTerms(sourceId, productName(doc), apr, aprLabel, List.copyOf(periodic), execution, term,
                repayment, maxAmount, fees.items(), anchor == null ? "html" : locators.of(anchor),
                Texts.bounded(evidence.toString().trim(), limits.maxEvidenceChars()));
    }

    /** A line that starts with a figure (after a few words such as 低至): maybe a card's big number. */
    private static boolean startsWithFigure(String t) {
        for (int i = 0; i < t.length() && i < 8; i++) {
            if (Character.isDigit(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayHoldRate(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '年' || c == '日' || c == '月' || c == '万' || c == 'A' || c == 'a') {
                return true;
            }
        }
        return false;
    }

    /** A line that states the loan term: 贷款期限, 期数, 借期, 最长可借24个月, 可贷3年, Term. */
    private static boolean statesTerm(String t) {
        return t.contains("期限") || t.contains("期数") || t.contains("借期") || t.contains("最长可借")
                || t.contains("最长可贷") || t.contains("最长可用") || t.contains("最长借款")
                || t.toLowerCase(java.util.Locale.ROOT).startsWith("term");
    }

    /** True when the rate at {@code at} follows a fee's label on its line: the fee's rate, not the loan's. */
    private static boolean isFeeRate(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        String before = text.substring(lineStart, at);
        return FEE_LABEL_BEFORE.matcher(before).find() && !ALL_IN_LABEL.matcher(before).find();
    }

    private static boolean isExecutionRate(String text, int at) {
        int from = Math.max(0, at - 4);
        return text.substring(from, at).contains("执行");
    }

    private static Element elementAt(List<Line> lines, int offset) {
        int pos = 0;
        for (Line l : lines) {
            pos += l.text().length() + 1;
            if (offset < pos) {
                return l.element();
            }
        }
        return null;
    }

    private static Integer months(String t) {
        Integer best = null;
        Matcher m = MONTHS.matcher(t);
        while (m.find()) {
            int v = new BigDecimal(m.group(1)).intValue();
            best = best == null ? v : Math.max(best, v);
        }
        Matcher y = YEARS.matcher(t);
        while (y.find()) {
            String n = y.group(1);
            int years = Character.isDigit(n.charAt(0)) ? new BigDecimal(n).multiply(BigDecimal.valueOf(12)).intValue()
                    : 12 * ("一二三四五六七八九十".indexOf(n.charAt(0)) + 1 + (n.charAt(0) == '两' ? 2 : 0));
            best = best == null ? years : Math.max(best, years);
        }
        return best;
    }

    /** The largest amount in a line; plain 元 amounts count only on an amount line (fees also say 元). */
    private static BigDecimal largestAmount(String t, boolean amountLine) {
        BigDecimal best = null;
        Matcher m = AMOUNT.matcher(t);
        while (m.find()) {
            BigDecimal v = new BigDecimal(m.group(1));
            String unit = m.group(2);
            if (unit.equals("元") && !amountLine) {
                continue;
            }
            if (unit.startsWith("亿")) {
                v = v.multiply(BigDecimal.valueOf(100_000_000));
            } else if (unit.startsWith("万")) {
                v = v.multiply(BigDecimal.valueOf(10_000));
            }
            if (best == null || v.compareTo(best) > 0) {
                best = v;
            }
        }
        Matcher en = ENGLISH_AMOUNT.matcher(t);
        while (amountLine && en.find()) {
            BigDecimal v = new BigDecimal(en.group(1).replace(",", ""));
            String unit = en.group(2) == null ? "" : en.group(2).toLowerCase(java.util.Locale.ROOT);
            if (unit.startsWith("m")) {
                v = v.multiply(BigDecimal.valueOf(1_000_000));
            } else if (unit.startsWith("k") || unit.startsWith("t")) {
                v = v.multiply(BigDecimal.valueOf(1_000));
            }
            if (best == null || v.compareTo(best) > 0) {
                best = v;
            }
        }
        return best == null ? null : best.stripTrailingZeros().setScale(Math.max(0, best.stripTrailingZeros().scale()));
    }

    /** Fees stated in a line: each 「；」 clause naming a fee (…费) with a figure. */
    private void readFees(Line line, FeeItems fees) {
        String t = line.text();
        if ((t.indexOf('费') < 0 && !ENGLISH_FEE.matcher(t).find()) || !PRICE_FIGURE.matcher(t).find()) {
            return;
        }
        String lastName = null;
        // clauses of the ASCII text, each with its published form (the forms map one character to one)
        int from = 0;
        for (int cut = 0; cut <= t.length(); cut++) {
            if (cut < t.length() && "；;。".indexOf(t.charAt(cut)) < 0) {
                continue;
            }
            String clause = t.substring(from, cut);
            String published = line.original().substring(from, cut);
            from = cut + 1;
            if (!PRICE_FIGURE.matcher(clause).find()) {
                continue;
            }
            String name = null;
            int end = 0;
            if (clause.contains("利率") || clause.contains("利息")) {
                continue; // the rate, not a fee
            }
            Matcher n = FEE_NAME.matcher(clause);
            while (n.find()) {
                String candidate = feeName(n.group(1));
                if (candidate != null) {
                    name = candidate;
                    end = n.end();
                    break;
                }
            }
            Matcher english = name == null ? ENGLISH_FEE.matcher(clause) : null;
            if (english != null && english.find()) {
                name = english.group(1).trim();
                end = english.end();
            }
            if (name == null) {
                name = lastName;
                end = 0;
            }
            if (name == null) {
                continue;
            }
            lastName = name;
            String priceText = published.substring(end).replaceFirst("^[\\s，,：:、]+", "").trim();
            Matcher label = COLUMN_LABEL.matcher(priceText);
            if (label.lookingAt() && vocabulary.roleOfLabel(label.group(1)) == Vocabulary.Role.PRICE) {
                priceText = priceText.substring(label.end()).trim(); // 「收费标准：1%」 from a labelled fee table
            }
            if (priceText.isEmpty()) {
                continue;
            }
            Price price = fees.parse(priceText);
            if (price.kind() != Price.Kind.PERCENT && price.kind() != Price.Kind.FIXED
                    && price.kind() != Price.Kind.TIERED) {
                continue;
            }
            Price.Period timing = vocabulary.timingIn(clause);
            if (timing != null && timing != price.period()) {
                // the clause may state the timing outside the price text (放款时收取贷款服务费，1.5%)
                price = new Price(price.kind(), price.low(), price.high(), price.base(), timing, price.unit(),
                        price.minimum(), price.maximum(), price.parts(), price.text());
            }
            fees.add(name, null, priceText, price, null, null, null, locators.of(line.element()), published.trim());
        }
    }

    /** The fee word at the end of a run of text: 放款时收取服务费 → 服务费; null for 免费, 不收取任何服务费. */
    private static String feeName(String run) {
        if (run.contains("不收") || run.contains("免") || run.contains("无") || run.contains("不含")) {
            return null;
        }
        String name = run;
        for (String verb : FEE_VERBS) {
            int at = name.lastIndexOf(verb);
            if (at >= 0 && at + verb.length() < name.length()) {
                name = name.substring(at + verb.length());
            }
        }
        return name.length() < 2 || NOT_FEE_NAMES.contains(name) ? null : name;
    }

    private static String productName(Document doc) {
        for (String selector : NAME_SELECTORS) {
            Element e = doc.selectFirst(selector);
            String t = e == null ? null : BoundedText.shortText(e, 40, false);
            if (t != null && !t.isEmpty()) {
                return t;
            }
        }
        String title = Texts.clean(doc.title());
        if (title.isEmpty()) {
            return null;
        }
        String[] parts = title.split("\\s*[-_|–—｜]\\s*");
        return parts[0].trim();
    }

    /** The page as lines: each block, table row and run between {@code <br>}s is one line. */
    private List<Line> lines(Document doc) {
        List<Line> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        Element[] owner = {doc.body()};
        int budget = limits.maxPageChars();
        Map<Element, String> columnLabels = new IdentityHashMap<>();
        doc.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    cur.append(t.getWholeText());
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                String tag = e.normalName();
                if (CatalogueReader.SKIPPED_TAGS.contains(tag) && !tag.equals("nav")) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (tag.equals("table")) {
                    labelColumns(e, columnLabels);
                }
                if (tag.equals("br")) {
                    flush(lines, cur, owner[0]);
                } else if (tag.equals("td") || tag.equals("th") || tag.equals("dd")) {
                    cur.append(' '); // a row, or a dt with its dd, is one line: label and value meet
                    String label = columnLabels.get(e);
                    if (label != null) {
                        cur.append(label).append('：'); // 「6个月 3.65%」 under 「贷款期限 年化利率」 reads as labelled
                    }
                } else if (BoundedText.BLOCK_TAGS.contains(tag)) {
                    flush(lines, cur, owner[0]);
                    owner[0] = e;
                }
                return lines.size() > budget / 8 ? FilterResult.STOP : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (BoundedText.BLOCK_TAGS.contains(tag) && !tag.equals("td") && !tag.equals("th")
                            && !tag.equals("dt")) {
                        flush(lines, cur, e);
                    }
                }
                return FilterResult.CONTINUE;
            }
        });
        flush(lines, cur, owner[0]);
        return lines;
    }

    /** Header cells longer than this are text, not column labels. */
    private static final int MAX_COLUMN_LABEL = 20;
    /** Tables longer than this are not labelled by their header. */
    private static final int MAX_LABELLED_ROWS = 60;

    /**
     * A table whose first row is a header of short labels without figures (贷款期限 | 年化利率（单利）):
     * each cell below it is given its column's label, so that a figure in a column reads as the
     * labelled value it is. Tables without such a header (label | value pairs) are left alone.
     */
    private void labelColumns(Element table, Map<Element, String> columnLabels) {
        if (TableGrid.ownRows(table).size() > MAX_LABELLED_ROWS) {
            return; // a product's rate or fee table is short; a long one is a list, read line by line
        }
        TableGrid grid = TableGrid.of(table, limits);
        if (!grid.has(1)) {
            return;
        }
        String[] labels = new String[grid.width()];
        int named = 0;
        for (int c = 0; c < grid.width(); c++) {
            Element cell = grid.cell(0, c);
            String text = grid.text(cell);
            if (text.isEmpty() || text.length() > MAX_COLUMN_LABEL || grid.spannedFromLeft(0, c)) {
                continue;
            }
            for (int i = 0; i < text.length(); i++) {
                if (Character.isDigit(text.charAt(i))) {
                    return; // a figure: a data row, not a header
                }
            }
            labels[c] = text;
            named++;
        }
        if (named < 2) {
            return;
        }
        for (int r = 1; grid.has(r); r++) {
            for (int c = 0; c < grid.width(); c++) {
                Element cell = grid.cell(r, c);
                if (labels[c] != null && cell != null && !grid.spannedFromAbove(r, c) && !grid.spannedFromLeft(r, c)
                        && !grid.text(cell).startsWith(labels[c])) {
                    columnLabels.put(cell, labels[c]);
                }
            }
        }
    }

    private static void flush(List<Line> lines, StringBuilder cur, Element owner) {
        String t = Texts.clean(cur.toString());
        cur.setLength(0);
        if (!t.isEmpty()) {
            // traditional characters (Big5 pages: 貸款期限 12個月, 手續費) are matched as simplified; one for one
            lines.add(new Line(owner, Texts.halfWidth(org.feewatch.engine.fees.Hanzi.simplified(t)), t));
        }
    }
}
