package org.feewatch.disclosure.internal.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.feewatch.disclosure.internal.extract.Vocabulary.Role;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads catalogue items laid out as blocks rather than table rows: dt/dd pairs, lists and
 * paragraphs of 「收费标准：…」 lines, and cards with a title and labelled lines. A container's
 * lines are its child blocks (or the runs between {@code <br>}s); a labelled line names its role
 * through the column vocabulary. A title line or a 服务项目 line starts a record; a record with a
 * price line becomes a fee item.
 */
final class BlockReader {

    /** A value that states a price: a figure in yuan or percent, or free / negotiated words. */
    private static final Pattern PRICE_LIKE = Pattern.compile(
            "[\\d０-９]\\s*[%％‰元]|[万千百]分之|免费|免收|不收取|暂不收费|取消收费|协议定价|面议");
    /** A fee given as a formula: 「担保费＝担保金额×1.5%×担保期限（年）」. */
    private static final Pattern FORMULA = Pattern.compile("^([^＝=：:]{1,20}?)\\s*[＝=]\\s*(.*)$", Pattern.DOTALL);
    /** A fee's label after a stop inside a line: 「担保费：年化0.8%；保证金：担保金额的10%」. */
    private static final Pattern NEXT_FEE_LABEL = Pattern.compile("(?<=[；;。])\\s*([^：:；;。，,\\s]{2,12})[：:]");
    /** A label inside a line, at its start or after a space or a stop: 「… 收费标准：…」. */
    private static final Pattern INNER_LABEL = Pattern.compile("(?<=^|[\\s，,。；;])([^\\s：:，,。；;]{2,12})[：:]");
    /** A clause's numbering before its label: 一、 （二） 3. 4、 ⑤. */
    private static final Pattern LEADING_ORDINAL = Pattern.compile(
            "^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\\d]{1,3}[)）]|\\d{1,2}[、.．](?!\\d)|[①-⑳])\\s*");
    private static final Pattern LABELLED = Pattern.compile("^([^：:]{1,20})[：:]\\s*(.*)$", Pattern.DOTALL);
    private static final Set<String> LABEL_TAGS = Set.of("b", "strong", "span", "label", "em", "th", "dt", "font", "i");
    private static final Set<String> TITLE_TAGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "dt", "strong", "b", "caption", "legend");
    /** How much of a block is looked at before deciding whether its whole text is needed. */
    private static final int GLANCE_CHARS = 48;
    private static final int GLANCE_NODES = 400;
    /** Titles longer than this are text, not item names. */
    private static final int MAX_TITLE_CHARS = 40;

    private final Vocabulary vocabulary;
    private final java.util.function.Predicate<String> knownFee;
    private final ExtractionLimits limits;
    private final Locators locators;

    BlockReader(Vocabulary vocabulary, ExtractionLimits limits, Locators locators,
            java.util.function.Predicate<String> knownFee) {
        this.knownFee = knownFee;
        this.vocabulary = vocabulary;
        this.limits = limits;
        this.locators = locators;
    }

    /** One line of a container: its element, its text, and its label role and value when labelled. */
    private record Line(Element element, String text, Role role, String value, boolean title, String item) {
        Line(Element element, String text, Role role, String value, boolean title) {
            this(element, text, role, value, title, null);
        }
    }

    /**
     * Reads the records of {@code container} into {@code out}, skipping children in {@code holders}
     * (tables and blocks already read); returns the number of items added.
     */
    int read(Element container, Headings headings, Set<Element> holders, FeeItems out) {
        List<Line> lines = lines(container, holders);
        if (lines.size() < 1) {
            return 0;
        }
        boolean anyPrice = false;
        int labelled = 0;
        boolean named = false;
        for (Line l : lines) {
            anyPrice |= l.role() == Role.PRICE || l.item() != null;
            labelled += l.role() != null ? 1 : 0;
            named |= l.role() == Role.ITEM || l.item() != null || (l.role() == null && l.title());
        }
        // one labelled line with no name in the container is part of a larger block: its parent reads it
        if (!anyPrice || (!named && labelled < 2)) {
            return 0;
        }
        List<Record> records = new ArrayList<>();
        Record cur = null;
        for (Line l : lines) {
            if (l.item() != null) {
                // 「担保费：年费率1.5%」: an item and its price on one line
                if (cur != null && (cur.name != null || !cur.fields.isEmpty())) {
                    records.add(cur);
                }
                Record one = new Record(l.item());
                one.fields.put(Role.PRICE, l.value());
                one.lines.add(l.text());
                records.add(one);
                cur = null;
                continue;
            }
            if (l.role() == Role.ITEM || (l.role() == null && l.title())) {
                if (cur != null && (cur.name != null || !cur.fields.isEmpty())) {
                    records.add(cur);
                }
                cur = new Record(l.role() == Role.ITEM ? l.value() : l.text());
                cur.lines.add(l.text());
                continue;
            }
            if (l.role() == null) {
                if (cur != null) {
                    cur.lines.add(l.text());
                }
                continue;
            }
            if (cur == null) {
                cur = new Record(null);
            }
            cur.fields.merge(l.role(), l.value(), (a, b) -> a + "；" + b);
            cur.lines.add(l.text());
        }
        if (cur != null) {
            records.add(cur);
        }
        records.removeIf(r -> !r.fields.containsKey(Role.PRICE));
        int added = 0;
        for (Record r : records) {
            // the block is the evidence: label and value lines (dt/dd, br-separated runs) have no element of their own
            added += emit(r, container, container, headings, out);
        }
        return added;
    }

    private int emit(Record rec, Element at, Element container, Headings headings, FeeItems out) {
        if (out.full()) {
            return 0;
        }
        String name = rec.name;
        Headings context = headings;
        if (name == null || name.isBlank()) {
            Element title = titleBefore(container);
            if (title == null) {
                return 0;
            }
            name = BoundedText.shortText(title, MAX_TITLE_CHARS, true);
            // a card's title outside its body was read as a heading; it names the item, not a section
            context = headings.closing(name);
            // the evidence is the card: the title and the block under the same parent
            at = title.parent() != null ? title.parent() : container;
            rec.lines.add(0, name);
        }
        String basis = rec.fields.get(Role.BASIS);
        if (basis == null) {
            basis = context.basis();
        }
        List<String> remarks = new ArrayList<>();
        for (Role r : new Role[] {Role.DISCOUNT, Role.APPLIES_TO, Role.REMARK, Role.EFFECTIVE}) {
            remarks.add(rec.fields.get(r));
        }
        String section = rec.fields.get(Role.CATEGORY);
        if (section == null) {
            section = context.section();
        }
        if (at == null) {
            at = container;
        }
        return out.add(name, rec.fields.get(Role.CONTENT), rec.fields.get(Role.PRICE), basis,
                Texts.join(remarks, "；"), section, locators.of(at), String.join("\n", rec.lines)) ? 1 : 0;
    }

    /** A title just before the container (a card's heading outside its body), or null. */
    private static Element titleBefore(Element container) {
        Element e = container;
        for (int up = 0; up < 2 && e != null; up++) {
            Element prev = e.previousElementSibling();
            for (int k = 0; k < 3 && prev != null; k++, prev = prev.previousElementSibling()) {
                if (isTitle(prev)) {
                    String t = BoundedText.shortText(prev, MAX_TITLE_CHARS, true);
                    if (t != null && !t.isEmpty()) {
                        return prev;
                    }
                }
            }
            e = e.parent();
        }
        return null;
    }

    private static boolean isTitle(Element e) {
        if (TITLE_TAGS.contains(e.normalName())) {
            return true;
        }
        String cls = e.className().toLowerCase(java.util.Locale.ROOT);
        return cls.contains("title") || cls.contains("name") || cls.contains("heading");
    }

    private List<Line> lines(Element container, Set<Element> holders) {
        List<Line> lines = new ArrayList<>();
        StringBuilder inline = new StringBuilder();
        Role pendingLabel = null;
        for (Node node : container.childNodes()) {
            if (node instanceof TextNode t) {
                inline.append(t.getWholeText());
                continue;
            }
            if (!(node instanceof Element child)) {
                continue;
            }
            String tag = child.normalName();
            if (tag.equals("br")) {
                addInline(lines, inline, container);
                continue;
            }
            if (tag.equals("script") || tag.equals("style") || holders.contains(child)) {
                addInline(lines, inline, container);
                continue;
            }
            if (!BoundedText.BLOCK_TAGS.contains(tag)) {
                if (inline.length() < limits.maxEvidenceChars()) {
                    inline.append(BoundedText.prefix(child, limits.maxEvidenceChars()));
                }
                continue;
            }
            addInline(lines, inline, container);
            // a short look first: most blocks are wrappers or prose, and only a label needs the whole text
            String text = BoundedText.prefix(child, GLANCE_CHARS, GLANCE_NODES);
            if (text.isEmpty()) {
                continue;
            }
            if (mayBeLabelled(child, text)) {
                text = BoundedText.prefix(child, limits.maxEvidenceChars());
            }
            if (tag.equals("dt")) {
                Role role = vocabulary.roleOfLabel(stripColon(text));
                if (role != null) {
                    pendingLabel = role;
                    continue;
                }
                lines.add(new Line(child, text, null, null, text.length() <= MAX_TITLE_CHARS));
                continue;
            }
            if (tag.equals("dd") && pendingLabel != null) {
                lines.add(new Line(child, text, pendingLabel, text, false));
                pendingLabel = null;
                continue;
            }
            if (tag.equals("dd") && !lines.isEmpty() && lines.get(lines.size() - 1).title()
                    && lines.get(lines.size() - 1).element().normalName().equals("dt")
                    && !LABELLED.matcher(text).matches() && PRICE_LIKE.matcher(text).find()) {
                // <dt>融资担保费</dt><dd>年化1.2%，按年收取</dd>: the term's definition is its price
                lines.add(new Line(child, text, Role.PRICE, text, false));
                continue;
            }
            pendingLabel = null;
            if (tag.equals("tr")) {
                lines.add(rowLine(child, text));
                continue;
            }
            addLines(lines, child, text);
        }
        addInline(lines, inline, container);
        return lines;
    }

    private void addInline(List<Line> lines, StringBuilder inline, Element container) {
        String text = Texts.clean(inline.toString());
        inline.setLength(0);
        if (!text.isEmpty()) {
            addLines(lines, container, text);
        }
    }

    /** The line, or the labelled lines it holds when it is a whole record on one line. */
    private void addLines(List<Line> lines, Element e, String text) {
        List<Line> split = splitLabels(e, text);
        if (split == null) {
            split = splitFees(e, text);
        }
        if (split != null) {
            lines.addAll(split);
        } else {
            lines.add(line(e, text));
        }
    }

    /**
     * Several fees on one line, each with its label after a stop: 「担保费：年化0.8%；保证金：担保金额的10%」.
     * One line a fee, when the line starts with a fee's label; null for any other line.
     */
    private List<Line> splitFees(Element e, String text) {
        Matcher first = LABELLED.matcher(text);
        if (!first.matches() || !namesFee(first.group(1).trim()) || vocabulary.roleOfLabel(first.group(1).trim()) != null) {
            return null;
        }
        List<Integer> cuts = new ArrayList<>();
        Matcher m = NEXT_FEE_LABEL.matcher(text);
        while (m.find()) {
            String label = m.group(1);
            if (namesFee(label) && vocabulary.roleOfLabel(label) == null) {
                cuts.add(m.start(1));
            }
        }
        if (cuts.isEmpty()) {
            return null;
        }
        List<Line> out = new ArrayList<>(cuts.size() + 1);
        int from = 0;
        cuts.add(text.length());
        for (int cut : cuts) {
            String clause = text.substring(from, cut).trim().replaceAll("[；;。]+$", "");
            if (!clause.isEmpty()) {
                out.add(line(e, clause));
            }
            from = cut;
        }
        return out;
    }

    /**
     * A record written on one line, as CMS articles and partner notices do: 「1.收费项目：资金管理费 服务内容：…
     * 收费标准：每笔500元 备注：…」. One labelled line per label of the vocabulary, when the line starts with an
     * item label and holds a price label too; null for any other line (a label inside a value, such as
     * 柜面：, is no new label).
     */
    private List<Line> splitLabels(Element e, String text) {
        if (text.indexOf('：') < 0 && text.indexOf(':') < 0) {
            return null;
        }
        Matcher m = INNER_LABEL.matcher(text);
        List<int[]> spans = new ArrayList<>();
        List<Role> roles = new ArrayList<>();
        while (m.find()) {
            Role role = vocabulary.roleOfLabel(m.group(1));
            if (role != null && (!roles.isEmpty() || role == Role.ITEM)) {
                spans.add(new int[] {m.start(1), m.end(1), m.end()});
                roles.add(role);
            } else if (roles.isEmpty()) {
                return null; // the line does not start with 收费项目：
            }
        }
        if (roles.size() < 2 || !roles.contains(Role.PRICE) || spans.get(0)[0] != 0) {
            return null;
        }
        List<Line> out = new ArrayList<>(roles.size());
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            String value = text.substring(spans.get(i)[2], end).trim();
            if (value.isEmpty()) {
                continue;
            }
            out.add(new Line(e, text.substring(spans.get(i)[0], end).trim(), roles.get(i), value, false));
        }
        return out.size() >= 2 ? out : null;
    }

    private Line rowLine(Element tr, String text) {
        List<Element> cells = new ArrayList<>();
        for (Element c : tr.children()) {
            if (c.normalName().equals("td") || c.normalName().equals("th")) {
                cells.add(c);
            }
        }
        if (cells.size() >= 2) {
            Role role = vocabulary.roleOfLabel(stripColon(Texts.clean(cells.get(0).text())));
            if (role != null) {
                List<String> rest = new ArrayList<>();
                for (int i = 1; i < cells.size(); i++) {
                    rest.add(BoundedText.prefix(cells.get(i), limits.maxEvidenceChars()));
                }
                return new Line(tr, text, role, Texts.join(rest, " "), false);
            }
        }
        return line(tr, text);
    }

    private Line line(Element e, String text) {
        Matcher f = FORMULA.matcher(text);
        if (f.matches() && namesFee(f.group(1).trim()) && PRICE_LIKE.matcher(f.group(2)).find()) {
            // 「担保费＝担保金额×1.5%×担保期限（年）」: the fee as a formula of its price
            return new Line(e, text, null, f.group(2).trim(), false, f.group(1).trim());
        }
        Matcher m = LABELLED.matcher(text);
        if (m.matches()) {
            // 「一、担保费率：…」, 「（二）评审费：…」: the numbering of a notice's clauses is no part of the fee's name
            String label = LEADING_ORDINAL.matcher(m.group(1).trim()).replaceFirst("");
            String stem = feeOfRateLabel(label);
            if (stem != null && PRICE_LIKE.matcher(m.group(2)).find()) {
                // 「担保费率：0.8%/年」, 「服务费收费标准：每月30元」: the label names the fee and its price
                return new Line(e, text, null, m.group(2).trim(), false, stem);
            }
            Role role = vocabulary.roleOfLabel(label);
            if (role != null) {
                return new Line(e, text, role, m.group(2).trim(), false);
            }
            String value = m.group(2).trim();
            if (namesFee(label) && PRICE_LIKE.matcher(value).find()) {
                return new Line(e, text, null, value, false, label);
            }
        }
        Element first = e.firstElementChild();
        if (first != null && LABEL_TAGS.contains(first.normalName())) {
            String label = Texts.clean(first.text());
            Role role = vocabulary.roleOfLabel(stripColon(label));
            if (role != null && text.startsWith(label)) {
                return new Line(e, text, role, stripLeadingColon(text.substring(label.length())), false);
            }
        }
        boolean title = text.length() <= MAX_TITLE_CHARS && !Texts.isSentence(text)
                && (isTitle(e) || (first != null && TITLE_TAGS.contains(first.normalName())
                        && Texts.clean(first.text()).equals(text)));
        return new Line(e, text, null, null, title);
    }

    /** True when a block may be a labelled line, a title or a row of a label table: worth its whole text. */
    private boolean mayBeLabelled(Element child, String glance) {
        String tag = child.normalName();
        if (tag.equals("dt") || tag.equals("dd") || tag.equals("tr") || TITLE_TAGS.contains(tag) || isTitle(child)) {
            return true;
        }
        Matcher m = LABELLED.matcher(glance);
        if (m.matches() && (vocabulary.roleOfLabel(m.group(1).trim()) != null || namesFee(m.group(1).trim()))) {
            return true;
        }
        Matcher f = FORMULA.matcher(glance);
        if (f.matches() && namesFee(f.group(1).trim())) {
            return true;
        }
        Element first = child.firstElementChild();
        return first != null && LABEL_TAGS.contains(first.normalName());
    }

    /** Suffixes that turn a fee's name into the label of its price: 担保费率, 服务费标准, 评估费收费标准. */
    private static final List<String> RATE_SUFFIXES = List.of("收费标准", "收费比例", "标准", "比例", "率");

    /** The fee a price label is about (担保费 for 担保费率), or null when the label is not one. */
    private String feeOfRateLabel(String label) {
        for (String suffix : RATE_SUFFIXES) {
            if (label.endsWith(suffix)) {
                String stem = label.substring(0, label.length() - suffix.length()).trim();
                if (stem.length() >= 2 && (stem.endsWith("费") || stem.endsWith("金") || knownFee.test(stem))
                        && !Texts.isSentence(stem) && vocabulary.roleOfLabel(stem) == null) {
                    return stem;
                }
                return null;
            }
        }
        return null;
    }

    /** A label that names a fee: 担保费, 提前还款违约金, 罚息, or any name the fee dictionary knows. */
    private boolean namesFee(String label) {
        if (label.isEmpty() || Texts.isSentence(label)) {
            return false;
        }
        return label.indexOf('费') >= 0 || label.endsWith("金") || label.endsWith("息") || knownFee.test(label);
    }

    private static String stripColon(String s) {
        String t = s.trim();
        while (t.endsWith("：") || t.endsWith(":")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        return t;
    }

    private static String stripLeadingColon(String s) {
        String t = s.trim();
        while (t.startsWith("：") || t.startsWith(":")) {
            t = t.substring(1).trim();
        }
        return t;
    }

    /** A record being read: a name, the labelled values and the lines, for evidence. */
    private static final class Record {
        final String name;
        final Map<Role, String> fields = new EnumMap<>(Role.class);
        final List<String> lines = new ArrayList<>();

        Record(String name) {
            this.name = name;
        }
    }
}
