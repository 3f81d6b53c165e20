package org.feewatch.rules.national.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.feewatch.api.Action;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

/** Figures and metrics as the rules write them are exactly what the JDK's forms and a LinkedHashMap give. */
class FiguresTest {

    private static void assertPlain(BigDecimal value) {
        assertEquals(value.toPlainString(), Figures.plain(value), value.unscaledValue() + "e-" + value.scale());
        StringBuilder b = new StringBuilder("x");
        assertEquals("x" + value.toPlainString(), Figures.appendPlain(b, value).toString());
    }

    @Test
    void decimalsAreWrittenAsToPlainStringWritesThem() {
        String[] samples = {"0", "0.00", "-0.05", "0.005", "550.00", "376000.00", "4.35", "3.65", "-12.5", "1E+3", "1E-20",
            "999999999999999999", "-999999999999999999", "0.999999999999999999", "1000000000000000000", "4294967295",
            "4294967296", "42949672.96", "-4294967296.1", "123456789012345678.9", "0.000000000000000001"};
        for (String s : samples) {
            assertPlain(new BigDecimal(s));
        }
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            long unscaled = switch (random.nextInt(4)) {
                case 0 -> random.nextLong(-1_000_000, 1_000_000);
                case 1 -> random.nextLong(0, 10_000_000_000L);
                case 2 -> random.nextLong();
                default -> random.nextLong(-1L << 33, 1L << 33);
            };
            int scale = random.nextInt(-3, 22);
            assertPlain(BigDecimal.valueOf(unscaled, scale));
            assertPlain(new BigDecimal(BigInteger.valueOf(unscaled).multiply(BigInteger.valueOf(1000)), scale));
        }
    }

    @Test
    void fixedDecimalsAreDigitsWithTheirPointAndSign() {
        assertEquals("0.0000", Figures.plain(false, 0, 4));
        assertEquals("-0.0001", Figures.plain(true, 1, 4));
        assertEquals("9.5166", Figures.plain(false, 95166, 4));
        assertEquals("-123.0450", Figures.plain(true, 1230450, 4));
        assertEquals("42", Figures.plain(false, 42, 0));
    }

    @Test
    void datesAreWrittenAsLocalDateWritesThem() {
        for (LocalDate d = LocalDate.of(1999, 12, 1); d.isBefore(LocalDate.of(2031, 2, 1)); d = d.plusDays(1)) {
            assertEquals(String.valueOf(d), Figures.date(d));
        }
        for (LocalDate d : new LocalDate[] {LocalDate.of(999, 1, 1), LocalDate.of(1000, 1, 1), LocalDate.of(9999, 12, 31),
            LocalDate.of(10000, 1, 1), LocalDate.of(-5, 3, 9), LocalDate.MIN, LocalDate.MAX, null}) {
            assertEquals(String.valueOf(d), Figures.date(d));
        }
    }

    @Test
    void metricsKeepTheOrderAndTheLastValuePutAsALinkedHashMap() {
        Map<String, String> metrics = new Metrics();
        Map<String, String> linked = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String name = "m" + (i * 7 % 23);
            String value = i % 5 == 0 ? null : "v" + i;
            assertEquals(linked.put(name, value), metrics.put(name, value));
        }
        assertEquals(linked, metrics);
        assertEquals(List.copyOf(linked.keySet()), List.copyOf(metrics.keySet()));
        assertEquals(new java.util.ArrayList<>(linked.values()), new java.util.ArrayList<>(metrics.values()));
        assertNull(metrics.get("absent"));
        // a finding made with them has the metrics in the order put
        Finding f = new Finding("RATE-001", Severity.HIGH, Subject.loan("L1"), "t", List.of(), metrics, List.of(),
                Action.REVIEW);
        assertEquals(List.copyOf(linked.keySet()), List.copyOf(f.metrics().keySet()));
        assertEquals(linked, f.metrics());
    }
}
