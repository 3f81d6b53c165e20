package org.feewatch.engine.lpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.feewatch.api.LprFixing;
import org.junit.jupiter.api.Test;

/**
 * The NIFC download parser on a recorded response shape (data.csv with the date in column 0 and the
 * 1-year and 5-year LPR in columns 6 and 7; a pre-reform 1-year-only row first).
 */
class NifcLprResponseTest {

    private static String sample() throws IOException {
        try (InputStream in = NifcLprResponseTest.class.getResourceAsStream("nifc-lprchrtcsv-sample.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsReformedFixingsAndSkipsTheOldSeries() throws Exception {
        NifcLprResponse.Parsed parsed = NifcLprResponse.parse(sample(), "sample.json", "NIFC LprChrtCSV");
        assertEquals(1, parsed.olderRowsSkipped());
        assertEquals(4, parsed.fixings().size());
        LprFixing first = parsed.fixings().get(0);
        assertEquals(LocalDate.parse("2019-08-20"), first.date());
        assertEquals(new BigDecimal("4.25"), first.oneYear());
        assertEquals(new BigDecimal("4.85"), first.fiveYear());
        assertEquals("NIFC LprChrtCSV", first.source());
        assertEquals(LocalDate.parse("2026-04-20"), parsed.fixings().get(3).date());
    }

    @Test
    void acceptsSlashDatesAndHeaderLines() throws Exception {
        NifcLprResponse.Parsed parsed = NifcLprResponse.parseCsv(
                "date,a,b,c,d,e,1Y,5Y\n2024/7/22,,,,,,3.35,3.85\n", "x", "s");
        assertEquals(LocalDate.parse("2024-07-22"), parsed.fixings().get(0).date());
    }

    @Test
    void refusesWhatIsNotTheDownload() {
        assertTrue(assertThrows(LprFormatException.class, () -> NifcLprResponse.parse("<html>", "u", "s"))
                .getMessage().startsWith("u: not a JSON response"));
        assertTrue(assertThrows(LprFormatException.class, () -> NifcLprResponse.parse("{\"data\":{}}", "u", "s"))
                .getMessage().contains("no \"data.csv\""));
        assertTrue(assertThrows(LprFormatException.class,
                () -> NifcLprResponse.parse("{\"data\":{\"csv\":\"2023-01-20,3.65\"}}", "u", "s"))
                .getMessage().contains("line 1: expected at least 8 columns"));
        assertTrue(assertThrows(LprFormatException.class,
                () -> NifcLprResponse.parse("{\"data\":{\"csv\":\"2023-01-20,,,,,,abc,4.3\"}}", "u", "s"))
                .getMessage().contains("1-year LPR \"abc\""));
    }

    @Test
    void urlCoversTheRange() {
        assertEquals("https://www.chinamoney.com.cn/ags/ms/cm-u-bk-currency/LprChrtCSV?startDate=2026-03-01&endDate=2026-11-27",
                NifcLprResponse.url(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-11-27")));
    }
}
