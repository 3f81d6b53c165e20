package org.feewatch.engine.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PriceEvaluatorTest {

    private static final BigDecimal MILLION = new BigDecimal("1000000");

    private static Optional<BigDecimal> bound(String text, BigDecimal principal, int months) {
        return PriceEvaluator.maxCharge(PriceParser.parse(text), principal, months, false);
    }

    private static void assertBound(String expected, Optional<BigDecimal> actual) {
        assertTrue(actual.isPresent(), "expected a bound of " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(actual.get()), "expected " + expected + " but was " + actual.get());
    }

    @Test
    void percentOfPrincipalWhateverTheNamedAmount() {
        assertBound("5000", bound("按贷款金额的0.5%收取", MILLION, 12));
        assertBound("5000", bound("按承诺金额的0.5%收取", MILLION, 36));
        assertBound("77750", bound("按承诺金额的0.5%收取", new BigDecimal("15550000"), 12));
    }

    @Test
    void rangeIsBoundedByItsUpperEnd() {
        assertBound("10000", bound("按安排金额的0.3%-1%收取", MILLION, 12));
        assertBound("500", bound("100-500元", MILLION, 12));
    }

    @Test
    void annualRateIsChargedForEveryYearBegun() {
        assertBound("12000", bound("年费率1.2%", MILLION, 12));
        assertBound("36000", bound("年费率1.2%", MILLION, 36));
        assertBound("24000", bound("年费率1.2%", MILLION, 18));
        assertBound("24000", PriceEvaluator.maxCharge(PriceParser.parse("年费率1.2%"), MILLION, new BigDecimal("1.5"), false));
    }

    @Test
    void monthlyRateIsChargedEveryMonth() {
        assertBound("30000", bound("按贷款本金的0.25%/月", MILLION, 12));
    }

    @Test
    void minimumAndMaximumApplyToEachCharge() {
        assertBound("300", bound("按保函金额的年费率1%收取，每笔最低300元", new BigDecimal("10000"), 12));
        assertBound("600", bound("按保函金额的年费率1%收取，每笔最低300元", new BigDecimal("10000"), 24));
        assertBound("5000", bound("按贷款金额的0.5%收取，最低500元，最高5000元", new BigDecimal("2000000"), 12));
    }

    @Test
    void fixedPrices() {
        assertBound("20000", bound("每笔不超过20000元", MILLION, 36));
        assertBound("200", bound("每份200元", MILLION, 12));
        assertBound("100000", bound("每年不超过50000元", MILLION, 24));
    }

    @Test
    void freeIsZeroAndNegotiatedOrUnstatedSetNoBound() {
        assertBound("0", bound("免费", MILLION, 12));
        assertBound("0", bound("暂不收费", MILLION, 12));
        assertTrue(bound("协议定价", MILLION, 12).isEmpty());
        assertTrue(bound("详询营业网点", MILLION, 12).isEmpty());
        assertTrue(bound("", MILLION, 12).isEmpty());
        assertTrue(bound("每笔最低300元", MILLION, 12).isEmpty(), "a minimum alone sets no upper bound");
        assertTrue(bound("1%起", MILLION, 12).isEmpty());
    }

    @Test
    void exemptionMakesThePriceZero() {
        assertBound("0", PriceEvaluator.maxCharge(PriceParser.parse("每份200元"), MILLION, 12, true));
        assertBound("0", PriceEvaluator.maxCharge(PriceParser.parse("协议定价"), MILLION, 12, true));
    }

    @Test
    void tieredPriceIsBoundedByItsHighestTier() {
        String transfer = "1万元（含）以下每笔5元；1万元至10万元（含）每笔10元；10万元至50万元（含）每笔15元；"
                + "50万元至100万元（含）每笔20元；100万元以上按汇款金额的0.002%收取，每笔最高200元";
        assertBound("200", bound(transfer, new BigDecimal("50000000"), 12));
        assertBound("20", bound(transfer, new BigDecimal("10000"), 12));
        assertTrue(bound("小微企业免收；其他协议定价", MILLION, 12).isEmpty());
    }

    @Test
    void theFloatingPointBoundAgreesWithTheExactOne() {
        String[] texts = {"按贷款金额的0.5%收取", "按安排金额的0.3%-1%收取", "100-500元", "年费率1.2%", "年担保费率0.8%",
            "按贷款本金的0.25%/月", "按保函金额的年费率1%收取，每笔最低300元", "按贷款金额的0.5%收取，最低500元，最高5000元",
            "每笔不超过20000元", "每份200元", "每年不超过50000元", "免费", "暂不收费", "协议定价", "详询营业网点", "",
            "每笔最低300元", "1%起", "1万元（含）以下每笔5元；100万元以上按汇款金额的0.002%收取，每笔最高200元",
            "小微企业免收；其他协议定价"};
        String[] principals = {"0.01", "10000", "104000.00", "1000000", "1604000.00", "15550000", "987654321.99"};
        int[] terms = {0, 1, 11, 12, 13, 18, 24, 36, 60, 121};
        for (String text : texts) {
            for (String p : principals) {
                for (int months : terms) {
                    for (boolean exempt : new boolean[] {false, true}) {
                        Optional<BigDecimal> exact = PriceEvaluator.maxCharge(PriceParser.parse(text), new BigDecimal(p),
                                months, exempt);
                        double approx = PriceEvaluator.maxChargeApprox(PriceParser.parse(text), Double.parseDouble(p),
                                months, exempt);
                        String what = text + " on " + p + " over " + months + " months" + (exempt ? ", exempt" : "");
                        assertEquals(exact.isEmpty(), Double.isNaN(approx), what);
                        if (exact.isPresent()) {
                            double e = exact.get().doubleValue();
                            assertTrue(Math.abs(approx - e) <= 1e-12 * Math.max(1.0, Math.abs(e)),
                                    what + ": " + approx + " against " + exact.get());
                        }
                    }
                }
            }
        }
    }

    @Test
    void aPriceWrittenByBorrowerSizeBoundsEachSizeByItsOwnPart() {
        // 收费标准 over 大中型企业 | 小微企业 columns (hardpages bank-t)
        org.feewatch.api.Price p = PriceParser.parse("大中型企业：每笔1000元；小微企业：每笔500元");
        BigDecimal principal = new BigDecimal("1000000");
        assertEquals(Optional.of(new BigDecimal("500")),
                PriceEvaluator.maxCharge(PriceEvaluator.forBorrower(p, true), principal, 12, false));
        assertEquals(Optional.of(new BigDecimal("1000")),
                PriceEvaluator.maxCharge(PriceEvaluator.forBorrower(p, false), principal, 12, false));
        org.feewatch.api.Price tiers = PriceParser.parse("1万元以下每笔5元；1万元以上每笔10元");
        assertEquals(tiers, PriceEvaluator.forBorrower(tiers, true), "tiers by amount are not by size");
    }
}
