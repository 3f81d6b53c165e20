package org.feewatch.rules.national.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The number formats of the pricing rules write exactly what BigDecimal writes. */
class PricingTextTest {

    private static String exact(double percent) {
        return BigDecimal.valueOf(percent).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static void assertSameApr(double percent) {
        assertEquals(exact(percent), PricingText.apr(percent), "APR of " + percent);
    }

    @Test
    void aprsAreTheRoundedShortestDecimalOfTheDouble() {
        double[] samples = {0.0, -0.0, 1.0, 9.5166, 4.35, 24.0, 0.00004, 0.00005, 0.000049999, -0.00005, -0.00004,
            1.00005, 2.00015, 3.99995, 12.34565, -12.34565, 0.1 + 0.2, 4.785, 999_999.99995, 1e6, 1e7 + 0.00005,
            123_456_789.123456, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, 5e5 + 0.5, Double.MAX_VALUE};
        for (double d : samples) {
            assertSameApr(d);
        }
    }

    @Test
    void aprsNearRoundingTiesAndAtRandomAgreeWithBigDecimal() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            // ties: k + 0.00005 and its neighbours a few units in the last place away
            double tie = random.nextInt(-1_000_000, 1_000_000) / 10_000.0 + 0.00005;
            assertSameApr(tie);
            assertSameApr(Math.nextUp(tie));
            assertSameApr(Math.nextDown(tie));
            assertSameApr(random.nextDouble(-100.0, 100.0));
            assertSameApr(random.nextDouble(-2e6, 2e6));
            assertSameApr(Math.scalb(random.nextDouble(), random.nextInt(-40, 40)));
        }
    }

    @Test
    void trailingZerosAndAFinalPointGo() {
        assertEquals("20", PricingText.withoutTrailingZeros("20.0000"));
        assertEquals("0.5", PricingText.withoutTrailingZeros("0.5000"));
        assertEquals("0", PricingText.withoutTrailingZeros("0.0000"));
        assertEquals("12.3456", PricingText.withoutTrailingZeros("12.3456"));
    }
}
