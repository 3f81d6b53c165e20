package org.feewatch.engine.lpr;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.feewatch.api.LprFixing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Parses the official LPR download of the National Interbank Funding Center (全国银行间同业拆借中心,
 * publishing for the PBoC): the JSON answer of {@code chinamoney.com.cn/ags/ms/cm-u-bk-currency/LprChrtCSV}
 * carries the series as CSV text in {@code data.csv}, one fixing a line, column 0 the date, column 6
 * the 1-year and column 7 the over-5-year LPR in percent. Rows before the reformed series (2019-08-20)
 * are the old 1-year-only LPR, a different series, and are left out; so are header or blank lines.
 */
public final class NifcLprResponse {

    /** The first fixing of the reformed LPR (PBoC Announcement 〔2019〕 No. 15). */
    public static final LocalDate REFORMED_SERIES_START = LocalDate.of(2019, 8, 20);

    static final int DATE_COLUMN = 0;
    static final int ONE_YEAR_COLUMN = 6;
    static final int FIVE_YEAR_COLUMN = 7;

    private NifcLprResponse() {
    }

    /** What a response held: the reformed fixings and how many older rows were left out. */
    public record Parsed(List<LprFixing> fixings, int olderRowsSkipped) {
    }

    /**
     * @param json   the response body
     * @param name   where it came from (URL or file), for messages
     * @param source the source recorded on each fixing, e.g. "NIFC LprChrtCSV, fetched 2026-11-27"
     */
    public static Parsed parse(String json, String name, String source) throws LprFormatException {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new LprFormatException(name + ": not a JSON response from the NIFC LPR download");
        }
        if (!root.isJsonObject()) {
            throw new LprFormatException(name + ": not a JSON response from the NIFC LPR download");
        }
        if (!root.getAsJsonObject().has("data")
                || !root.getAsJsonObject().get("data").isJsonObject()) {
            throw new LprFormatException(name + ": the response has no \"data\" object");
        }
        JsonObject data = root.getAsJsonObject().getAsJsonObject("data");
        JsonElement csv = data.get("csv");
        if (csv == null || !csv.isJsonPrimitive()) {
            throw new LprFormatException(name + ": the response has no \"data.csv\" text");
        }
        return parseCsv(csv.getAsString(), name, source);
    }

    /** Parses the CSV text of {@code data.csv} itself. */
    public static Parsed parseCsv(String csv, String name, String source) throws LprFormatException {
        List<LprFixing> fixings = new ArrayList<>();
        int older = 0;
        int number = 0;
        try (java.io.BufferedReader in = new java.io.BufferedReader(new StringReader(csv))) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                String[] cells = line.trim().split(",", -1);
                if (cells.length == 0 || !cells[0].trim().matches("\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}")) {
                    continue;
                }
                LocalDate date = LprCsv.date(normalizeDate(cells[DATE_COLUMN].trim()), name + " data.csv", number);
                if (date.isBefore(REFORMED_SERIES_START)) {
                    older++;
                    continue;
                }
                if (cells.length <= FIVE_YEAR_COLUMN) {
                    throw new LprFormatException(name + " data.csv: line " + number + ": expected at least "
                            + (FIVE_YEAR_COLUMN + 1) + " columns (1-year LPR in column " + (ONE_YEAR_COLUMN + 1)
                            + ", 5-year in column " + (FIVE_YEAR_COLUMN + 1) + "), found " + cells.length);
                }
                fixings.add(new LprFixing(date,
                        LprCsv.rate(cells[ONE_YEAR_COLUMN].trim(), "1-year LPR", name + " data.csv", number),
                        LprCsv.rate(cells[FIVE_YEAR_COLUMN].trim(), "5-year LPR", name + " data.csv", number),
                        source));
            }
        } catch (IOException e) {
            throw new LprFormatException(name + ": cannot read data.csv");
        }
        return new Parsed(fixings, older);
    }

    private static String normalizeDate(String text) {
        String[] p = text.split("[-/]");
        return String.format("%s-%02d-%02d", p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }

    /** The download URL for a date range (the importer fetches it; this class does no I/O). */
    public static String url(LocalDate from, LocalDate to) {
        return "https://www.chinamoney.com.cn/ags/ms/cm-u-bk-currency/LprChrtCSV?startDate=" + from + "&endDate=" + to;
    }
}
