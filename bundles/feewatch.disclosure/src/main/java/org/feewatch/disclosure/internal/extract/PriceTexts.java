package org.feewatch.disclosure.internal.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.feewatch.api.Price;

/**
 * Price text → {@link Price}. A minimal reading used until the engine's price-text parser is
 * available: free, negotiated, unstated, percentages with base, period and minimum/maximum,
 * fixed amounts, and several tiers separated by 「；」.
 */
final class PriceTexts {

    private static final Pattern NEGOTIATED = Pattern.compile("协议定价|协商定价|协商确定|面议|议价|双方协商|negotiat", Pattern.CASE_INSENSITIVE);
    private static final Pattern FREE = Pattern.compile("免费|免收|不收费|暂不收费|取消收费|免予收费|停止收费|^0元$|free", Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([%％‰])?\\s*(?:[-－—~～至到]\\s*(\\d+(?:\\.\\d+)?)\\s*)?([%％‰])");
    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(万元|万|元)?\\s*(?:[-－—~～至到]\\s*(\\d+(?:\\.\\d+)?)\\s*)?(万元|万|元)");
    private static final Pattern MINIMUM = Pattern.compile("(?:最低|最少|不低于|起点)\\D{0,4}?(\\d+(?:\\.\\d+)?)\\s*(万元|万|元)");
    private static final Pattern MAXIMUM = Pattern.compile("(?:最高|封顶|不超过|上限)\\D{0,4}?(\\d+(?:\\.\\d+)?)\\s*(万元|万|元)");
    private static final Pattern UPPER_ONLY = Pattern.compile("(?:不超过|不高于|最高|以内)");
    private static final Pattern UNIT = Pattern.compile("每(笔|份|次|户|张|年|月|季|页|件|套|项|人)");

    private PriceTexts() {
    }

    static Price parse(String text) {
        if (text == null || text.isBlank()) {
            return Price.unstated(text);
        }
        String t = Texts.clean(text);
        List<String> tiers = tiers(t);
        if (tiers.size() > 1) {
            List<Price> parts = new ArrayList<>();
            for (String tier : tiers) {
                Price p = single(tier);
                if (p.statesPrice()) {
                    parts.add(p);
                }
            }
            if (parts.size() > 1) {
                return new Price(Price.Kind.TIERED, null, null, null, null, null, null, null, parts, t);
            }
            if (parts.size() == 1) {
                Price p = parts.get(0);
                return new Price(p.kind(), p.low(), p.high(), p.base(), p.period(), p.unit(), p.minimum(),
                        p.maximum(), null, t);
            }
        }
        return single(t);
    }

    private static List<String> tiers(String t) {
        List<String> out = new ArrayList<>();
        for (String part : t.split("[；;\\n]")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private static Price single(String t) {
        if (NEGOTIATED.matcher(t).find()) {
            return Price.negotiated(t);
        }
        Matcher pct = PERCENT.matcher(t);
        if (pct.find()) {
            BigDecimal low = number(pct.group(1), pct.group(4));
            BigDecimal high = pct.group(3) == null ? low : number(pct.group(3), pct.group(4));
            if (UPPER_ONLY.matcher(t.substring(0, pct.start())).find()) {
                low = null;
            }
            return new Price(Price.Kind.PERCENT, low, high, base(t), period(t), null, money(MINIMUM, t),
                    money(MAXIMUM, t), null, t);
        }
        Matcher amt = AMOUNT.matcher(t);
        if (amt.find()) {
            BigDecimal low = yuan(amt.group(1), amt.group(2) != null ? amt.group(2) : amt.group(4));
            BigDecimal high = amt.group(3) == null ? low : yuan(amt.group(3), amt.group(4));
            if (UPPER_ONLY.matcher(t.substring(0, amt.start())).find()) {
                low = null;
            }
            Matcher unit = UNIT.matcher(t);
            return new Price(Price.Kind.FIXED, low, high, null, period(t), unit.find() ? unit.group() : null, null,
                    null, null, t);
        }
        if (FREE.matcher(t).find()) {
            return Price.free(t);
        }
        return Price.unstated(t);
    }

    private static BigDecimal number(String digits, String sign) {
        BigDecimal v = new BigDecimal(digits);
        return "‰".equals(sign) ? v.movePointLeft(1) : v;
    }

    private static BigDecimal yuan(String digits, String unit) {
        BigDecimal v = new BigDecimal(digits);
        return unit != null && unit.startsWith("万") ? v.multiply(BigDecimal.valueOf(10_000)) : v;
    }

    private static BigDecimal money(Pattern p, String t) {
        Matcher m = p.matcher(t);
        return m.find() ? yuan(m.group(1), m.group(2)) : null;
    }

    private static Price.Base base(String t) {
        if (t.contains("贷款金额") || t.contains("本金") || t.contains("承诺金额") || t.contains("安排金额")
                || t.contains("担保金额") || t.contains("借款金额") || t.contains("融资金额")) {
            return Price.Base.PRINCIPAL;
        }
        if (t.contains("余额")) {
            return Price.Base.OUTSTANDING;
        }
        if (t.contains("票面金额")) {
            return Price.Base.FACE_VALUE;
        }
        if (t.contains("汇款金额") || t.contains("交易金额") || t.contains("转账金额")) {
            return Price.Base.TRANSACTION;
        }
        return Price.Base.OTHER;
    }

    private static Price.Period period(String t) {
        return Vocabulary.standard().timingIn(t);
    }
}
