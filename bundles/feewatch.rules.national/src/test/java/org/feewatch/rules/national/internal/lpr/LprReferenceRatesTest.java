package org.feewatch.rules.national.internal.lpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.feewatch.engine.lpr.LprFormatException;
import org.feewatch.engine.lpr.LprImport;
import org.feewatch.engine.lpr.LprTable;
import org.feewatch.rules.national.internal.NationalLpr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LprReferenceRatesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    private static String recorded() throws IOException {
        try (InputStream in = LprReferenceRatesTest.class.getResourceAsStream("nifc-2026.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void builtInTableIsTheCitedHistory() {
        LprTable t = NationalLpr.BUILT_IN;
        assertEquals(LocalDate.parse("2019-08-20"), t.firstDate());
        assertEquals(LocalDate.parse("2026-03-20"), t.latest().date());
        assertEquals(new BigDecimal("3.55"), t.fixingOn(LocalDate.parse("2023-06-20")).oneYear());
        assertEquals(new BigDecimal("3.65"), t.fixingOn(LocalDate.parse("2023-06-19")).oneYear());
        assertEquals(new BigDecimal("3.95"), t.fixingOn(LocalDate.parse("2024-02-20")).fiveYear());
        assertTrue(t.latest().source().contains("NIFC"));
        // the latest fixing holds until the 19th of the next month, then nothing is known
        assertEquals(new BigDecimal("3.00"), t.fixingOn(LocalDate.parse("2026-04-19")).oneYear());
        assertTrue(t.inForceOn(LocalDate.parse("2026-04-20")).isEmpty());
    }

    @Test
    void officialDownloadExtendsTheTableAndIsRecorded() throws Exception {
        List<String> urls = new ArrayList<>();
        String body = recorded();
        LprReferenceRates rates = new LprReferenceRates(work, CLOCK, url -> {
            urls.add(url);
            return body;
        });
        assertTrue(rates.inForceOn(LocalDate.parse("2026-05-25")).isEmpty());

        LprImport result = rates.importOfficial(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-06-01"));
        assertEquals(List.of("https://www.chinamoney.com.cn/ags/ms/cm-u-bk-currency/LprChrtCSV?startDate=2026-02-01&endDate=2026-06-01"), urls);
        assertEquals(4, result.read());
        assertEquals(2, result.added());
        assertEquals(LocalDate.parse("2026-05-20"), result.latest().date());
        assertEquals(new BigDecimal("2.90"), rates.inForceOn(LocalDate.parse("2026-05-25")).orElseThrow().oneYear());

        assertTrue(Files.exists(work.resolve("nifc-20260601T080000Z.json")));
        assertTrue(Files.exists(work.resolve("imported-20260601T080000Z.csv")));
        String log = Files.readString(work.resolve("import.log"));
        assertTrue(log.startsWith("2026-06-01T08:00:00Z Imported 4 LPR fixings from https://www.chinamoney.com.cn"), log);

        // a new component on the same folder (a restart) sees the import
        LprReferenceRates restarted = new LprReferenceRates(work, CLOCK, url -> {
            throw new IOException("no network in this test");
        });
        assertEquals(LocalDate.parse("2026-05-20"), restarted.latest().date());
    }

    @Test
    void localCsvImportReportsChangedFigures() throws Exception {
        Path file = work.resolve("my fixings.csv");
        Files.writeString(file, "date,lpr_1y,lpr_5y_plus,source\n2026-03-20,3.05,3.50,test\n2026-04-20,3.00,3.50,test\n");
        LprReferenceRates rates = new LprReferenceRates(work.resolve("lpr"), CLOCK, url -> "");
        LprImport result = rates.importFile(file);
        assertEquals(1, result.added());
        assertEquals(List.of("2026-03-20 was 3.00/3.50, now 3.05/3.50"), result.changed());
        assertEquals(new BigDecimal("3.05"), rates.inForceOn(LocalDate.parse("2026-04-01")).orElseThrow().oneYear());
        assertTrue(result.summary().contains("1 new, 1 changed"), result.summary());
        assertTrue(Files.exists(work.resolve("lpr/source-20260601T080000Z-my_fixings.csv")));
    }

    @Test
    void badInputIsRefusedAndNothingIsRecorded() throws Exception {
        LprReferenceRates rates = new LprReferenceRates(work, CLOCK, url -> "<html>maintenance</html>");
        LprFormatException e = assertThrows(LprFormatException.class,
                () -> rates.importOfficial(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-01")));
        assertTrue(e.getMessage().contains("not a JSON response"), e.getMessage());
        assertTrue(Files.readString(work.resolve("import.log")).contains("Import failed, nothing changed"));
        assertTrue(Files.exists(work.resolve("nifc-20260601T080000Z.json")), "the response as received is kept");
        assertEquals(LocalDate.parse("2026-03-20"), rates.latest().date());
    }

    @Test
    void aFailedDownloadIsLoggedAndChangesNothing() throws Exception {
        LprReferenceRates rates = new LprReferenceRates(work, CLOCK, url -> {
            throw new IOException(url + ": cannot connect (refused or unreachable)");
        });
        IOException e = assertThrows(IOException.class,
                () -> rates.importOfficial(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-01")));
        assertTrue(e.getMessage().endsWith("cannot connect (refused or unreachable)"), e.getMessage());
        assertTrue(Files.readString(work.resolve("import.log")).contains("Import failed, nothing changed: https://"));
        assertEquals(LocalDate.parse("2026-03-20"), rates.latest().date());
    }

    @Test
    void aDamagedRecordIsSkippedNotFatal() throws Exception {
        Files.writeString(work.resolve("imported-20260101T000000Z.csv"), "date,lpr_1y,lpr_5y_plus\nrubbish,1,2\n");
        LprReferenceRates rates = new LprReferenceRates(work, CLOCK, url -> "");
        assertEquals(LocalDate.parse("2026-03-20"), rates.latest().date());
    }
}
