package org.feewatch.engine.price;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.feewatch.api.FeeItem;
import org.feewatch.api.Price;

/**
 * When a published item's price applies, and the discounts it gives for a time (the 2014 Measures ask
 * for discounts with their start and end dates; 银发〔2021〕169号's waivers ran to 2024-09-30), read from
 * its price text and its remark (where the extractors put the 优惠措施, 适用对象, 备注 and 生效日期 columns,
 * joined with 「；」). Read once per published item, never per loan.
 *
 * <ul>
 * <li>{@code validity}: the period of a part of the remark (or of an untiered price text) that names a
 * date and no discount: 「2023年1月1日起执行」, 「自2022年3月1日至2024年12月31日」, a bare 生效日期
 * 2023-01-01. Null when the item names none.</li>
 * <li>{@code discounts}: each part of the remark that names a discount and a period: a waiver
 * (免收, 暂免收取, 不收取 …: factor 0), 减半收取 (0.5), N折 (N/10), for small and micro borrowers when it
 * names them (小微, 个体工商户), else for everyone; a discount on part of the amounts only (「10万元（含）以下
 *按9折收取」) is not read. A part that names only a discount period
 * (「优惠期至2025年12月31日」) gives it to the item's undated discounts. A discount with no period at all
 * (「减半收取」, 「对小微企业按8折收取」) is in force on every day ({@link #ALWAYS}), unless it depends on what a
 * loan book does not show (首年, a channel, an application, another customer group); an undated small and
 * micro waiver is not here: it is their standing exemption, as before.</li>
 * </ul>
 *
 * @param validity        when the price applies, or null
 * @param discounts       the dated discounts, in the order published
 * @param datedRemarks    the remark parts the discounts were read from (so that the standing small and
 *                        micro exemption is judged without them)
 */
public record DatedTerms(DateRange validity, List<Discount> discounts, List<String> datedRemarks) {

    /** An item that states no date: judged as it always was. */
    public static final DatedTerms NONE = new DatedTerms(null, List.of(), List.of());

    public DatedTerms {
        discounts = discounts == null ? List.of() : List.copyOf(discounts);
        datedRemarks = datedRemarks == null ? List.of() : List.copyOf(datedRemarks);
    }

    /**
     * A discount for a period.
     *
     * @param period         when it applies (either end may be open)
     * @param smallMicroOnly true when it names small and micro borrowers as its audience
     * @param factor         what is left of the price: 0 for a waiver, 0.5 for 减半, 0.9 for 9折
     * @param text           the remark part it was read from, for evidence
     */
    public record Discount(DateRange period, boolean smallMicroOnly, BigDecimal factor, String text) {

        /** True when it applies to a borrower of this size on {@code day}. */
        public boolean appliesOn(LocalDate day, boolean smallOrMicro) {
            return (smallOrMicro || !smallMicroOnly) && period.contains(day);
        }

        /** True for a waiver (nothing left to charge). */
        public boolean waives() {
            return factor.signum() == 0;
        }

        /** The price after this discount. */
        public Price apply(Price price) {
            return discounted(price, factor);
        }
    }

    /** A part of a price published for a period of its own: one row of an item listed with old and new prices. */
    public record DatedPart(DateRange period, Price price) {
    }

    /** True when the item states any date: a period for its price or a dated discount. */
    public boolean dated() {
        return validity != null || !discounts.isEmpty();
    }

    private static final Pattern SEGMENTS = Pattern.compile("[；;\\n]+");
    private static final Pattern WAIVER = Pattern.compile("(?<![不未非])(?:免收|免费|免予收取|免于收取|暂免|全免|全额减免|豁免)"
            + "|(?:不收取|不收费|暂不收|暂停收|停止收|不再收|取消收|不予收取)|(?<![\\d.])0(?:\\.0+)?元");
    private static final Pattern HALF = Pattern.compile("减半");
    private static final Pattern FOLD_DIGITS = Pattern.compile("(?<![\\d.])(\\d{1,2}(?:\\.\\d+)?)\\s*折");
    private static final Pattern FOLD_WORDS = Pattern.compile("([一二三四五六七八九])([一二三四五六七八九])?折");
    private static final Pattern DISCOUNT_WORDS = Pattern.compile("优惠|减免|折扣|让利|减收");
    private static final Pattern SMALL_MICRO = Pattern.compile("小微|小型微型|小型、微型|微型企业|个体工商户|个体户");
    /** A discount only on part of the amounts (10万元（含）以下按9折): not read as a discount of the whole price. */
    private static final Pattern ON_AMOUNTS = Pattern.compile(
            "\\d+(?:\\.\\d+)?\\s*(?:[万千亿]元?|元)\\s*(?:[(（]含[)）])?\\s*(?:及)?(?:以下|以上|以内)|超过\\s*\\d");
    private static final String NUMERALS = "一二三四五六七八九";

    /** The dated terms of a published item; {@link #NONE} when it names no date. */
    public static DatedTerms of(FeeItem item) {
        if (item == null) {
            return NONE;
        }
        Price price = item.price();
        boolean tiered = price != null && price.kind() == Price.Kind.TIERED;
        return of(tiered ? null : item.priceText(), item.remark());
    }

    /**
     * The dated terms of a price text and a remark (the text is read for the price's period only;
     * pass null for a tiered price, whose dated parts {@link #parts} reads).
     */
    public static DatedTerms of(String priceText, String remark) {
        DateRange validity = priceText == null ? null : DatePhrases.period(priceText);
        List<Discount> discounts = new ArrayList<>();
        List<String> datedRemarks = new ArrayList<>();
        List<String> undatedDiscounts = new ArrayList<>();
        DateRange discountPeriod = null;
        String discountPeriodText = null;
        if (remark != null && !remark.isBlank()) {
            for (String part : SEGMENTS.split(remark)) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                DateRange period = DatePhrases.period(p);
                BigDecimal factor = factor(p);
                boolean discountWords = factor != null || DISCOUNT_WORDS.matcher(p).find();
                if (period == null) {
                    if (factor != null) {
                        undatedDiscounts.add(p);
                    }
                    continue;
                }
                if (!discountWords) {
                    validity = validity == null ? period : validity;
                    continue;
                }
                if (ON_AMOUNTS.matcher(DatePhrases.normalise(p)).find()) {
                    continue; // for part of the amounts only: left as an undated discount is (not applied)
                }
                datedRemarks.add(p);
                if (factor == null) {
                    // 优惠期至2025年12月31日: the period of the discount published beside it
                    if (discountPeriod == null) {
                        discountPeriod = period;
                        discountPeriodText = p;
                    }
                    continue;
                }
                discounts.add(new Discount(period, SMALL_MICRO.matcher(p).find(), factor, p));
            }
        }
        if (discountPeriod != null) {
            for (String p : undatedDiscounts) {
                discounts.add(new Discount(discountPeriod, SMALL_MICRO.matcher(p).find(), factor(p),
                        p + "（" + discountPeriodText + "）"));
                datedRemarks.add(p);
            }
        } else {
            for (String p : undatedDiscounts) {
                standing(p).ifPresent(discounts::add);
            }
        }
        if (validity == null && discounts.isEmpty()) {
            return NONE;
        }
        return new DatedTerms(validity, discounts, datedRemarks);
    }

    /** A period with neither end: a discount published without dates is in force on every day. */
    static final DateRange ALWAYS = new DateRange(null, null, "");

    /**
     * Words that make an undated discount depend on something the loan book does not say (the loan's
     * year, the channel, an application or approval, a customer group other than small and micro
     * borrowers, 可 / 最高 for a discount that may be granted): such a discount is not read as the price.
     */
    private static final Pattern CONDITIONED = Pattern.compile("首年|首期|首次|第[一二三四五六七八九十\\d]+(?:年|期|笔)|满\\s*[\\d一二三四五六七八九十]"
            + "|以后|之后|网银|网上银行|手机银行|电子渠道|渠道|柜面|柜台|自助|线上|可|视|酌情|最高|最多|审批|符合|申请|如|若|贵宾"
            + "|VIP|会员|签约|代发|存款|日均|积分|活动|涉农|农户|科技|个人|按规定|按照|政策", Pattern.CASE_INSENSITIVE);
    /** A customer group named in a discount. */
    private static final Pattern AUDIENCE = Pattern.compile("企业|客户|单位|公司|机构|商户|群体|组织|法人");

    /**
     * A discount published without a period, read as in force on every day (a page states how long a
     * discount runs when it ends; 「减半收取」 alone is the price the bank charges now): for everyone, or for
     * small and micro borrowers when it names them. Empty for a small and micro waiver (their standing
     * exemption already says so), for a discount on conditions the loan book cannot check, and for one
     * naming another customer group.
     */
    private static java.util.Optional<Discount> standing(String part) {
        BigDecimal factor = factor(part);
        String s = DatePhrases.normalise(part);
        boolean smallMicro = SMALL_MICRO.matcher(s).find();
        if (factor == null || (smallMicro && factor.signum() == 0) || CONDITIONED.matcher(s).find()
                || ON_AMOUNTS.matcher(s).find()
                || (!smallMicro && AUDIENCE.matcher(s).find())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Discount(ALWAYS, smallMicro, factor, part));
    }

    /**
     * The parts of a tiered price that each state a period of their own (「2022年1月1日至2022年12月31日：每笔300元；
     * 2023年1月1日起：每笔200元」), when at least two do; empty otherwise (tiers by amount, or one dated
     * part, are one price).
     */
    public static List<DatedPart> parts(Price price) {
        if (price == null || price.kind() != Price.Kind.TIERED) {
            return List.of();
        }
        List<DatedPart> out = new ArrayList<>();
        for (Price part : price.parts()) {
            DateRange period = part.text() == null ? null : DatePhrases.period(part.text());
            if (period != null) {
                out.add(new DatedPart(period, part));
            }
        }
        return out.size() >= 2 ? out : List.of();
    }

    /**
     * The item as the standing small and micro exemption should read it: without the remark parts
     * that are dated discounts (a waiver that ended in 2024 is no exemption for a loan of 2025; the
     * discount itself judges the loans of its period).
     */
    public FeeItem withoutDatedDiscounts(FeeItem item) {
        if (datedRemarks.isEmpty() || item == null) {
            return item;
        }
        String remark = item.remark();
        String text = item.text();
        for (String p : datedRemarks) {
            remark = remark == null ? null : remark.replace(p, "");
            text = text == null ? null : text.replace(p, "");
        }
        return new FeeItem(item.sourceId(), item.name(), item.category(), item.content(), item.priceText(),
                item.price(), item.basis(), remark, item.section(), item.locator(), text);
    }

    /** What a discount leaves of the price: 0 for a waiver, 0.5 for 减半, N/10 for N折; null when it names none. */
    static BigDecimal factor(String text) {
        if (text == null) {
            return null;
        }
        String s = DatePhrases.normalise(text);
        if (WAIVER.matcher(s).find()) {
            return BigDecimal.ZERO;
        }
        if (HALF.matcher(s).find()) {
            return new BigDecimal("0.5");
        }
        Matcher digits = FOLD_DIGITS.matcher(s);
        if (digits.find()) {
            BigDecimal n = new BigDecimal(digits.group(1));
            // 9折 is 0.9, 8.5折 0.85, 85折 0.85
            BigDecimal f = n.compareTo(BigDecimal.TEN) < 0 ? n.movePointLeft(1) : n.movePointLeft(2);
            return f.signum() > 0 && f.compareTo(BigDecimal.ONE) < 0 ? f.stripTrailingZeros() : null;
        }
        Matcher words = FOLD_WORDS.matcher(s);
        if (words.find()) {
            int tens = NUMERALS.indexOf(words.group(1).charAt(0)) + 1;
            BigDecimal f = BigDecimal.valueOf(tens).movePointLeft(1);
            if (words.group(2) != null) {
                f = f.add(BigDecimal.valueOf(NUMERALS.indexOf(words.group(2).charAt(0)) + 1).movePointLeft(2));
            }
            return f;
        }
        return null;
    }

    /** The price scaled by {@code factor}: every amount, rate, minimum and maximum; 0 makes it free. */
    public static Price discounted(Price price, BigDecimal factor) {
        if (price == null || factor == null || factor.compareTo(BigDecimal.ONE) == 0) {
            return price;
        }
        if (factor.signum() == 0) {
            return Price.free(price.text());
        }
        return switch (price.kind()) {
            case FIXED, PERCENT -> new Price(price.kind(), times(price.low(), factor), times(price.high(), factor),
                    price.base(), price.period(), price.unit(), times(price.minimum(), factor),
                    times(price.maximum(), factor), price.parts(), price.text());
            case TIERED -> {
                List<Price> parts = new ArrayList<>();
                for (Price p : price.parts()) {
                    parts.add(discounted(p, factor));
                }
                yield new Price(Price.Kind.TIERED, null, null, null, null, null, null, null, parts, price.text());
            }
            default -> price; // free stays free; 协议定价 and an unstated price have no amount to scale
        };
    }

    private static BigDecimal times(BigDecimal v, BigDecimal factor) {
        return v == null ? null : PriceParser.tidy(v.multiply(factor));
    }
}
