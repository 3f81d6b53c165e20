package org.feewatch.engine.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.feewatch.api.Price;
import org.feewatch.api.Price.Kind;
import org.feewatch.api.Price.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Prices written as points on a stated base (上浮1.2个百分点, 加50个基点, +100BP): a point is added to or taken
 * from the base's figure, never read as a percent of the base or of the principal.
 */
class PricePointsTest {

    private static void assertAmount(String expected, BigDecimal actual) {
        assertNotNull(actual, "expected " + expected + " but was null");
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @ParameterizedTest(name = "{0} = {1}%")
    @CsvSource(delimiter = '|', value = {
        "按贷款金额的1%上浮0.5个百分点收取|1.5",
        "在基准费率1%的基础上上浮1.2个百分点|2.2",
        "在基准费率1%的基础上上调1.2百分点|2.2",
        "LPR（3.45%）加1.2个百分点|4.65",
        "一年期LPR加1.2个百分点（LPR为3.45%）|4.65",
        "按贷款金额的1%减0.5个百分点|0.5",
        "1%下浮0.3个百分点|0.7",
        "1%减50个基点|0.5",
        "1%加50基点|1.5",
        "1%+50BP|1.5",
        "1%+50bps|1.5",
        "1% - 25 bp|0.75",
        "１％上浮０．５个百分点|1.5",
        "１．５％，下浮５０ＢＰ|1",
        "2%减3个百分点|0",
        "年化1%上浮半个百分点|1.5",
        "年化1%上浮一个百分点|2",
        "年化1.5%下调零点五个百分点|1",
        "年化1%加五十个基点|1.5",
        "1% p.a. plus 50 bps|1.5",
        "1.5% minus 25 bps|1.25",
    })
    void pointsMoveTheStatedFigure(String text, String expected) {
        Price p = PriceParser.parse(text);
        assertEquals(Kind.PERCENT, p.kind(), text);
        assertAmount(expected, p.low());
        assertAmount(expected, p.high());
        assertEquals(text, p.text(), "the text stays as published");
    }

    @Test
    void theBaseKeepsItsPeriodAndBase() {
        Price p = PriceParser.parse("年化担保费率1%，上浮0.5个百分点");
        assertEquals(Period.PER_YEAR, p.period());
        assertAmount("1.5", p.high());
        Price q = PriceParser.parse("按担保金额的1.2%/年减20个基点收取");
        assertEquals(Price.Base.PRINCIPAL, q.base());
        assertEquals(Period.PER_YEAR, q.period());
        assertAmount("1", q.high());
    }

    @Test
    void aBoundOnThePointsIsARangeFromTheBase() {
        Price up = PriceParser.parse("年化1%，可上浮不超过0.5个百分点");
        assertAmount("1", up.low());
        assertAmount("1.5", up.high());
        Price down = PriceParser.parse("年化1%，下浮最多30个基点");
        assertAmount("0.7", down.low());
        assertAmount("1", down.high());
    }

    @Test
    void aRangeMovesBothEnds() {
        Price p = PriceParser.parse("0.5%-1%上浮0.2个百分点");
        assertAmount("0.7", p.low());
        assertAmount("1.2", p.high());
    }

    @Test
    void aReferenceRateWithoutItsFigureIsAPricingMethodWithoutBound() {
        for (String text : new String[] {"LPR加1.2个百分点", "按一年期LPR+100BP计收", "贷款市场报价利率减0.5个百分点",
            "1-year LPR plus 100 bps"}) {
            Price p = PriceParser.parse(text);
            assertEquals(Kind.NEGOTIATED, p.kind(), text + ": the points are not 1.2 % of anything");
            assertTrue(p.statesPrice(), text);
        }
    }

    @Test
    void pointsOnNoStatedBaseStateNoPrice() {
        assertEquals(Kind.UNSTATED, PriceParser.parse("上浮1.2个百分点").kind());
        assertEquals(Kind.UNSTATED, PriceParser.parse("减50个基点").kind());
    }

    @Test
    void pointsForSmallAndMicroBorrowersAreTheirPart() {
        Price p = PriceParser.parse("按贷款金额的1%收取，对小微企业减0.5个百分点");
        assertEquals(Kind.TIERED, p.kind());
        assertAmount("0.5", PriceEvaluator.forBorrower(p, true).high());
        assertAmount("1", PriceEvaluator.forBorrower(p, false).high());
    }
}
