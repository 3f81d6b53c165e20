package org.feewatch.rules.national.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.feewatch.api.FeeItem;
import org.feewatch.api.Price;
import org.feewatch.engine.price.PriceEvaluator;
import org.feewatch.engine.price.PriceParser;
import org.junit.jupiter.api.Test;

/** The selection of a published entry's price by the loan's date and borrower size, resolved once per entry. */
class BankCatalogueDatingTest {

    private static final BigDecimal MILLION = new BigDecimal("1000000");

    private static List<BankCatalogue.Entry> entries(String price, String remark) {
        FeeItem item = new FeeItem("cat", "贷款承诺费", "commitment-fee", "承诺贷款", price, PriceParser.parse(price),
                "市场调节价", remark, null, "tr", "贷款承诺费 " + price + " " + (remark == null ? "" : remark));
        return BankCatalogue.entriesOf(null, item, "commitment-fee", item.price());
    }

    private static long day(String iso) {
        return LocalDate.parse(iso).toEpochDay();
    }

    private static BigDecimal bound(BankCatalogue.Entry e, boolean small, long day) {
        return PriceEvaluator.maxCharge(e.priceFor(small, day), MILLION, 12, e.exemptFor(small, day)).orElseThrow();
    }

    @Test
    void anUndatedItemIsOneEntryJudgedAsBefore() {
        BankCatalogue.Entry e = entries("按承诺金额的0.5%收取", "对小微企业免收").get(0);
        assertSame(BankCatalogue.Dating.NONE, e.dating());
        assertTrue(e.inForce(day("1990-01-01")));
        assertTrue(e.exemptFor(true, day("2030-01-01")));
        assertFalse(e.exemptFor(false, day("2030-01-01")));
        assertSame(e.priceFor(true), e.priceFor(true, day("2024-01-01")));
        assertEquals("", e.note(day("2024-01-01"), true));
    }

    @Test
    void aPeriodDecidesWhetherTheEntryIsInForce() {
        BankCatalogue.Entry e = entries("按承诺金额的0.5%收取", "自2022年3月1日至2024年12月31日").get(0);
        assertFalse(e.inForce(day("2022-02-28")));
        assertTrue(e.inForce(day("2022-03-01")));
        assertTrue(e.inForce(day("2024-12-31")));
        assertFalse(e.inForce(day("2025-01-01")));
        assertTrue(e.inForce(BankCatalogue.Dating.NO_DAY), "a loan without a date is judged as before");
        assertFalse(BankCatalogue.anyInForce(new BankCatalogue.Entry[] {e}, day("2025-01-01")));
    }

    @Test
    void aDatedWaiverExemptsSmallAndMicroBorrowersInItsPeriodOnly() {
        BankCatalogue.Entry e = entries("按承诺金额的0.5%收取", "2021年9月30日至2024年9月30日，对小微企业免收").get(0);
        assertTrue(e.exemptsSmallMicro(), "FEE-001 reads the published item as before");
        assertTrue(e.exemptFor(true, day("2023-01-01")));
        assertFalse(e.exemptFor(true, day("2024-10-01")));
        assertFalse(e.exemptFor(true, day("2021-09-29")));
        assertFalse(e.exemptFor(false, day("2023-01-01")));
        assertEquals(0, new BigDecimal("5000").compareTo(bound(e, true, day("2025-01-01"))));
        assertEquals(0, BigDecimal.ZERO.compareTo(bound(e, true, day("2023-01-01"))));
    }

    @Test
    void aDatedDiscountForEveryoneAndOneForSmallAndMicroBorrowers() {
        BankCatalogue.Entry e = entries("每笔1000元", "2023年1月1日起按9折收取；2023年1月1日至2023年12月31日对小微企业减半收取")
                .get(0);
        assertEquals(0, new BigDecimal("1000").compareTo(bound(e, false, day("2022-06-01"))));
        assertEquals(0, new BigDecimal("900").compareTo(bound(e, false, day("2023-06-01"))));
        assertEquals(0, new BigDecimal("500").compareTo(bound(e, true, day("2023-06-01"))), "the lowest applies");
        assertEquals(0, new BigDecimal("900").compareTo(bound(e, true, day("2024-06-01"))));
        assertTrue(e.note(day("2024-06-01"), true).contains("（2023-01-01至2023-12-31优惠：小微企业减半收取; not in force"),
                e.note(day("2024-06-01"), true));
        assertFalse(e.note(day("2024-06-01"), false).contains("小微企业"), "a discount for others is not cited");
    }

    @Test
    void aPriceWrittenBySizeIsSplitBeforeTheDiscount() {
        BankCatalogue.Entry e = entries("大中型企业：每笔1000元；小微企业：每笔600元", "减半收取，优惠期至2025年12月31日").get(0);
        assertEquals(0, new BigDecimal("300").compareTo(bound(e, true, day("2025-01-01"))));
        assertEquals(0, new BigDecimal("500").compareTo(bound(e, false, day("2025-01-01"))));
        assertEquals(0, new BigDecimal("600").compareTo(bound(e, true, day("2026-01-01"))));
    }

    @Test
    void oldAndNewPricesInOneCellAreOneEntryPerPeriod() {
        List<BankCatalogue.Entry> es = entries("2022年1月1日至2022年12月31日：每笔300元；2023年1月1日起：每笔200元", null);
        assertEquals(2, es.size());
        assertTrue(es.get(0).inForce(day("2022-12-31")) && !es.get(1).inForce(day("2022-12-31")));
        assertTrue(!es.get(0).inForce(day("2023-01-01")) && es.get(1).inForce(day("2023-01-01")));
        assertEquals(Price.Kind.FIXED, es.get(1).price().kind());
        assertEquals("（2023-01-01起执行）", es.get(1).note(day("2023-01-01"), false));
    }
}
