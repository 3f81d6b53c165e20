package org.feewatch.engine.fees;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.feewatch.api.FeeItem;
import org.feewatch.api.Price;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SmallMicroExemptionTest {

    private static FeeItem item(String name, String price, String remark) {
        return new FeeItem("bank-catalog", name, null, null, price, Price.unstated(price), "市场调节价", remark, null,
                "table tr", name + " " + price + " " + remark);
    }

    @ParameterizedTest
    @ValueSource(strings = {"对小微企业免收", "小微企业免收", "对小微企业、个体工商户免收", "小微企业客户免费",
            "小微企业贷款不收取", "仅适用于大中型企业客户", "仅限大型、中型企业", "只针对大中型企业客户收取",
            "不适用于小微企业", "小微企业除外", "对小型微型企业免收", "对小微企业（含个体工商户）全免",
            "对小微企业免收。", "对小微企业免收；其他企业按标准收取", "对小型企业、微型企业免收",
            "小型•微型企业免收", "小型·微型企业免收", "对小型和微型企业免收", "小、微企业免收", "免收（限小微企业）",
            "免费（仅限小微企业客户）",
            "Exempt for small and micro enterprises", "Waived for SMEs", "Free of charge for micro and small businesses",
            "Applicable to large and medium enterprises only", "Charged only for large enterprises",
            "小微企业免收 Waived for small and micro enterprises", "对小型微型企业暂停收取", "小微企业客户不再收取",
            "对小微企业取消收费", "小微企业豁免", "小微企业：0元", "小微企业按0元收取"})
    void exemptingRemarks(String remark) {
        assertTrue(SmallMicroExemption.exempts(item("资信证明", "每份200元", remark)), remark);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "小微企业、个体工商户10万元（含）以下按9折收取", "对小微企业减半收取", "小微企业不免收",
            "适用于各类企业客户", "仅适用于中小微企业", "面向大中型企业及小微企业", "对个体工商户免收工本费以外的费用",
            "Small and micro enterprises are not exempt", "50% discount for small and micro enterprises",
            "Assessment waived on renewal", "Applicable to all enterprises", "小微企业：100元", "小微企业：0.5%"})
    void remarksThatDoNotExempt(String remark) {
        assertFalse(SmallMicroExemption.exempts(item("贷款承诺费", "按承诺金额的0.5%收取", remark)), remark);
    }

    @Test
    void exemptionInThePriceColumnCounts() {
        assertTrue(SmallMicroExemption.exempts(item("资信证明", "小微企业免收，其他每份200元", null)));
    }

    @Test
    void fullWidthPunctuationIsRead() {
        assertTrue(SmallMicroExemption.exempts("对小微企业免收；", null));
        assertFalse(SmallMicroExemption.exempts((String) null));
        assertFalse(SmallMicroExemption.exempts((FeeItem) null));
    }

    @Test
    void traditionalCharactersAreRead() {
        assertTrue(SmallMicroExemption.exempts("對小微企業免收", null));
        assertFalse(SmallMicroExemption.exempts("對小微企業減半收取", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"大中型企业", "大型、中型企业客户", "大中型企业客户；2024年1月1日起执行", "中型企业", "（大中型企业）",
            "Large and medium-sized enterprises", "large & medium corporates"})
    void anAudienceOfLargeOrMediumEnterprisesOnlyExempts(String appliesTo) {
        // an 适用对象 column naming only large or medium enterprises (hardpages bank-g)
        assertTrue(SmallMicroExemption.exempts(item("贷款承诺费", "按承诺金额的0.3%/年", appliesTo)), appliesTo);
    }

    @ParameterizedTest
    @ValueSource(strings = {"全部对公客户", "大中小微企业", "大中型企业及小微企业", "含大中型企业在内的全部企业", "中小企业",
            "Large, medium, small and micro enterprises"})
    void anAudienceThatIncludesOthersDoesNotExempt(String appliesTo) {
        assertFalse(SmallMicroExemption.exempts(item("贷款承诺费", "按承诺金额的0.3%/年", appliesTo)), appliesTo);
    }

    @ParameterizedTest
    @ValueSource(strings = {"资金管理费（大中型企业）", "贷款承诺费(大型企业)", "资金管理费（仅限大中型企业客户）"})
    void aBracketedQualifierNamingLargeOrMediumEnterprisesExempts(String name) {
        // the name says whom the item is for, as an 适用对象 column would (hardpages bank-u)
        assertTrue(SmallMicroExemption.exempts(item(name, "贷款金额的0.2%", null)), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"贷款承诺费（对公）", "资金管理费（大中型企业及小微企业）", "贷款承诺费（中小企业）", "资金管理费"})
    void aBracketedQualifierOfAnyOtherAudienceDoesNotExempt(String name) {
        assertFalse(SmallMicroExemption.exempts(item(name, "贷款金额的0.2%", null)), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Not applicable to small and micro enterprises", "Does not apply to SMEs",
            "Not charged to micro and small enterprises", "Excluding small and micro enterprises"})
    void englishRemarksThatTakeSmallAndMicroEnterprisesOutExempt(String remark) {
        assertTrue(SmallMicroExemption.exempts(item("Prepayment Fee", "1% of the prepaid amount", remark)), remark);
    }
}
