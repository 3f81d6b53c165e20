package org.feewatch.engine.price;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.feewatch.api.Price;
import org.feewatch.api.Price.Base;
import org.feewatch.api.Price.Kind;
import org.feewatch.api.Price.Period;

/**
 * Reads a published price text (收费标准) into a {@link Price}. Stateless and thread-safe.
 *
 * <p>Forms understood: percentages of a base (按贷款金额的0.5%收取, 0.5‰, 万分之五, 年费率1.2%,
 * 按贷款本金的0.25%/月, ranges 0.3%-1%), fixed amounts (每笔200元, 100-500元, 每笔不超过20000元,
 * 每笔最低300元, 万元 amounts), minimum and maximum charges (最低…元 最高…元), tiers separated by
 * ；/。/line breaks with their amount conditions (1万元（含）以下每笔5元；…), free (免费, 暂不收费,
 * 取消收费), negotiated (协议定价) and texts that state no price (详询营业网点, blank). Full-width
 * digits and punctuation are read as their ASCII forms.
 */
public final class PriceParser {

    private static final String NUM = "\\d+(?:\\.\\d+)?";
    /** A money unit: 元, or 万/千/亿 with or without 元. */
    private static final String MONEY_UNIT = "(?:[万千亿]元?|元)";
    private static final String INCL = "(?:\\((?:含|不含)\\))?";
    private static final String COND_LEAD = "(?:单笔金额|单笔|交易金额|汇款金额|转账金额|贷款金额|金额)?";

    /** An amount range that is a tier condition: 1万元至10万元（含）. */
    private static final Pattern COND_RANGE = Pattern.compile(COND_LEAD + "(" + NUM + ")(" + MONEY_UNIT + ")?" + INCL
            + "-(" + NUM + ")(" + MONEY_UNIT + ")" + INCL + "(以下|以内|以上|之间|的部分|部分|的)?" + INCL);
    /** A one-sided tier condition: 1万元（含）以下, 100万元以上, 超过100万元的部分. */
    private static final Pattern COND_SINGLE = Pattern.compile(COND_LEAD + "(?:(?<!不)超过)?(" + NUM + ")(" + MONEY_UNIT
            + ")" + INCL + "及?(以下|以内|以上)" + INCL + "(?:的部分|部分|的)?");
    private static final Pattern COND_OVER = Pattern.compile(COND_LEAD + "(?<!不)超过(" + NUM + ")(" + MONEY_UNIT
            + ")" + INCL + "(?:的部分|部分|的)");

    private static final Pattern PCT_RANGE = Pattern.compile("(" + NUM + ")%?-(" + NUM + ")%");
    private static final Pattern PCT = Pattern.compile("(" + NUM + ")%");
    private static final Pattern MONEY_RANGE = Pattern.compile("(" + NUM + ")(" + MONEY_UNIT + ")?-(" + NUM + ")("
            + MONEY_UNIT + ")");
    private static final Pattern MONEY = Pattern.compile("(" + NUM + ")(" + MONEY_UNIT + ")");

    private static final Pattern BARE_NUMBER = Pattern.compile(NUM);
    private static final Pattern PERMILLE = Pattern.compile("(" + NUM + ")‰");
    private static final Pattern PER_TEN_THOUSAND = Pattern.compile("(" + NUM + ")‱");
    private static final Pattern FRACTION_WORDS = Pattern.compile("(万|千|百)分之([零〇一二两三四五六七八九十点\\d.]+)");
    private static final Pattern THOUSANDS = Pattern.compile("(\\d),(\\d{3})(?!\\d)");
    private static final Pattern RANGE_WORD = Pattern.compile("(\\d(?:" + MONEY_UNIT + "|%)?" + INCL + ")(?:至|到)(?=\\d)");

    private static final String MAX_WORDS = "最高|不超过|不高于|上限|封顶|最多|至多|不得超过|不超|最高不超过";
    private static final String MIN_WORDS = "最低|不低于|最少|下限|保底|起点|至少|起收";
    private static final Pattern MAX_BEFORE = Pattern.compile("(?:" + MAX_WORDS + ")[^,;\\d]{0,8}$");
    private static final Pattern MIN_BEFORE = Pattern.compile("(?:" + MIN_WORDS + ")[^,;\\d]{0,8}$");
    private static final Pattern MAX_AFTER = Pattern.compile("^(?:封顶|以内|为上限)");
    private static final Pattern MIN_AFTER = Pattern.compile("^(?:起|为下限|起收)");

    private static final Pattern FREE_WORDS = Pattern.compile("免费|免收|暂不收费|暂不收取|暂免收|取消收费|已取消|不收费|不收取|免收费|零收费|不再收取|停止收费"
            + "|停止收取|暂停收取|暂停收费|停收|已停止收|无偿(?:提供|服务)|^(?:取消|不收|免)$"
            + "|不向[^,;\\d]{0,8}?收(?:取|费)|由(?:我行|本行|银行|贷款行|我公司|本公司)(?:全额)?(?:承担|支付|负担)");
    /** A group of customers a waiver is limited to (小微企业, 个人客户, 农户, 仅限…). */
    private static final Pattern FOR_AUDIENCE = Pattern.compile(
            "小微|小型|微型|个体工商户|个体户|个人客户|农户|涉农|三农|残疾|老年|军人|退役|学生|低保|脱贫|新市民|仅限|限于|\\(限");
    private static final Pattern NEGOTIATED_WORDS = Pattern.compile(
            "协议定价|协议价|协商定价|协商确定|双方协商|协议收费|按协议|面议|议价|一事一议|合同约定|市场化定价");

    private static final Pattern UNIT = Pattern.compile("每(笔|份|次|户|年|月|季度?|张|项|页|件|本|个|单|天|日|家)|元/(笔|份|次|户|年|月|季度?|张|项|页|件|本|个|单|天|日|家)");

    // a rate word (年费率, 月利率), a rate per period (0.25%/月) or a charging rhythm (每年, 按月); a bare
    // 年/月/日 only counts right before a percentage, so that dates (2022年7月1日) do not
    private static final String PCT_AHEAD = "(?=\\d+(?:\\.\\d+)?%)";
    // a price per thing and per period (元/户·年, 元/户/月, 元/笔.季): the period wins over a charging rhythm (按季收取)
    private static final String COUNTED = "户|笔|份|个|张|人|账户|项";
    private static final String PER_COUNT_AND = "/(?:" + COUNTED + ")[·•./]";
    // a formula times the term in years or months: 担保金额×1.5%×担保期限（年）, 本金×0.1%×期数（月）
    private static final String TIMES_TERM = "[×*xX](?:担保|贷款|借款|保险|融资|实际)?(?:期限|期间|年限|年数|期数|月数|天数)?";
    private static final Pattern YEAR = Pattern.compile("年(?:化|费|[^,;]{0,4}费率|利率|息)|年" + PCT_AHEAD
            + "|%/年|" + PER_COUNT_AND + "年|年[·•./](?:" + COUNTED + ")|%\\(年化?\\)|每年|按年|逐年|per annum|p\\.a\\.|" + TIMES_TERM + "\\(年\\)|[×*](?:担保|贷款|借款)?(?:年限|年数)"
            // a rate times the term with no unit (贷款本金×担保费率（1.5%）×贷款期限): rates are per year unless said
            + "|[×*](?:担保|贷款|借款|保险|融资|实际)?(?:期限|期间)(?!\\((?:月|日|天)\\))");
    private static final Pattern MONTH = Pattern.compile("月(?:[^,;]{0,4}费率|利率|息)|月" + PCT_AHEAD + "|%/月|"
            + PER_COUNT_AND + "月|%\\(月\\)|每月|按月|逐月|"
            + TIMES_TERM + "\\(月\\)|[×*](?:贷款|借款|担保)?(?:月数|期数)");
    private static final Pattern QUARTER = Pattern.compile("季度?(?:[^,;]{0,4}费率)|季度?" + PCT_AHEAD + "|%/季|"
            + PER_COUNT_AND + "季|每季|按季");
    private static final Pattern DAY = Pattern.compile("日(?:[^,;]{0,4}费率|利率|息)|日" + PCT_AHEAD + "|%/[日天]|%\\([日天]\\)|每日|每天|按日|按天|"
            + TIMES_TERM + "\\([日天]\\)");

    private PriceParser() {
    }

    /** Parses a price text; never throws, never returns null (UNSTATED for blank or priceless text). */
    public static Price parse(String text) {
        if (text == null || text.isBlank()) {
            return Price.unstated(text);
        }
        String norm = normalise(text);
        List<Price> parts = new ArrayList<>();
        boolean conditional = false;
        Period wholePeriod = period(norm);
        for (String segment : norm.split("[;\\n]+")) {
            if (segment.isBlank()) {
                continue;
            }
            Segment parsed = parseSegment(segment, wholePeriod);
            conditional |= parsed.conditional;
            Price last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
            if (parsed.price != null && !parsed.conditional && last != null && otherSide(last, parsed.price)) {
                // 上限：1%；下限：0.1% (a 收费标准 over 上限 | 下限): the two ends of one range
                parts.set(parts.size() - 1, joinSides(last, parsed.price));
            } else if (parsed.price != null) {
                parts.add(parsed.price);
            } else if (parsed.onlyBounds && !parts.isEmpty()) {
                // a clause such as 最低100元 after the rate belongs to the price before it
                Price prev = parts.remove(parts.size() - 1);
                parts.add(withBounds(prev, parsed.minimum, parsed.maximum, parsed.unit));
            } else if (parsed.onlyBounds) {
                parts.add(fixed(parsed.minimum, parsed.maximum, parsed.unit, parsed.period, segment));
            }
        }
        if (parts.isEmpty()) {
            return Price.unstated(text);
        }
        if (parts.size() == 1 && parts.get(0).kind() == Kind.FREE && FOR_AUDIENCE.matcher(norm).find()) {
            // 小微企业免收, 免费（仅限个人客户） alone: free for that audience only, which states no price for anyone
            // else (the exemption itself is read from the entry's text: SmallMicroExemption)
            return Price.unstated(text);
        }
        if (parts.size() == 1 && !conditional) {
            return retext(parts.get(0), text);
        }
        return new Price(Kind.TIERED, null, null, null, null, null, null, null, parts, text);
    }

    // ---- one clause -------------------------------------------------------------------------

    private static final class Segment {
        Price price;
        boolean conditional;
        boolean onlyBounds;
        BigDecimal minimum;
        BigDecimal maximum;
        String unit;
        Period period;
    }

    private enum Qualifier { PLAIN, MIN, MAX }

    private record Token(BigDecimal low, BigDecimal high, Qualifier qualifier) {
    }

    /** One clause; {@code wholePeriod} is the period the whole text states, for a clause that states none. */
    private static Segment parseSegment(String segment, Period wholePeriod) {
        Segment out = new Segment();
        StringBuilder work = new StringBuilder(segment);
        out.conditional = maskConditions(work);
        String masked = work.toString();

        List<Token> percents = new ArrayList<>();
        collect(work, PCT_RANGE, percents, true, false);
        collect(work, PCT, percents, false, false);
        List<Token> money = new ArrayList<>();
        collect(work, MONEY_RANGE, money, true, true);
        collect(work, MONEY, money, false, true);

        String unit = unit(masked);
        Period period = period(masked);
        if (period == null) {
            period = wholePeriod;
        }
        BigDecimal minMoney = pick(money, Qualifier.MIN, true);
        BigDecimal maxMoney = pick(money, Qualifier.MAX, false);

        if (!percents.isEmpty()) {
            BigDecimal[] range = range(percents);
            out.price = new Price(Kind.PERCENT, range[0], range[1], base(masked), period == null ? Period.ONCE : period,
                    unit, minMoney, maxMoney, null, segment);
            return out;
        }
        if (!money.isEmpty()) {
            BigDecimal[] range = range(money);
            boolean plain = money.stream().anyMatch(t -> t.qualifier == Qualifier.PLAIN);
            if (!plain && isBoundClauseOnly(masked)) {
                out.onlyBounds = true;
                out.minimum = minMoney;
                out.maximum = maxMoney;
                out.unit = unit;
                out.period = period;
                return out;
            }
            if (range[1] != null && range[1].signum() == 0 && (range[0] == null || range[0].signum() == 0)) {
                out.price = Price.free(segment); // 0元, 0.00元/笔: a price of nothing charges nobody, as 免费
                return out;
            }
            out.price = new Price(Kind.FIXED, range[0], range[1], null, fixedPeriod(unit, period), unit, null, null,
                    null, segment);
            return out;
        }
        String bare = masked.replace(" ", "");
        if (BARE_NUMBER.matcher(bare).matches()) {
            // a price column in yuan (收费标准（元）) holds bare numbers
            BigDecimal n = decimal(bare);
            out.price = n.signum() == 0 ? Price.free(segment)
                    : new Price(Kind.FIXED, n, n, null, Period.ONCE, null, null, null, null, segment);
            return out;
        }
        if (FREE_WORDS.matcher(masked).find()) {
            out.price = Price.free(segment);
        } else if (NEGOTIATED_WORDS.matcher(masked).find() || masked.indexOf(REFERENCE_FORMULA) >= 0) {
            out.price = Price.negotiated(segment);
        }
        return out;
    }

    /** A clause that carries nothing but a minimum or maximum charge (最低100元, 最高不超过5000元). */
    private static boolean isBoundClauseOnly(String masked) {
        String rest = PER_UNIT.matcher(masked).replaceAll("").replace(" ", "");
        return BOUND_CLAUSE.matcher(rest).matches();
    }

    private static final Pattern PER_UNIT = Pattern.compile("每(笔|份|次|户|年|月|季度?|张|项|笔交易)");
    private static final Pattern BOUND_CLAUSE = Pattern.compile(
            "^[,，]?(?:收费|收取|费用|手续费|单笔|且|但|,)*(?:(?:" + MIN_WORDS + "|" + MAX_WORDS + ").*)$");
    private static final Pattern HAS_DIGIT = Pattern.compile("\\d");
    private static final Pattern PRICE_PREFIX = Pattern.compile("(每(笔|份|次|户|年|月)|收取|收费|为|标准)$");

    /** Blanks out tier conditions (amount ranges the price depends on); true when any was found. */
    private static boolean maskConditions(StringBuilder work) {
        boolean found = false;
        found |= mask(work, COND_OVER, m -> true);
        found |= mask(work, COND_SINGLE, m -> true);
        found |= mask(work, COND_RANGE, m -> {
            boolean marked = m.group(0).contains("(") || m.group(5) != null;
            String before = work.substring(0, m.start()).replace(" ", "");
            String after = work.substring(m.end());
            boolean priceFollows = HAS_DIGIT.matcher(after).find() || FREE_WORDS.matcher(after).find();
            boolean pricePrefix = PRICE_PREFIX.matcher(before).find();
            return marked || (priceFollows && !pricePrefix);
        });
        return found;
    }

    private interface MatchTest {
        boolean test(Matcher m);
    }

    private static boolean mask(StringBuilder work, Pattern p, MatchTest accept) {
        Matcher m = p.matcher(work.toString());
        boolean found = false;
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            if (accept.test(m)) {
                spans.add(new int[] {m.start(), m.end()});
                found = true;
            }
        }
        for (int[] s : spans) {
            blank(work, s[0], s[1]);
        }
        return found;
    }

    private static void blank(StringBuilder work, int start, int end) {
        for (int i = start; i < end; i++) {
            work.setCharAt(i, ' ');
        }
    }

    private static void collect(StringBuilder work, Pattern p, List<Token> out, boolean isRange, boolean isMoney) {
        String s = work.toString();
        Matcher m = p.matcher(s);
        int lastEnd = 0;
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            BigDecimal low;
            BigDecimal high;
            if (isRange) {
                String unitLow = isMoney ? m.group(2) : null;
                String unitHigh = isMoney ? m.group(4) : null;
                high = isMoney ? money(m.group(3), unitHigh) : decimal(m.group(2));
                low = isMoney ? money(m.group(1), unitLow != null ? unitLow : unitHigh) : decimal(m.group(1));
            } else {
                low = isMoney ? money(m.group(1), m.group(2)) : decimal(m.group(1));
                high = low;
            }
            String before = s.substring(Math.max(lastEnd, m.start() - 14), m.start()).replace(" ", "");
            String after = s.substring(m.end(), Math.min(s.length(), m.end() + 4));
            Qualifier q = Qualifier.PLAIN;
            if (MAX_BEFORE.matcher(before).find() || MAX_AFTER.matcher(after).find()) {
                q = Qualifier.MAX;
            } else if (MIN_BEFORE.matcher(before).find() || MIN_AFTER.matcher(after).find()) {
                q = Qualifier.MIN;
            }
            out.add(new Token(low, high, q));
            spans.add(new int[] {m.start(), m.end()});
            lastEnd = m.end();
        }
        for (int[] sp : spans) {
            blank(work, sp[0], sp[1]);
        }
    }

    /** Low and high of a value from its tokens: plain values give both, 最低 the low, 最高 the high. */
    private static BigDecimal[] range(List<Token> tokens) {
        BigDecimal low = null;
        BigDecimal high = null;
        boolean plain = false;
        for (Token t : tokens) {
            if (t.qualifier == Qualifier.PLAIN) {
                if (!plain) {
                    low = t.low;
                    high = t.high;
                    plain = true;
                }
            }
        }
        if (!plain) {
            for (Token t : tokens) {
                if (t.qualifier == Qualifier.MIN && low == null) {
                    low = t.low;
                }
                if (t.qualifier == Qualifier.MAX && high == null) {
                    high = t.high;
                }
            }
        }
        return new BigDecimal[] {low, high};
    }

    private static BigDecimal pick(List<Token> tokens, Qualifier q, boolean low) {
        for (Token t : tokens) {
            if (t.qualifier == q) {
                return low ? t.low : t.high;
            }
        }
        return null;
    }

    // ---- words --------------------------------------------------------------------------------

    private static final Pattern BASE_OTHER = Pattern.compile("未提款|未提用|未使用|未用|未提取");
    private static final Pattern BASE_OUTSTANDING = Pattern.compile("贷款余额|剩余本金|未还本金|本金余额|借款余额|融资余额|余额");
    private static final Pattern BASE_FACE_VALUE = Pattern.compile("票面|保函金额|开证金额|信用证金额|汇票金额|面值|面额");
    private static final Pattern BASE_TRANSACTION = Pattern.compile(
            "汇款金额|交易金额|转账金额|结算金额|划拨金额|支付金额|兑换金额|划款金额");
    private static final Pattern BASE_PRINCIPAL = Pattern.compile("贷款金额|贷款本金|借款金额|借款本金|本金|承诺金额|安排金额|"
            + "担保金额|保证金额|授信金额|授信额度|融资金额|合同金额|贷款额度|贷款总额|银团总额|放款金额|发放金额|参加金额|参贷金额|"
            + "承贷金额|贷款|借款");

    static Base base(String s) {
        if (BASE_OTHER.matcher(s).find()) {
            return Base.OTHER;
        }
        if (BASE_OUTSTANDING.matcher(s).find()) {
            return Base.OUTSTANDING;
        }
        if (BASE_FACE_VALUE.matcher(s).find()) {
            return Base.FACE_VALUE;
        }
        if (BASE_TRANSACTION.matcher(s).find()) {
            return Base.TRANSACTION;
        }
        if (BASE_PRINCIPAL.matcher(s).find()) {
            return Base.PRINCIPAL;
        }
        return null;
    }

    static Period period(String s) {
        if (YEAR.matcher(s).find()) {
            return Period.PER_YEAR;
        }
        if (MONTH.matcher(s).find()) {
            return Period.PER_MONTH;
        }
        if (QUARTER.matcher(s).find()) {
            return Period.PER_QUARTER;
        }
        if (DAY.matcher(s).find()) {
            return Period.PER_DAY;
        }
        return null;
    }

    /** A fixed price's period: its unit when that is a period (每年), else the clause's (每户每年), else once. */
    private static Period fixedPeriod(String unit, Period period) {
        if (unit != null) {
            switch (unit) {
                case "年": return Period.PER_YEAR;
                case "月": return Period.PER_MONTH;
                case "季", "季度": return Period.PER_QUARTER;
                case "天", "日": return Period.PER_DAY;
                default: break;
            }
        }
        return period == null ? Period.ONCE : period;
    }

    private static String unit(String s) {
        Matcher m = UNIT.matcher(s);
        if (m.find()) {
            return m.group(1) != null ? m.group(1) : m.group(2);
        }
        return null;
    }

    // ---- numbers and normalisation ----------------------------------------------------------

    /** Full-width to ASCII, whitespace out, ‰ / 万分之 as percent, 至 as '-', thousands separators out. */
    /**
     * English price wording read as its Chinese equivalent before parsing, for bilingual and
     * English-only catalogues (CNY 200 per transaction = 每笔200元, 0.5% p.a. = 年费率0.5%); in order,
     * case-insensitive, on the text as published.
     */
    private static final List<Map.Entry<Pattern, String>> ENGLISH = List.of(
            english("(?:CNY|RMB|Yuan)\\s*(\\d+(?:,\\d{3})*(?:\\.\\d+)?)", "$1元"),
            english("[¥￥]\\s*(\\d+(?:,\\d{3})*(?:\\.\\d+)?)", "$1元"),
            english("(\\d)\\s*(?:yuan|CNY|RMB)\\b", "$1元"),
            english("\\b(?:per|each|every|/)\\s*(?:transaction|item|deal|time|payment|remittance|loan)s?\\b", "每笔"),
            english("\\b(?:per|each|every|/)\\s*(?:copy|copies|document|letter|certificate)s?\\b", "每份"),
            english("\\b(?:per|each|every|/)\\s*account\\b", "每户"),
            english("\\b(?:per\\s*(?:year|annum)|p\\.\\s*a\\.?|annually|yearly|a year)", "每年"),
            english("\\b(?:per\\s*month|monthly|a month)\\b", "每月"),
            english("\\b(?:per\\s*quarter|quarterly)\\b", "每季"),
            english("\\b(?:free\\s*of\\s*charge|no\\s*charge|free)\\b", "免费"),
            english("\\b(?:negotiable|negotiated|by\\s*(?:mutual\\s*)?(?:agreement|negotiation)|as\\s*agreed|subject\\s*to\\s*(?:the\\s*)?(?:agreement|negotiation)|to\\s*be\\s*(?:negotiated|agreed)|case\\s*by\\s*case)\\b", "协议定价"),
            english("\\b(?:minimum|min\\.|at\\s*least)\\b", "最低"),
            english("\\b(?:maximum|max\\.|up\\s*to|capped\\s*at|not\\s*exceeding|no\\s*more\\s*than)\\b", "最高"),
            english("\\bof\\s*the\\s*(?:committed|commitment)\\s*amount\\b", "承诺金额"),
            english("\\bof\\s*the\\s*(?:loan|borrowed|principal|credit)\\s*(?:amount|principal)?\\b", "贷款金额"),
            english("\\bof\\s*the\\s*outstanding\\s*(?:loan\\s*)?(?:balance|principal)\\b", "贷款余额"),
            english("\\bof\\s*the\\s*face\\s*(?:value|amount)\\b", "票面"),
            // points on a base: 1% plus 50 bps, LPR minus 20 bps
            english("\\bplus\\b", "+"),
            english("\\bminus\\b", "-"));

    private static Map.Entry<Pattern, String> english(String regex, String replacement) {
        return Map.entry(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), replacement);
    }

    private static String english(String text) {
        boolean latin = false;
        for (int i = 0; i < text.length() && !latin; i++) {
            char c = text.charAt(i);
            latin = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '¥' || c == '￥';
        }
        if (!latin) {
            return text;
        }
        String s = text;
        for (Map.Entry<Pattern, String> e : ENGLISH) {
            s = e.getKey().matcher(s).replaceAll(e.getValue());
        }
        if (s.indexOf('b') >= 0 || s.indexOf('B') >= 0) {
            String t = s;
            s = replaceAll(s, BASIS_POINTS, m -> adjusts(t, m.start()) ? m.group(0)
                    : plain(new BigDecimal(m.group(1)).movePointLeft(2)) + "%");
        }
        return s;
    }

    /** A rate in basis points (50 bps of the facility amount): a hundredth of a percent each. */
    private static final Pattern BASIS_POINTS = Pattern.compile(
            "(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(?:bps?|basis\\s*points?)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * An amount of yuan written in Chinese numerals, capital (人民币贰佰元整) or plain (二百元, 五十元): a
     * run with at least one digit word, before 元 or 圆 (and 整 after). A unit alone (每万元) is no amount.
     */
    private static final Pattern CHINESE_AMOUNT = Pattern.compile(
            "([零〇一二两三四五六七八九十百千万亿壹贰叁参肆伍陆柒捌玖拾佰仟]+)([元圆])整?");

    private static final String CHINESE_DIGITS = "零一二三四五六七八九";
    private static final String CAPITAL_DIGITS = "〇壹贰叁肆伍陆柒捌玖";

    private static final String CHINESE_NUMERALS = "零〇一二两三四五六七八九十百千万亿壹贰叁参肆伍陆柒捌玖拾佰仟";

    /** Numerals that are digits, not units: a run of units alone (万元, 每千元) is no amount. */
    private static final String DIGIT_NUMERALS = "零〇一二两三四五六七八九十壹贰叁参肆伍陆柒捌玖拾";

    /**
     * A quick look before the pattern: a run of numerals with a digit word right before 元 or 圆 (most
     * price texts have figures, and 1万元 has a unit word only).
     */
    private static boolean hasChineseAmount(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '元' && c != '圆') {
                continue;
            }
            for (int j = i - 1; j >= 0 && CHINESE_NUMERALS.indexOf(text.charAt(j)) >= 0; j--) {
                if (DIGIT_NUMERALS.indexOf(text.charAt(j)) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** 贰佰 → 200, 一万五千 → 15000, 十 → 10; null when the run holds no digit word or is malformed. */
    static BigDecimal chineseAmount(String run) {
        long total = 0;
        long section = 0;
        long digit = -1;
        boolean anyDigit = false;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            int d = c == '两' ? 2 : c == '参' ? 3 : c == '〇' ? 0 : Math.max(CHINESE_DIGITS.indexOf(c), CAPITAL_DIGITS.indexOf(c));
            if (d >= 0) {
                digit = d;
                anyDigit = true;
                continue;
            }
            long unit = switch (c) {
                case '十', '拾' -> 10;
                case '百', '佰' -> 100;
                case '千', '仟' -> 1000;
                case '万' -> 10_000;
                case '亿' -> 100_000_000;
                default -> -1;
            };
            if (unit < 0) {
                return null;
            }
            if (unit >= 10_000) {
                section += Math.max(digit, 0);
                total = (total + (section == 0 ? 1 : section)) * unit;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
                anyDigit |= unit == 10;
            }
            digit = -1;
        }
        if (!anyDigit) {
            return null;
        }
        return BigDecimal.valueOf(total + section + Math.max(digit, 0));
    }

    static String normalise(String original) {
        String text = english(org.feewatch.engine.fees.Hanzi.simplified(original));
        if (hasChineseAmount(text)) {
            text = replaceAll(text, CHINESE_AMOUNT, m -> {
                BigDecimal n = chineseAmount(m.group(1));
                return n == null ? m.group(0) : n.toPlainString() + m.group(2).replace('圆', '元');
            });
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            switch (c) {
                case '。', '；' -> b.append(';');
                case '\r', '\n' -> b.append('\n');
                case '、' -> b.append(',');
                case '〔', '【', '［' -> b.append('(');
                case '〕', '】', '］' -> b.append(')');
                case '\u2014', '\u2013', '\u2012', '\u2015', '\u2212', '~', '\u301C', '\u223C' -> b.append('-');
                default -> {
                    if (!Character.isWhitespace(c) && c != '\u3000' && c != '\u00A0') {
                        b.append(c);
                    }
                }
            }
        }
        String s = b.toString().replaceAll("-+", "-");
        s = replaceAll(s, THOUSANDS, m -> m.group(1) + m.group(2));
        s = replaceAll(s, THOUSANDS, m -> m.group(1) + m.group(2));
        s = replaceAll(s, FRACTION_WORDS, m -> {
            BigDecimal n = chineseNumber(m.group(2));
            if (n == null) {
                return m.group(0);
            }
            int shift = switch (m.group(1)) {
                case "万" -> 2;
                case "千" -> 1;
                default -> 0;
            };
            return plain(n.movePointLeft(shift)) + "%";
        });
        s = replaceAll(s, PERMILLE, m -> plain(new BigDecimal(m.group(1)).movePointLeft(1)) + "%");
        s = replaceAll(s, PER_TEN_THOUSAND, m -> plain(new BigDecimal(m.group(1)).movePointLeft(2)) + "%");
        if (s.indexOf('基') >= 0) {
            String t = s;
            s = replaceAll(s, BASIS_POINTS_ZH, m -> adjusts(t, m.start()) ? m.group(0)
                    : plain(new BigDecimal(m.group(1)).movePointLeft(2)) + "%");
        }
        s = replaceAll(s, RANGE_WORD, m -> m.group(1) + "-");
        return points(s);
    }

    // ---- percentage points and basis points on a stated base ---------------------------------

    /**
     * Stands in the normalised text for a price set as a reference rate plus or minus points whose figure
     * the text does not give (LPR加1.2个百分点): a pricing method, read as {@link Kind#NEGOTIATED} (no bound).
     */
    static final char REFERENCE_FORMULA = '\uE000';
    /** An adjustment in points: 上浮1.2个百分点, 加50个基点, +100BP, 减0.5个百分点, 下浮不超过30bps. */
    private static final Pattern POINTS = Pattern.compile("(上浮|上调|调高|提高|增加|加收|加上|加|\\+|下浮|下调|调低|降低|减少|减收|减去|减|-)"
            + "(不超过|不高于|不得超过|最多|最高|至多|以内)?(" + NUM + "|[零〇一二两三四五六七八九十]+(?:点[零〇一二三四五六七八九]+)?|半)"
            + "(个百分点|百分点|个基点|基点|bps|bp)(以内)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOWN = Pattern.compile("^(?:下浮|下调|调低|降低|减少|减收|减去|减|-)$");
    /** A reference rate named without its figure: the base of the points is then not in the text. */
    private static final Pattern REFERENCE_RATE = Pattern.compile(
            "LPR|贷款市场报价利率|市场报价利率|基准利率|基准费率|基础费率|基础利率|报价利率", Pattern.CASE_INSENSITIVE);
    /** The reference rate's figure in brackets after the points: （LPR为3.45%）, （其中一年期LPR3.45%）. */
    private static final Pattern REFERENCE_AFTER = Pattern.compile("^\\([^()%]*?(?:LPR|报价利率|基准)[^()%\\d]*?(" + NUM
            + ")%\\)", Pattern.CASE_INSENSITIVE);
    /** Small and micro borrowers named between a base and its points: the adjusted figure is theirs. */
    private static final Pattern AUDIENCE = Pattern.compile("(?:对)?(?:小微|小型微型|小型,微型|微型企业|个体工商户)[^,;:%\\d]{0,10}$");
    private static final Pattern LAST_PERCENT = Pattern.compile("(" + NUM + ")%(?:-(" + NUM + ")%)?");

    /**
     * Points added to or taken from the percentage stated before them in the same clause, as one
     * percentage: 「1%上浮0.5个百分点」 is 1.5 %, 「LPR（3.45%）加1.2个百分点」 4.65 %, 「1%减50个基点」 0.5 %
     * (a point is a percentage point, a 基点 / BP a hundredth of one, never a percent of the base); 「上浮
     * 不超过0.5个百分点」 is a range from the base. With no figure for the base: a reference rate named
     * (LPR加1.2个百分点) is a pricing method without a bound; otherwise the adjustment states no price.
     */
    private static String points(String s) {
        if (!s.contains("百分点") && !s.contains("基点") && !s.toLowerCase(java.util.Locale.ROOT).contains("bp")) {
            return s;
        }
        Matcher m = POINTS.matcher(s);
        StringBuilder out = new StringBuilder();
        int done = 0;
        while (m.find()) {
            BigDecimal points = "半".equals(m.group(3)) ? new BigDecimal("0.5") : chineseNumber(m.group(3));
            if (points == null) {
                continue; // not a number after all
            }
            if (m.group(4).contains("基点") || m.group(4).toLowerCase(java.util.Locale.ROOT).startsWith("bp")) {
                points = points.movePointLeft(2);
            }
            boolean down = DOWN.matcher(m.group(1)).matches();
            boolean upTo = m.group(2) != null || m.group(5) != null;
            int clause = Math.max(Math.max(s.lastIndexOf(';', m.start() - 1), s.lastIndexOf('\n', m.start() - 1)),
                    done - 1) + 1;
            Matcher base = LAST_PERCENT.matcher(s);
            base.region(clause, m.start());
            int baseStart = -1;
            int baseEnd = -1;
            BigDecimal low = null;
            BigDecimal high = null;
            while (base.find()) {
                baseStart = base.start();
                baseEnd = base.end();
                low = new BigDecimal(base.group(1));
                high = base.group(2) == null ? low : new BigDecimal(base.group(2));
            }
            int end = m.end();
            if (baseStart < 0) {
                Matcher after = REFERENCE_AFTER.matcher(s);
                after.region(m.end(), s.length());
                if (after.lookingAt()) {
                    low = new BigDecimal(after.group(1));
                    high = low;
                    end = after.end();
                }
            }
            if (low == null) {
                out.append(s, done, m.start());
                if (REFERENCE_RATE.matcher(s.substring(clause, m.start())).find()) {
                    out.append(REFERENCE_FORMULA);
                }
                done = m.end();
                continue;
            }
            BigDecimal newLow = down ? low.subtract(points) : upTo ? low : low.add(points);
            BigDecimal newHigh = down ? (upTo ? high : high.subtract(points)) : high.add(points);
            newLow = newLow.max(BigDecimal.ZERO);
            newHigh = newHigh.max(BigDecimal.ZERO);
            String figure = plain(newLow) + "%" + (newLow.compareTo(newHigh) == 0 ? "" : "-" + plain(newHigh) + "%");
            Matcher audience = baseStart < 0 ? null : AUDIENCE.matcher(s);
            if (audience != null && audience.region(baseEnd, m.start()).find()) {
                // 「1%，对小微企业减0.5个百分点」: the base for everyone, the adjusted figure for the audience named
                out.append(s, done, audience.start()).append(';').append(audience.group()).append(':').append(figure);
            } else if (baseStart >= 0) {
                out.append(s, done, baseStart).append(figure).append(s, baseEnd, m.start());
            } else {
                out.append(s, done, m.start()).append(figure);
            }
            done = end;
        }
        out.append(s, done, s.length());
        return out.toString();
    }

    /** An adjustment word right before a figure: the basis points after it move a base ({@link #points}). */
    private static final Pattern ADJUSTS = Pattern.compile("(?:上浮|上调|调高|提高|增加|加收|加上|加|\\+|＋|下浮|下调|调低|降低|减少|减收|减去|减|-|－)"
            + "\\s*(?:不超过|不高于|不得超过|最多|最高|至多)?\\s*$");

    /** True when the figure at {@code start} follows an adjustment word (加50个基点, +50BP): points, not a rate. */
    private static boolean adjusts(String s, int start) {
        return ADJUSTS.matcher(s.substring(Math.max(0, start - 8), start)).find();
    }

    /** 50个基点: basis points in Chinese. */
    private static final Pattern BASIS_POINTS_ZH = Pattern.compile("(?<![\\d.])(\\d+(?:\\.\\d+)?)个?基点");

    private interface Replacer {
        String apply(Matcher m);
    }

    private static String replaceAll(String s, Pattern p, Replacer r) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(r.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** 五 → 5, 十五 → 15, 二十 → 20, 一点五 → 1.5, and plain digits; null when not a number. */
    static BigDecimal chineseNumber(String s) {
        if (s.matches(NUM)) {
            return new BigDecimal(s);
        }
        String digits = "零一二三四五六七八九";
        String intPart = s;
        String frac = "";
        int dot = s.indexOf('点');
        if (dot >= 0) {
            intPart = s.substring(0, dot);
            frac = s.substring(dot + 1);
        }
        long value = 0;
        if (intPart.contains("十")) {
            int t = intPart.indexOf('十');
            String tens = intPart.substring(0, t);
            String ones = intPart.substring(t + 1);
            value = (tens.isEmpty() ? 1 : digit(tens, digits)) * 10L + (ones.isEmpty() ? 0 : digit(ones, digits));
        } else if (!intPart.isEmpty()) {
            for (char c : intPart.toCharArray()) {
                int d = digit(String.valueOf(c), digits);
                if (d < 0) {
                    return null;
                }
                value = value * 10 + d;
            }
        }
        StringBuilder f = new StringBuilder();
        for (char c : frac.toCharArray()) {
            int d = digit(String.valueOf(c), digits);
            if (d < 0) {
                return null;
            }
            f.append(d);
        }
        return new BigDecimal(value + (f.length() > 0 ? "." + f : ""));
    }

    private static int digit(String c, String digits) {
        if (c.length() != 1) {
            return -1;
        }
        char ch = c.charAt(0);
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        if (ch == '〇') {
            return 0;
        }
        if (ch == '两') {
            return 2;
        }
        return digits.indexOf(ch);
    }

    private static BigDecimal decimal(String s) {
        return tidy(new BigDecimal(s));
    }

    private static BigDecimal money(String number, String unit) {
        BigDecimal n = new BigDecimal(number);
        if (unit != null) {
            if (unit.startsWith("万")) {
                n = n.movePointRight(4);
            } else if (unit.startsWith("千")) {
                n = n.movePointRight(3);
            } else if (unit.startsWith("亿")) {
                n = n.movePointRight(8);
            }
        }
        return tidy(n);
    }

    /** Drops trailing zeros without going to an exponent (15000, not 1.5E+4). */
    static BigDecimal tidy(BigDecimal n) {
        BigDecimal t = n.stripTrailingZeros();
        return t.scale() < 0 ? t.setScale(0) : t;
    }

    private static String plain(BigDecimal n) {
        return tidy(n).toPlainString();
    }

    // ---- building prices --------------------------------------------------------------------

    private static Price fixed(BigDecimal low, BigDecimal high, String unit, Period period, String text) {
        return new Price(Kind.FIXED, low, high, null, fixedPeriod(unit, period), unit, null, null, null, text);
    }

    private static Price withBounds(Price p, BigDecimal min, BigDecimal max, String unit) {
        if (p.kind() == Kind.PERCENT) {
            return new Price(p.kind(), p.low(), p.high(), p.base(), p.period(), p.unit() != null ? p.unit() : unit,
                    p.minimum() != null ? p.minimum() : min, p.maximum() != null ? p.maximum() : max, p.parts(),
                    p.text());
        }
        if (p.kind() == Kind.FIXED) {
            return new Price(p.kind(), p.low() != null ? p.low() : min, max != null && (p.high() == null
                    || max.compareTo(p.high()) < 0) ? max : p.high(), p.base(), p.period(), p.unit() != null ? p.unit()
                            : unit, null, null, p.parts(), p.text());
        }
        return p;
    }

    /** True when {@code next} states only the end of a range that {@code prev} leaves open (上限 then 下限). */
    private static boolean otherSide(Price prev, Price next) {
        if (prev.kind() != next.kind() || (prev.kind() != Kind.PERCENT && prev.kind() != Kind.FIXED)) {
            return false;
        }
        boolean prevLowOnly = prev.low() != null && prev.high() == null;
        boolean prevHighOnly = prev.low() == null && prev.high() != null;
        boolean nextLowOnly = next.low() != null && next.high() == null;
        boolean nextHighOnly = next.low() == null && next.high() != null;
        return ((prevLowOnly && nextHighOnly) || (prevHighOnly && nextLowOnly))
                && (prev.base() == null || next.base() == null || prev.base() == next.base())
                && prev.period() == next.period();
    }

    private static Price joinSides(Price a, Price b) {
        BigDecimal low = a.low() != null ? a.low() : b.low();
        BigDecimal high = a.high() != null ? a.high() : b.high();
        return new Price(a.kind(), low, high, a.base() != null ? a.base() : b.base(), a.period(),
                a.unit() != null ? a.unit() : b.unit(), a.minimum() != null ? a.minimum() : b.minimum(),
                a.maximum() != null ? a.maximum() : b.maximum(), null, a.text() + ";" + b.text());
    }

    private static Price retext(Price p, String text) {
        return new Price(p.kind(), p.low(), p.high(), p.base(), p.period(), p.unit(), p.minimum(), p.maximum(),
                p.parts(), text);
    }
}
