package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PlainValuesTest {
    private static BigDecimal decimal(String s) throws Reject {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return PlainValues.decimal(b, 0, b.length, "v", StandardCharsets.UTF_8);
    }

    private static String rejected(String s) {
        return assertThrows(Reject.class, () -> decimal(s)).getMessage();
    }

    private static int whole(String s) throws Reject {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return PlainValues.wholeNumber(b, 0, b.length, "v", StandardCharsets.UTF_8);
    }

    @Test
    void aWholeNumberMayHaveAFractionOfZerosOnly() throws Reject {
        assertEquals(85, whole("85"));
        assertEquals(-20, whole("-20"));
        assertEquals(85, whole("85.0"));
        assertEquals(-20, whole("-20.00"));
        assertEquals("v \"85.5\" is not a whole number: spreads are whole basis points (a spread of 0.85 percentage "
                + "points is 85)",
                assertThrows(Reject.class, () -> whole("85.5")).getMessage());
        assertEquals("v \"85.\" is not a whole number", assertThrows(Reject.class, () -> whole("85.")).getMessage());
        assertEquals("v \".0\" is not a whole number", assertThrows(Reject.class, () -> whole(".0")).getMessage());
    }

    @Test
    void plainDecimalsKeepTheirScale() throws Reject {
        assertEquals(new BigDecimal("300000.00"), decimal("300000.00"));
        assertEquals(new BigDecimal("-0.5"), decimal("-0.5"));
        assertEquals(new BigDecimal("12345678901234567890.123"), decimal("12345678901234567890.123"));
        assertEquals(new BigDecimal("7"), decimal("007"));
    }

    @Test
    void whatIsNotAPlainDecimalIsNamed() {
        assertEquals("v \"1.5E3\" has an exponent: write it as a plain decimal", rejected("1.5E3"));
        assertEquals("v \"1 000.00\" is not a plain decimal number", rejected("1 000.00"));
        assertEquals("v \"1，000\" has a thousands separator: write it as a plain decimal", rejected("1，000"));
        assertEquals("v \"nan\" is not a number", rejected("nan"));
        assertEquals("v \"+Inf\" is not a number", rejected("+Inf"));
        assertEquals("v \"+5\" is not a plain decimal number", rejected("+5"));
        assertEquals("v \".5\" is not a plain decimal number", rejected(".5"));
        assertEquals("v \"5.\" is not a plain decimal number", rejected("5."));
        assertEquals("v is empty", rejected(""));
    }

    @Test
    void datesMustExist() throws Reject {
        byte[] leap = "2024-02-29".getBytes(StandardCharsets.US_ASCII);
        assertEquals(LocalDate.of(2024, 2, 29), PlainValues.date(leap, 0, 10, "d", StandardCharsets.UTF_8));
        byte[] notLeap = "2023-02-29".getBytes(StandardCharsets.US_ASCII);
        assertEquals("d \"2023-02-29\" is not a valid date (February 2023 has 28 days)", assertThrows(Reject.class,
                () -> PlainValues.date(notLeap, 0, 10, "d", StandardCharsets.UTF_8)).getMessage());
        byte[] month13 = "2023-13-01".getBytes(StandardCharsets.US_ASCII);
        assertEquals("d \"2023-13-01\" is not a valid date (YYYY-MM-DD)", assertThrows(Reject.class,
                () -> PlainValues.date(month13, 0, 10, "d", StandardCharsets.UTF_8)).getMessage());
    }
}
