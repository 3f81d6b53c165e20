package org.feewatch.engine.lpr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.feewatch.api.LprFixing;

/**
 * The cited LPR data file: UTF-8 CSV with a header {@code date,lpr_1y,lpr_5y_plus,source}; lines
 * starting with {@code #} are comments (the citation of the publisher and how the data was checked).
 * Rates are percent per year; {@code source} says where each fixing was taken from. Every error
 * names the file and line.
 */
public final class LprCsv {

    public static final String HEADER = "date,lpr_1y,lpr_5y_plus,source";

    private LprCsv() {
    }

    /**
     * Reads fixings. A row without a source gets {@code defaultSource}.
     *
     * @param name the file's name, for error messages
     */
    public static List<LprFixing> read(Reader reader, String name, String defaultSource)
            throws IOException, LprFormatException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<LprFixing> out = new ArrayList<>();
        boolean headerSeen = false;
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = trimmed.split(",", 4);
            if (!headerSeen) {
                if (!"date".equalsIgnoreCase(cells[0].trim())) {
                    throw new LprFormatException(name + ": line " + number + ": expected the header " + HEADER);
                }
                headerSeen = true;
                continue;
            }
            if (cells.length < 3) {
                throw new LprFormatException(name + ": line " + number
                        + ": expected date, 1-year and 5-year figures, found \"" + trimmed + "\"");
            }
            LocalDate date = date(cells[0].trim(), name, number);
            BigDecimal oneYear = rate(cells[1].trim(), "lpr_1y", name, number);
            BigDecimal fiveYear = rate(cells[2].trim(), "lpr_5y_plus", name, number);
            String source = cells.length > 3 && !cells[3].isBlank() ? unquote(cells[3].trim()) : defaultSource;
            out.add(new LprFixing(date, oneYear, fiveYear, source));
        }
        if (!headerSeen) {
            throw new LprFormatException(name + ": no header " + HEADER + " and no fixings");
        }
        return out;
    }

    /** Writes fixings in this format, with {@code comment} lines (the citation) first. */
    public static String write(List<LprFixing> fixings, List<String> comment) {
        StringBuilder sb = new StringBuilder();
        for (String c : comment) {
            sb.append("# ").append(c).append('\n');
        }
        sb.append(HEADER).append('\n');
        for (LprFixing f : fixings) {
            sb.append(f.date()).append(',').append(f.oneYear().toPlainString()).append(',')
                    .append(f.fiveYear().toPlainString()).append(',').append(quote(f.source())).append('\n');
        }
        return sb.toString();
    }

    static LocalDate date(String text, String name, int line) throws LprFormatException {
        try {
            return LocalDate.parse(text.replace('/', '-'));
        } catch (DateTimeParseException e) {
            throw new LprFormatException(name + ": line " + line + ": \"" + text + "\" is not a date (YYYY-MM-DD)");
        }
    }

    static BigDecimal rate(String text, String field, String name, int line) throws LprFormatException {
        if (!text.matches("\\d{1,2}(\\.\\d{1,4})?")) {
            throw new LprFormatException(name + ": line " + line + ": " + field + " \"" + text
                    + "\" is not a rate in percent such as 3.45");
        }
        return new BigDecimal(text);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }

    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
