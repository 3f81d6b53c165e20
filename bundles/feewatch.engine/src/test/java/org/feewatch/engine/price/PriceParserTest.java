package org.feewatch.engine.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.feewatch.api.Price;
import org.feewatch.api.Price.Base;
import org.feewatch.api.Price.Kind;
import org.feewatch.api.Price.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PriceParserTest {

    private static void assertAmount(String expected, BigDecimal actual) {
        assertNotNull(actual, "expected " + expected + " but was null");
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    private static Price percent(String text, String low, String high) {
        Price p = PriceParser.parse(text);
        assertEquals(Kind.PERCENT, p.kind(), text);
        if (low == null) {
            assertNull(p.low(), text);
        } else {
            assertAmount(low, p.low());
        }
        if (high == null) {
            assertNull(p.high(), text);
        } else {
            assertAmount(high, p.high());
        }
        assertEquals(text, p.text(), "the original text is kept for evidence");
        return p;
    }

    private static Price fixed(String text, String low, String high) {
        Price p = PriceParser.parse(text);
        assertEquals(Kind.FIXED, p.kind(), text);
        if (low == null) {
            assertNull(p.low(), text);
        } else {
            assertAmount(low, p.low());
        }
        if (high == null) {
            assertNull(p.high(), text);
        } else {
            assertAmount(high, p.high());
        }
        return p;
    }

    @Test
    void percentOfLoanAmountOnce() {
        Price p = percent("按贷款金额的0.5%收取", "0.5", "0.5");
        assertEquals(Base.PRINCIPAL, p.base());
        assertEquals(Period.ONCE, p.period());
        assertNull(p.minimum());
        assertNull(p.maximum());
    }

    @Test
    void commitmentAndArrangementAmountsArePrincipal() {
        assertEquals(Base.PRINCIPAL, percent("按承诺金额的0.5%收取", "0.5", "0.5").base());
        Price arrangement = percent("按安排金额的0.3%-1%收取", "0.3", "1");
        assertEquals(Base.PRINCIPAL, arrangement.base());
        assertEquals(Period.ONCE, arrangement.period());
    }

    @Test
    void bareRangeOfPercentages() {
        Price p = percent("0.3%-1%", "0.3", "1");
        assertNull(p.base(), "no base stated");
        percent("0.3-1%", "0.3", "1");
        percent("0.3%～1%", "0.3", "1");
        percent("0.3%至1%", "0.3", "1");
        percent("0.3%—1%", "0.3", "1");
    }

    @Test
    void permilleAndTenThousandths() {
        percent("0.5‰", "0.05", "0.05");
        percent("万分之五", "0.05", "0.05");
        percent("千分之三", "0.3", "0.3");
        percent("百分之一点五", "1.5", "1.5");
        percent("万分之12", "0.12", "0.12");
        percent("按交易金额的万分之二点五收取", "0.025", "0.025");
        Price mixed = percent("0.5‰-4%", "0.05", "4");
        assertEquals(Period.ONCE, mixed.period());
    }

    @Test
    void annualRates() {
        Price p = percent("年费率1.2%", "1.2", "1.2");
        assertEquals(Period.PER_YEAR, p.period());
        Price guarantee = percent("年担保费率0.8%（按担保金额计收）", "0.8", "0.8");
        assertEquals(Period.PER_YEAR, guarantee.period());
        assertEquals(Base.PRINCIPAL, guarantee.base());
        assertEquals(Period.PER_YEAR, percent("1.5%/年", "1.5", "1.5").period());
        assertEquals(Period.PER_YEAR, percent("每年按贷款余额的1%收取", "1", "1").period());
        assertEquals(Base.OUTSTANDING, percent("每年按贷款余额的1%收取", "1", "1").base());
    }

    @Test
    void monthlyRates() {
        Price p = percent("每月按本金的0.2%", "0.2", "0.2");
        assertEquals(Period.PER_MONTH, p.period());
        assertEquals(Base.PRINCIPAL, p.base());
        Price platform = percent("按贷款本金的0.25%/月，按月收取", "0.25", "0.25");
        assertEquals(Period.PER_MONTH, platform.period());
        assertEquals(Base.PRINCIPAL, platform.base());
        assertEquals(Period.PER_MONTH, percent("按贷款本金的0.25%/月", "0.25", "0.25").period());
        assertEquals(Period.PER_QUARTER, percent("按季收取，每季0.5%", "0.5", "0.5").period());
        assertEquals(Period.PER_DAY, percent("日费率0.05%", "0.05", "0.05").period());
    }

    @Test
    void oneOffIsNotMistakenForAPeriodByADate() {
        Price p = percent("自2022年7月1日起按贷款金额的1%收取", "1", "1");
        assertEquals(Period.ONCE, p.period(), "年/月 in a date are not rate periods");
        assertEquals(Period.ONCE, percent("按贷款金额的0.5%，放款时一次性收取", "0.5", "0.5").period());
    }

    @Test
    void fixedPerTransactionOrCopy() {
        Price perTx = fixed("每笔200元", "200", "200");
        assertEquals("笔", perTx.unit());
        assertEquals(Period.ONCE, perTx.period());
        assertEquals("份", fixed("每份200元", "200", "200").unit());
        assertEquals("笔", fixed("200元/笔", "200", "200").unit());
        fixed("5元", "5", "5");
        Price perAccountPerYear = fixed("每户每年100元", "100", "100");
        assertEquals("户", perAccountPerYear.unit());
        assertEquals(Period.PER_YEAR, perAccountPerYear.period());
        assertEquals(Period.PER_MONTH, fixed("每户每月10元", "10", "10").period());
        // a price of nothing charges nobody: 0元 reads as 免费 does (FEE-001 exempts a free entry)
        assertEquals(Kind.FREE, PriceParser.parse("0元").kind());
        assertEquals(Kind.FREE, PriceParser.parse("0.00元/笔").kind());
    }

    @Test
    void upperBoundsOnly() {
        Price p = fixed("每笔不超过20000元", null, "20000");
        assertEquals("笔", p.unit());
        Price yearly = fixed("每年不超过50000元", null, "50000");
        assertEquals(Period.PER_YEAR, yearly.period());
        fixed("不超过2万元", null, "20000");
        percent("不超过1%", null, "1");
        percent("最高不超过贷款金额的3%", null, "3");
    }

    @Test
    void minimumAndMaximumCharges() {
        fixed("每笔最低300元", "300", null);
        fixed("最低100元 最高500元", "100", "500");
        fixed("最低100元，最高500元", "100", "500");
        Price guarantee = percent("按保函金额的年费率1%收取，每笔最低300元", "1", "1");
        assertEquals(Period.PER_YEAR, guarantee.period());
        assertEquals(Base.FACE_VALUE, guarantee.base());
        assertAmount("300", guarantee.minimum());
        assertNull(guarantee.maximum());
        Price capped = percent("按贷款金额的0.5%收取，最低500元，最高5000元", "0.5", "0.5");
        assertAmount("500", capped.minimum());
        assertAmount("5000", capped.maximum());
        Price separateClause = percent("按贷款金额的1%收取；最高不超过1万元", "1", "1");
        assertAmount("10000", separateClause.maximum());
        Price from = percent("1%起", "1", null);
        assertNull(from.maximum());
    }

    @Test
    void fixedRanges() {
        fixed("100-500元", "100", "500");
        fixed("100～500元/笔", "100", "500");
        fixed("1-5万元", "10000", "50000");
        fixed("100元至500元", "100", "500");
    }

    @Test
    void tenThousandYuanAmounts() {
        fixed("每笔2万元", "20000", "20000");
        fixed("每笔1.5万元", "15000", "15000");
        fixed("每笔不超过20,000元", null, "20000");
        fixed("每笔２００元", "200", "200");
    }

    @Test
    void fullWidthDigitsAndPunctuation() {
        Price p = percent("按贷款金额的０．５％收取", "0.5", "0.5");
        assertEquals(Base.PRINCIPAL, p.base());
        percent("０．３％－１％", "0.3", "1");
        fixed("每笔　２００　元", "200", "200");
    }

    @ParameterizedTest
    @ValueSource(strings = {"免费", "暂不收费", "取消收费", "免收", "不收费", " 免费 ", "不向客户收取", "不向借款人收费",
            "由我行承担", "停止收取", "暂停收取", "由本行支付", "0.00元", "停收", "取消", "无偿提供"})
    void freeTexts(String text) {
        Price p = PriceParser.parse(text);
        assertEquals(Kind.FREE, p.kind());
        assertAmount("0", p.high());
        assertTrue(p.statesPrice());
    }

    @ParameterizedTest
    @ValueSource(strings = {"协议定价", "双方协商确定", "按协议约定收取", "一事一议"})
    void negotiatedTexts(String text) {
        Price p = PriceParser.parse(text);
        assertEquals(Kind.NEGOTIATED, p.kind());
        assertTrue(p.statesPrice(), "协议定价 is a pricing method and counts as a price standard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "详询营业网点", "详询当地营业网点", "-", "／", "咨询电话：（010）8888 0000"})
    void textsThatStateNoPrice(String text) {
        Price p = PriceParser.parse(text);
        assertEquals(Kind.UNSTATED, p.kind());
        assertFalse(p.statesPrice());
    }

    @Test
    void nullIsUnstated() {
        assertEquals(Kind.UNSTATED, PriceParser.parse(null).kind());
    }

    @Test
    void governmentGuidedTransferTiers() {
        String text = "1万元（含）以下每笔5元；1万元至10万元（含）每笔10元；10万元至50万元（含）每笔15元；"
                + "50万元至100万元（含）每笔20元；100万元以上按汇款金额的0.002%收取，每笔最高200元";
        Price p = PriceParser.parse(text);
        assertEquals(Kind.TIERED, p.kind());
        assertEquals(text, p.text());
        List<Price> parts = p.parts();
        assertEquals(5, parts.size());
        String[] fixedAmounts = {"5", "10", "15", "20"};
        for (int i = 0; i < 4; i++) {
            assertEquals(Kind.FIXED, parts.get(i).kind(), parts.get(i).text());
            assertAmount(fixedAmounts[i], parts.get(i).low());
            assertAmount(fixedAmounts[i], parts.get(i).high());
            assertEquals("笔", parts.get(i).unit());
        }
        Price top = parts.get(4);
        assertEquals(Kind.PERCENT, top.kind());
        assertAmount("0.002", top.high());
        assertEquals(Base.TRANSACTION, top.base());
        assertAmount("200", top.maximum());
        assertNull(top.minimum());
    }

    @Test
    void tiersOnSeparateLines() {
        Price p = PriceParser.parse("1万元以下 5元/笔\n1万元-10万元 10元/笔");
        assertEquals(Kind.TIERED, p.kind());
        assertEquals(2, p.parts().size());
        assertAmount("5", p.parts().get(0).high());
        assertAmount("10", p.parts().get(1).high());
    }

    @ParameterizedTest
    @ValueSource(strings = {"小微企业免收", "对小微企业暂不收费", "免收（限小微企业）", "免费（仅限个人客户）", "个人客户免费"})
    void aWaiverForOneAudienceAloneStatesNoPriceForAnyoneElse(String text) {
        // the exemption is read from the entry's text; everyone else has no published price (DISC-002)
        assertEquals(Kind.UNSTATED, PriceParser.parse(text).kind());
    }

    @Test
    void conditionalExemptionIsATier() {
        Price p = PriceParser.parse("小微企业免收；其他企业每笔200元");
        assertEquals(Kind.TIERED, p.kind());
        assertEquals(Kind.FREE, p.parts().get(0).kind());
        assertEquals(Kind.FIXED, p.parts().get(1).kind());
        assertAmount("200", p.parts().get(1).high());
    }

    @Test
    void negotiatedWithACapIsBounded() {
        percent("协议定价，最高不超过3%", null, "3");
    }

    @Test
    void basisPointsAreHundredthsOfAPercent() {
        Price bps = percent("50 bps of the facility amount", "0.5", "0.5");
        assertEquals(Period.ONCE, bps.period());
        percent("安排金额的30个基点", "0.3", "0.3");
        percent("25bp p.a.", "0.25", "0.25");
    }

    @Test
    void aPeriodAfterThePerThingUnitWinsOverTheChargingRhythm() {
        // 50 a year for each account, collected each quarter: 12.5 a quarter, not 50
        Price perYear = fixed("50元/户·年（按季收取，每季12.5元）", "50", "50");
        assertEquals(Period.PER_YEAR, perYear.period());
        assertEquals(Period.PER_YEAR, fixed("100元/户/年", "100", "100").period());
        assertEquals(Period.PER_MONTH, fixed("10元/户·月", "10", "10").period());
        assertEquals(Period.PER_QUARTER, fixed("按季收取，每季度500元", "500", "500").period());
    }

    @Test
    void bareNumbersAreYuan() {
        fixed("200", "200", "200");
        assertEquals(Kind.FREE, PriceParser.parse("0").kind());
        fixed("１５", "15", "15");
        Price tiers = PriceParser.parse("1万元以下 5\n1万元以上 10");
        assertEquals(Kind.TIERED, tiers.kind());
        assertAmount("10", tiers.parts().get(1).high());
    }

    @Test
    void moreForms() {
        Price min = percent("0.05%（最低50元）", "0.05", "0.05");
        assertAmount("50", min.minimum());
        Price perYearRange = percent("0.3%~0.5%/年", "0.3", "0.5");
        assertEquals(Period.PER_YEAR, perYearRange.period());
        fixed("100元-500元/笔", "100", "500");
        percent("不超过贷款金额的1%", null, "1");
        Price capped = percent("按贷款金额的0.5%，单笔最高不超过5000元", "0.5", "0.5");
        assertAmount("5000", capped.maximum());
        Price withExemption = fixed("每笔200元（小微企业免收）", "200", "200");
        assertEquals("笔", withExemption.unit());
        assertEquals(Kind.UNSTATED, PriceParser.parse("按国家有关规定执行").kind());
        assertEquals(Kind.UNSTATED, PriceParser.parse("详询当地分行").kind());
        Price foreign = PriceParser.parse("人民币100元/笔；外币20美元/笔");
        assertEquals(Kind.FIXED, foreign.kind(), "an amount in another currency is not read as yuan");
        assertAmount("100", foreign.high());
        percent("百分之零点五", "0.5", "0.5");
        percent("千分之一点五", "0.15", "0.15");
    }

    @Test
    void chineseNumbers() {
        assertAmount("5", PriceParser.chineseNumber("五"));
        assertAmount("15", PriceParser.chineseNumber("十五"));
        assertAmount("20", PriceParser.chineseNumber("二十"));
        assertAmount("1.5", PriceParser.chineseNumber("一点五"));
        assertAmount("2", PriceParser.chineseNumber("两"));
        assertNull(PriceParser.chineseNumber("若干"));
    }

    @Test
    void englishPriceWordingOfBilingualCatalogues() {
        assertEquals("笔", fixed("CNY 300 per transaction", "300", "300").unit());
        fixed("RMB 1,000 per copy", "1000", "1000");
        fixed("200 yuan/item", "200", "200");
        Price commitment = percent("0.3% of the committed amount", "0.3", "0.3");
        assertEquals(Base.PRINCIPAL, commitment.base());
        Price annual = percent("0.5% p.a. of the loan amount", "0.5", "0.5");
        assertEquals(Period.PER_YEAR, annual.period());
        assertEquals(Base.PRINCIPAL, annual.base());
        assertEquals(Period.PER_YEAR, percent("1% per annum", "1", "1").period());
        Price capped = percent("0.002% of the amount, minimum CNY 2, maximum CNY 50 per transaction", "0.002", "0.002");
        assertAmount("2", capped.minimum());
        assertAmount("50", capped.maximum());
        assertEquals(Kind.FREE, PriceParser.parse("Free of charge").kind());
        assertEquals(Kind.NEGOTIATED, PriceParser.parse("Negotiable").kind());
        assertEquals(Kind.UNSTATED, PriceParser.parse("Please consult our branches").kind());
    }
    @Test
    void aFormulaTimesTheTermInYearsOrMonthsIsPerYearOrMonth() {
        assertEquals(Period.PER_YEAR, PriceParser.parse("担保金额×1.5%×担保期限（年）").period());
        assertEquals(Period.PER_YEAR, PriceParser.parse("贷款本金*0.8%*贷款年限").period());
        assertEquals(Period.PER_MONTH, PriceParser.parse("借款本金×0.1%×借款期限（月）").period());
        assertEquals(Period.ONCE, PriceParser.parse("担保金额×1%").period());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "人民币贰佰元整|200", "人民币贰佰元整/份|200", "每份伍佰元|500", "人民币壹仟元整/笔|1000", "二百元/笔|200",
            "五十元|50", "每份一百元|100", "一万五千元|15000", "壹万元|10000", "拾元|10", "人民幣貳佰元整|200"})
    void amountsInChineseNumeralsAreYuan(String text, String yuan) {
        // capital numerals (贰佰元整) and plain ones (二百元) state a price (hardpages bank-u, bank-v)
        Price p = PriceParser.parse(text);
        assertEquals(Kind.FIXED, p.kind(), text);
        assertAmount(yuan, p.high());
        assertEquals(text, p.text());
    }

    @Test
    void aUnitWordWithoutDigitWordsIsNoAmount() {
        // 每万元 is "per 10,000 yuan", not an amount of 10,000
        Price p = PriceParser.parse("每万元收取5元");
        assertAmount("5", p.high());
    }

    @Test
    void interestWordsStateTheirPeriod() {
        assertEquals(Period.PER_MONTH, PriceParser.parse("月息0.5%").period());
        assertEquals(Period.PER_YEAR, PriceParser.parse("年息2%").period());
        assertEquals(Period.PER_DAY, PriceParser.parse("日息万分之二").period());
    }

    @Test
    void anUpperAndALowerLimitInTwoClausesAreOneRange() {
        // 收费标准 over 上限 | 下限 reads 「上限：1%；下限：0.1%」 (hardpages bank-u)
        Price p = percent("上限：贷款金额的1%；下限：贷款金额的0.1%", "0.1", "1");
        assertEquals(Base.PRINCIPAL, p.base());
        percent("下限：0.1%；上限：1%", "0.1", "1");
        Price money = PriceParser.parse("上限：500元；下限：50元");
        assertEquals(Kind.FIXED, money.kind());
        assertAmount("50", money.low());
        assertAmount("500", money.high());
        // two whole prices stay two tiers
        assertEquals(Kind.TIERED, PriceParser.parse("大中型企业：1%；小微企业：0.5%").kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Subject to negotiation", "To be negotiated", "By negotiation", "Case by case",
            "subject to agreement"})
    void englishNegotiationIsANegotiatedPrice(String text) {
        assertEquals(Kind.NEGOTIATED, PriceParser.parse(text).kind(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"以实际发生为准", "据实收取", "按实际发生额收取", "At actual cost"})
    void actualCostStatesNoPrice(String text) {
        assertEquals(Kind.UNSTATED, PriceParser.parse(text).kind(), text);
    }

    @Test
    void aPeriodInBracketsAfterTheRateAndATermWithoutUnit() {
        assertEquals(Period.PER_YEAR, PriceParser.parse("1.2%（年）").period());
        assertEquals(Period.PER_MONTH, PriceParser.parse("0.1%（月）").period());
        assertEquals(Period.PER_DAY, PriceParser.parse("0.02%（日）").period());
        // a rate times the term, the term's unit unsaid: per year, as rates are (bank-za)
        assertEquals(Period.PER_YEAR, PriceParser.parse("贷款本金×担保费率（1.5%）×贷款期限").period());
        assertEquals(Period.PER_MONTH, PriceParser.parse("借款本金×0.1%×借款期限（月）").period());
        assertEquals(Period.PER_DAY, PriceParser.parse("本金×0.02%×借款期限（天）").period());
        assertEquals(Period.ONCE, PriceParser.parse("担保金额×1%").period());
    }
}
