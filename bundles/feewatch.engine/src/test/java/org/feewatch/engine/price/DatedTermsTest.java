package org.feewatch.engine.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.feewatch.api.FeeItem;
import org.feewatch.api.Price;
import org.junit.jupiter.api.Test;

class DatedTermsTest {

    private static final LocalDate Y2022 = LocalDate.of(2022, 6, 1);
    private static final LocalDate Y2025 = LocalDate.of(2025, 6, 1);

    private static FeeItem item(String price, String remark) {
        return new FeeItem("cat", "贷款承诺费", null, "承诺贷款", price, PriceParser.parse(price), "市场调节价", remark,
                null, "tr", "贷款承诺费 " + price + (remark == null ? "" : " " + remark));
    }

    @Test
    void anItemWithoutDatesIsJudgedAsBefore() {
        assertSame(DatedTerms.NONE, DatedTerms.of(item("按承诺金额的0.5%收取", "对小微企业免收")),
                "an undated small and micro waiver stays their standing exemption");
        assertSame(DatedTerms.NONE, DatedTerms.of(item("按承诺金额的0.5%收取", "市场调节价")));
        assertFalse(DatedTerms.NONE.dated());
    }

    @Test
    void aDiscountWithoutPeriodIsInForceOnEveryDay() {
        DatedTerms half = DatedTerms.of(item("每笔1000元", "减半收取"));
        assertEquals(1, half.discounts().size());
        DatedTerms.Discount d = half.discounts().get(0);
        assertEquals(0, new BigDecimal("0.5").compareTo(d.factor()));
        assertFalse(d.smallMicroOnly());
        assertTrue(d.appliesOn(LocalDate.of(1999, 1, 1), false) && d.appliesOn(LocalDate.of(2099, 12, 31), true));
        assertEquals(0, new BigDecimal("500").compareTo(d.apply(PriceParser.parse("每笔1000元")).high()));

        DatedTerms.Discount small = DatedTerms.of(item("按承诺金额的1%收取", "对小微企业按8折收取")).discounts().get(0);
        assertTrue(small.smallMicroOnly());
        assertTrue(small.appliesOn(Y2025, true));
        assertFalse(small.appliesOn(Y2025, false), "for small and micro borrowers only");
        assertEquals(0, new BigDecimal("0.8").compareTo(small.factor()));

        DatedTerms.Discount all = DatedTerms.of(item("每笔200元", "暂免收取")).discounts().get(0);
        assertTrue(all.waives() && all.appliesOn(Y2022, false), "a waiver for everyone without a period");
    }

    @Test
    void anUndatedDiscountOnConditionsTheLoanDoesNotShowIsNotThePrice() {
        for (String remark : new String[] {"首年减半收取", "通过网上银行办理的减半收取", "可按8折收取", "最高可减半", "对涉农企业减半收取",
                "对科技型企业按9折收取", "VIP客户减半收取", "10万元（含）以下按9折收取", "符合条件的客户减半收取"}) {
            assertTrue(DatedTerms.of(item("每笔1000元", remark)).discounts().isEmpty(), remark);
        }
    }

    @Test
    void theEffectiveDateColumnIsThePricesPeriod() {
        DatedTerms t = DatedTerms.of(item("每笔200元", "2023-01-01"));
        assertEquals(LocalDate.of(2023, 1, 1), t.validity().from());
        assertNull(t.validity().to());
        assertTrue(t.discounts().isEmpty());
        assertEquals(LocalDate.of(2023, 1, 1),
                DatedTerms.of(item("每笔200元（2023年1月1日起执行）", null)).validity().from());
    }

    @Test
    void aWaiverForSmallAndMicroBorrowersForAPeriod() {
        DatedTerms t = DatedTerms.of(item("按承诺金额的0.5%收取", "2021年9月30日至2024年9月30日，对小微企业免收"));
        assertNull(t.validity());
        DatedTerms.Discount d = t.discounts().get(0);
        assertTrue(d.waives());
        assertTrue(d.smallMicroOnly());
        assertTrue(d.appliesOn(Y2022, true));
        assertFalse(d.appliesOn(Y2022, false), "a waiver for small and micro borrowers is not for others");
        assertFalse(d.appliesOn(Y2025, true), "expired");
        assertFalse(d.appliesOn(LocalDate.of(2021, 1, 1), true), "not yet in force");
    }

    @Test
    void aDiscountWithOnlyAnEndAppliesUntilIt() {
        DatedTerms t = DatedTerms.of(item("每笔1000元", "减半收取，优惠期至2025年12月31日"));
        DatedTerms.Discount d = t.discounts().get(0);
        assertEquals(0, new BigDecimal("0.5").compareTo(d.factor()));
        assertFalse(d.smallMicroOnly());
        assertTrue(d.appliesOn(LocalDate.of(2019, 1, 1), false));
        assertTrue(d.appliesOn(LocalDate.of(2025, 12, 31), false));
        assertFalse(d.appliesOn(LocalDate.of(2026, 1, 1), false));
    }

    @Test
    void aDiscountPeriodPublishedApartFromItsDiscount() {
        DatedTerms t = DatedTerms.of(item("每笔1000元", "暂免收取；优惠期至2025年12月31日"));
        assertEquals(1, t.discounts().size());
        assertTrue(t.discounts().get(0).waives());
        assertEquals(LocalDate.of(2025, 12, 31), t.discounts().get(0).period().to());
    }

    @Test
    void discountFactors() {
        assertEquals(0, BigDecimal.ZERO.compareTo(DatedTerms.factor("暂免收取")));
        assertEquals(0, BigDecimal.ZERO.compareTo(DatedTerms.factor("对小微企业免收")));
        assertEquals(0, new BigDecimal("0.5").compareTo(DatedTerms.factor("减半收取")));
        assertEquals(0, new BigDecimal("0.9").compareTo(DatedTerms.factor("按9折收取")));
        assertEquals(0, new BigDecimal("0.85").compareTo(DatedTerms.factor("八五折")));
        assertEquals(0, new BigDecimal("0.85").compareTo(DatedTerms.factor("85折")));
        assertNull(DatedTerms.factor("小微企业不免收"));
        assertNull(DatedTerms.factor("优惠期至2025年12月31日"));
    }

    @Test
    void aDatedDiscountAndTheEffectiveDateTogether() {
        DatedTerms t = DatedTerms.of(item("每笔500元", "自2023年1月1日起对小微企业减半收取；2022-03-01"));
        assertEquals(LocalDate.of(2022, 3, 1), t.validity().from());
        DatedTerms.Discount d = t.discounts().get(0);
        assertTrue(d.appliesOn(Y2025, true));
        assertFalse(d.appliesOn(Y2022, true));
    }

    @Test
    void theStandingExemptionIsReadWithoutTheDatedDiscounts() {
        FeeItem dated = item("按承诺金额的0.5%收取", "2021年9月30日至2024年9月30日，对小微企业免收");
        FeeItem rest = DatedTerms.of(dated).withoutDatedDiscounts(dated);
        assertFalse(rest.remark().contains("免收"));
        assertFalse(rest.text().contains("免收"));
        FeeItem undated = item("按承诺金额的0.5%收取", "对小微企业免收");
        assertSame(undated, DatedTerms.of(undated).withoutDatedDiscounts(undated));
    }

    @Test
    void oldAndNewPricesInOnePriceText() {
        Price p = PriceParser.parse("2022年1月1日至2022年12月31日：每笔300元；2023年1月1日起：每笔200元");
        List<DatedTerms.DatedPart> parts = DatedTerms.parts(p);
        assertEquals(2, parts.size());
        assertEquals(0, new BigDecimal("300").compareTo(parts.get(0).price().high()));
        assertEquals(LocalDate.of(2022, 12, 31), parts.get(0).period().to());
        assertEquals(0, new BigDecimal("200").compareTo(parts.get(1).price().high()));
        assertTrue(DatedTerms.parts(PriceParser.parse("1万元以下每笔5元；1万元以上每笔10元")).isEmpty());
    }

    @Test
    void datesInNumeralsInPriceTextsAndRemarks() {
        List<DatedTerms.DatedPart> parts = DatedTerms.parts(PriceParser.parse(
                "二〇二二年一月一日至二〇二二年十二月三十一日：每笔300元；二〇二三年一月一日起：每笔200元"));
        assertEquals(2, parts.size());
        assertEquals(LocalDate.of(2022, 12, 31), parts.get(0).period().to());
        assertEquals(0, new BigDecimal("300").compareTo(parts.get(0).price().high()), "the dates are no amounts");
        assertEquals(LocalDate.of(2023, 1, 1), parts.get(1).period().from());
        DatedTerms.Discount d = DatedTerms.of(item("按承诺金额的0.5%收取",
                "自二〇二四年一月一日起至二〇二四年十二月三十一日止，对小微企业免收")).discounts().get(0);
        assertEquals(LocalDate.of(2024, 1, 1), d.period().from());
        assertEquals(LocalDate.of(2024, 12, 31), d.period().to());
        assertTrue(d.smallMicroOnly() && d.waives());
    }

    @Test
    void aDiscountScalesEveryAmount() {
        Price p = PriceParser.parse("按贷款金额的1%收取，最低500元，最高5000元");
        Price half = DatedTerms.discounted(p, new BigDecimal("0.5"));
        Optional<BigDecimal> bound = PriceEvaluator.maxCharge(half, new BigDecimal("2000000"), 12, false);
        assertEquals(0, new BigDecimal("2500").compareTo(bound.get()));
        assertEquals(Price.Kind.FREE, DatedTerms.discounted(p, BigDecimal.ZERO).kind());
        Price negotiated = PriceParser.parse("协议定价");
        assertSame(negotiated, DatedTerms.discounted(negotiated, new BigDecimal("0.5")));
    }

    @Test
    void aDiscountOnPartOfTheAmountsIsNotADiscountOfTheWholePrice() {
        DatedTerms t = DatedTerms.of(item("1万元（含）以下每笔5元；1万元以上每笔10元",
                "2021年9月30日至2024年9月30日，小微企业10万元（含）以下按9折收取"));
        assertTrue(t.discounts().isEmpty());
        assertEquals(1, DatedTerms.of(item("每笔10元", "2021年9月30日至2024年9月30日，小微企业按9折收取")).discounts().size());
    }
}
