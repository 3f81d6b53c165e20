package org.feewatch.engine.lpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.feewatch.api.LprFixing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;

class LprTableTest {

    private static final String DATA = """
            # test data
            date,lpr_1y,lpr_5y_plus,source
            2023-05-22,3.65,4.30,NIFC
            2023-06-20,3.55,4.20,NIFC
            2023-07-20,3.55,4.20
            2023-08-21,3.45,4.20,"NIFC, checked"
            """;

    private static LprTable table() throws Exception {
        return LprTable.of(LprCsv.read(new StringReader(DATA), "test.csv", "default source"));
    }

    private static BigDecimal oneYearOn(LprTable t, String date) {
        LprFixing f = t.fixingOn(LocalDate.parse(date));
        return f == null ? null : f.oneYear();
    }

    @Test
    void publicationDayUsesTheNewFigure() throws Exception {
        LprTable t = table();
        assertEquals(new BigDecimal("3.65"), oneYearOn(t, "2023-06-19"));
        assertEquals(new BigDecimal("3.55"), oneYearOn(t, "2023-06-20"));
        assertEquals(new BigDecimal("4.20"), t.inForceOn(LocalDate.parse("2023-06-20")).orElseThrow().fiveYear());
    }

    @Test
    void nothingBeforeTheFirstFixing() throws Exception {
        assertTrue(table().inForceOn(LocalDate.parse("2023-05-21")).isEmpty());
    }

    @Test
    void theLatestFixingHoldsUntilTheNextPossiblePublication() throws Exception {
        LprTable t = table();
        assertEquals(LocalDate.parse("2023-09-19"), t.lastDayKnown());
        assertEquals(new BigDecimal("3.45"), oneYearOn(t, "2023-09-19"));
        assertNull(oneYearOn(t, "2023-09-20"));
        assertTrue(LprTable.describe(t, LocalDate.parse("2023-10-01")).contains("latest known fixing is of 2023-08-21"));
    }

    @Test
    void sourcesAreKeptOrDefaulted() throws Exception {
        List<LprFixing> f = table().fixings();
        assertEquals("NIFC", f.get(0).source());
        assertEquals("default source", f.get(2).source());
        assertEquals("NIFC, checked", f.get(3).source());
    }

    @Test
    void mergingAddsAndReplacesByDate() throws Exception {
        LprTable t = table().mergedWith(List.of(
                new LprFixing(LocalDate.parse("2023-09-20"), new BigDecimal("3.45"), new BigDecimal("4.20"), "import"),
                new LprFixing(LocalDate.parse("2023-08-21"), new BigDecimal("3.45"), new BigDecimal("4.20"), "import")));
        assertEquals(5, t.size());
        assertEquals("import", t.fixingOn(LocalDate.parse("2023-08-30")).source());
        assertEquals(LocalDate.parse("2023-10-19"), t.lastDayKnown());
    }

    @Test
    void describeSaysWhatIsInForce() throws Exception {
        assertEquals("LPR in force on 2023-06-20: 1Y 3.55 %, 5Y+ 4.20 % (fixing of 2023-06-20; source: NIFC)",
                LprTable.describe(table(), LocalDate.parse("2023-06-20")));
        assertTrue(LprTable.describe(LprTable.of(List.of()), LocalDate.parse("2023-06-20")).contains("empty"));
    }

    @Test
    void badDataNamesFileAndLine() {
        assertMessage("bad.csv: line 2: lpr_1y \"3.x\" is not a rate", () -> LprCsv.read(new StringReader(
                "date,lpr_1y,lpr_5y_plus\n2023-01-20,3.x,4.30\n"), "bad.csv", null));
        assertMessage("bad.csv: line 2: \"2023-13-20\" is not a date", () -> LprCsv.read(new StringReader(
                "date,lpr_1y,lpr_5y_plus\n2023-13-20,3.65,4.30\n"), "bad.csv", null));
        assertMessage("bad.csv: line 1: expected the header", () -> LprCsv.read(new StringReader(
                "2023-01-20,3.65,4.30\n"), "bad.csv", null));
        assertMessage("bad.csv: line 3: expected date", () -> LprCsv.read(new StringReader(
                "date,lpr_1y,lpr_5y_plus\n\n2023-01-20,3.65\n"), "bad.csv", null));
    }

    @Test
    void writtenDataReadsBackTheSame() throws Exception {
        List<LprFixing> fixings = table().fixings();
        String text = LprCsv.write(fixings, List.of("imported 2026-11-27 from test"));
        assertTrue(text.startsWith("# imported 2026-11-27 from test\n" + LprCsv.HEADER));
        assertEquals(fixings, LprCsv.read(new StringReader(text), "again.csv", null));
    }

    private static void assertMessage(String start, Executable action) {
        LprFormatException e = assertThrows(LprFormatException.class, action);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
