package org.feewatch.engine.fees;

import java.util.regex.Pattern;

import org.feewatch.api.FeeItem;

/**
 * Whether a published fee item exempts small and micro borrowers (RULES.md FEE-001, FEE-003,
 * PART-001): its entry says 对小微企业免收 or 小微企业…免收 (免费, 不收取, 全免), says that it does not
 * apply to small and micro enterprises, or applies only to large or medium enterprises
 * (仅适用于大中型企业客户). A discount (9折, 减半) is not an exemption, and neither is a negated
 * one (小微企业不免收).
 */
public final class SmallMicroExemption {

    /** Words naming small and micro borrowers in an entry. */
    private static final String SMALL_MICRO = "(?:小微|小、微|小型[、·•・/和及与]?微型|小型企业[、·•・/和及与]微型企业)";
    private static final String WAIVED = "(?<![不未非])(?:免收|免费|免予收取|免于收取|免收取|不收取|不收费|不予收取|全免|全额减免|予以免除"
            + "|暂停收取|暂停收费|停止收取|停止收费|不再收取|不再收费|取消收取|取消收费|暂不收取|暂不收费|豁免"
            + "|(?:[:：]|按)(?<![\\d.])0(?:\\.0+)?元)";

    private static final Pattern EXEMPTS_SMALL_MICRO = Pattern.compile(SMALL_MICRO + "[^。；;\\n]{0,30}?" + WAIVED
            // 免收（限小微企业）, 免费（仅限小微企业客户）: the waiver first, its audience in brackets after it
            + "|" + WAIVED + "\\s*[（(]\\s*(?:仅限|限于|限|仅对|对|针对|适用于)?\\s*" + SMALL_MICRO);
    private static final Pattern NOT_FOR_SMALL_MICRO = Pattern.compile(
            "(?:不适用于|不面向|不含|不包括|除外)[^。；;\\n]{0,6}" + SMALL_MICRO + "|" + SMALL_MICRO
                    + "[^。；;\\n]{0,10}(?:不适用|除外)");
    private static final Pattern ONLY_LARGE_OR_MEDIUM = Pattern.compile(
            "(?:仅|只|限)(?:适用于|适用|限于|限|对|面向|针对|向)?[^。；;\\n]{0,6}(?:大中型|大型|中型|大、中型)[^。；;\\n]{0,6}(?:企业|客户)");

    /**
     * The same on English and bilingual pages (whitespace is dropped before matching): 「Exempt for
     * small and micro enterprises」, 「Waived for SMEs」, 「Free for micro and small businesses」,
     * 「Applicable to large and medium enterprises only」; 「not exempt」 and discounts are not exemptions.
     */
    private static final String SMALL_MICRO_EN = "(?:small(?:and|&|/|,)micro|micro(?:and|&|/|,)small|(?-i:MSMEs?|SMEs?))";
    private static final String WAIVED_EN = "(?<!not)(?<!no)(?:exempt(?:ed|ion)?|waived?|freeofcharge|free|nocharge|notcharged)";
    private static final Pattern EXEMPTS_SMALL_MICRO_EN = Pattern.compile(
            WAIVED_EN + "[^.;\\n]{0,20}?" + SMALL_MICRO_EN + "|" + SMALL_MICRO_EN + "[^.;\\n]{0,30}?" + WAIVED_EN
                    // 「Not applicable to small and micro enterprises」, 「Excluding SMEs」
                    + "|(?:notapplicable(?:to|for)|doesnotapplyto|notchargedto|notcharged(?:for|on)|excluding|except(?:for)?)(?:the)?"
                    + SMALL_MICRO_EN,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ONLY_LARGE_OR_MEDIUM_EN = Pattern.compile(
            "(?:only|solely)(?:for|to|applicableto|appliesto|chargedto|charged)?(?:large|medium)"
                    + "|(?:large|medium)(?:and|&|/|,|or)?(?:large|medium)?(?:-sized)?(?:enterprises?|companies|customers|clients)only",
            Pattern.CASE_INSENSITIVE);

    /**
     * A remark (or 适用对象 / 适用客户 column) that names only large or medium enterprises as its audience:
     * 大中型企业, 大型、中型企业客户, Large and medium-sized enterprises. Matched against a whole part of the
     * remark (parts are separated by 「；」), so that 「含大中型企业」 or a sentence mentioning them is not.
     */
    private static final Pattern AUDIENCE_LARGE_OR_MEDIUM = Pattern.compile(
            "(?:仅限?|只|限)?(?:适用于|面向|针对)?(?:大中型|中大型|大、中型|大型|中型)(?:(?:[、和及与/]|以及)(?:大型|中型))?"
                    + "(?:企业|公司|法人)?(?:客户)?");
    private static final Pattern AUDIENCE_LARGE_OR_MEDIUM_EN = Pattern.compile(
            "(?:large|medium)(?:-sized)?(?:(?:and|&|/|,|or)(?:large|medium)(?:-sized)?)?"
                    + "(?:enterprises?|companies|customers|clients|corporates?|corporatecustomers)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Answers for items already judged: the same published items are asked about for every loan
     * that carries them. Bounded: cleared when it grows past this many items.
     */
    private static final int CACHE_LIMIT = 10_000;
    private static final java.util.concurrent.ConcurrentHashMap<FeeItem, Boolean> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private SmallMicroExemption() {
    }

    /** True when the item's entry (name, price, content, remark, section, row text) exempts small and micro borrowers. */
    public static boolean exempts(FeeItem item) {
        if (item == null) {
            return false;
        }
        Boolean known = CACHE.get(item);
        if (known != null) {
            return known;
        }
        boolean answer = exempts(item.name(), item.priceText(), item.content(), item.remark(), item.section(),
                item.text()) || audienceIsLargeOrMedium(item.remark()) || audienceIsLargeOrMedium(qualifier(item.name()));
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(item, answer);
        return answer;
    }

    /** True when any of the texts exempts small and micro borrowers. */
    public static boolean exempts(String... texts) {
        for (String t : texts) {
            if (t == null || t.isBlank()) {
                continue;
            }
            String s = normalise(t);
            if (EXEMPTS_SMALL_MICRO.matcher(s).find() || NOT_FOR_SMALL_MICRO.matcher(s).find()
                    || ONLY_LARGE_OR_MEDIUM.matcher(s).find() || EXEMPTS_SMALL_MICRO_EN.matcher(s).find()
                    || ONLY_LARGE_OR_MEDIUM_EN.matcher(s).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a part of the remark names only large or medium enterprises: the item's 适用对象 is
     * 大中型企业, so it does not apply to small and micro borrowers (RULES.md FEE-001: "applies only
     * to large or medium enterprises").
     */
    public static boolean audienceIsLargeOrMedium(String remark) {
        if (remark == null || remark.isBlank()) {
            return false;
        }
        for (String part : normalise(remark).split("[；\\n]")) {
            String p = part.replaceAll("^[(（]|[)）。.]$", "");
            if (!p.isEmpty() && (AUDIENCE_LARGE_OR_MEDIUM.matcher(p).matches()
                    || AUDIENCE_LARGE_OR_MEDIUM_EN.matcher(p).matches())) {
                return true;
            }
        }
        return false;
    }

    /** A qualifier in brackets after a name: 资金管理费（大中型企业） → 大中型企业. */
    private static final Pattern NAME_QUALIFIER = Pattern.compile("[（(]([^（()）]{1,20})[)）]\\s*$");

    /**
     * The qualifier in brackets at the end of an item's name, or null: 资金管理费（大中型企业） names
     * the item's audience as an 适用对象 column would.
     */
    static String qualifier(String name) {
        if (name == null) {
            return null;
        }
        java.util.regex.Matcher m = NAME_QUALIFIER.matcher(name);
        return m.find() ? m.group(1) : null;
    }

    private static String normalise(String original) {
        String t = Hanzi.simplified(original);
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (c == ';') {
                c = '；';
            }
            if (!Character.isWhitespace(c) || c == '\n') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
