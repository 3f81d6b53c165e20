package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.feewatch.api.Loan;
import org.junit.jupiter.api.Test;

/**
 * A parser that has remembered the fields from "rate" on (FieldRunMemo) gives for every line what a
 * parser that never saw the book before gives: the same loan, the same reason, the same unknown
 * fields. Each line below comes after many lines whose run of fields it resembles, in one buffer, as
 * in a chunk of a book.
 */
class FieldRunMemoTest {
    private static final String HEAD = "{\"id\":\"G%08d\",\"borrower\":{\"id\":\"GB1\",\"type\":\"micro\","
            + "\"established\":\"2018-09-11\"},\"product\":\"普惠经营贷\",\"principal\":\"376000.00\","
            + "\"contractDate\":\"2022-09-13\",\"maturityDate\":\"2023-09-13\",";
    private static final String RUN = "\"rate\":{\"type\":\"lpr\",\"tenor\":\"1Y\",\"spreadBp\":60,"
            + "\"nominal\":\"4.25\"},\"repayment\":\"equal-principal\",\"onLending\":false,"
            + "\"compensatingDeposit\":\"0\",\"bundled\":[],\"fees\":[]}";
    private static final String GOOD = HEAD + RUN;
    /** A run that ends with a number, where only the byte after it says whether the number goes on. */
    private static final String NUMBER_LAST = GOOD.replace("\"compensatingDeposit\":\"0\",\"bundled\":[],\"fees\":[]}",
            "\"bundled\":[],\"fees\":[],\"compensatingDeposit\":0}");
    private static final String FEES = "\"fees\":[{\"payee\":\"P01\",\"item\":\"担保费\",\"amount\":\"6416.00\","
            + "\"when\":\"upfront\"}]";

    private static final List<String> VARIANTS = List.of(
            GOOD,
            GOOD + "  \r",
            // the same run with other bytes after it, or another value where the run's bytes end
            GOOD.replace("\"fees\":[]", FEES),
            GOOD.replace("\"bundled\":[],\"fees\":[]", FEES + ",\"bundled\":[]"),
            GOOD.replace("\"spreadBp\":60", "\"spreadBp\":600"),
            GOOD.replace("\"spreadBp\":60", "\"spreadBp\":60.5"),
            GOOD.replace("\"compensatingDeposit\":\"0\"", "\"compensatingDeposit\":0"),
            GOOD.replace("\"compensatingDeposit\":\"0\"", "\"compensatingDeposit\":05"),
            GOOD.replace("\"compensatingDeposit\":\"0\"", "\"compensatingDeposit\":0.5"),
            GOOD.replace("\"onLending\":false", "\"onLending\":falsey"),
            GOOD.replace("\"fees\":[]}", "\"fees\":[]]"),
            GOOD.replace("\"fees\":[]}", "\"fees\":[],\"fees\":[]}"),
            GOOD.replace("\"fees\":[]}", "\"fees\":[],\"repayment\":\"bullet\"}"),
            GOOD.replace("\"fees\":[]}", "\"fees\":[],\"extra\":1}"),
            GOOD.replace("\"fees\":[]}", "\"fees\":[] ,\"extra\":1}"),
            GOOD.replace("\"fees\":[]}", "\"fees\":[]} x"),
            // a field of the run already on the line before "rate": it appears twice
            GOOD.replace("\"contractDate\"", "\"repayment\":\"bullet\",\"contractDate\""),
            GOOD.replace("\"contractDate\"", "\"onLending\":true,\"contractDate\""),
            GOOD.replace("\"contractDate\"", "\"fees\":[],\"contractDate\""),
            // reordered, missing and unknown fields
            GOOD.replace("\"repayment\":\"equal-principal\",\"onLending\":false,",
                    "\"onLending\":false,\"repayment\":\"equal-principal\","),
            GOOD.replace("\"contractDate\"", "\"onLending\":false,\"contractDate\"")
                    .replace("\"onLending\":false,\"compensatingDeposit\"", "\"compensatingDeposit\""),
            GOOD.replace("\"repayment\":\"equal-principal\",", ""),
            GOOD.replace("\"tenor\":\"1Y\",", ""),
            GOOD.replace("\"onLending\":false,", "\"onLending\":false,\"branch\":\"x\","),
            GOOD.replace("\"nominal\":\"4.25\"", "\"nominal\":\"4.25\",\"note\":1"),
            // escapes, blanks, a repeated name inside the rate
            GOOD.replace("\"tenor\":\"1Y\"", "\"tenor\":\"1\\u0059\""),
            GOOD.replace("\"repayment\":\"equal-principal\"", "\"repayment\":\"equal-princip\\u0061l\""),
            GOOD.replace("\"rate\":{", "\"rate\": {"),
            GOOD.replace(",\"repayment\"", ", \"repayment\""),
            GOOD.replace("\"bundled\":[]", "\"bundled\":[ ]"),
            GOOD.replace("\"type\":\"lpr\",", "\"type\":\"lpr\",\"type\":\"lpr\","),
            GOOD.replace("\"rate\":{\"type\":\"lpr\",\"tenor\":\"1Y\",\"spreadBp\":60,\"nominal\":\"4.25\"}",
                    "\"rate\":null"),
            GOOD.replace("\"rate\":{\"type\":\"lpr\",\"tenor\":\"1Y\",\"spreadBp\":60,\"nominal\":\"4.25\"}",
                    "\"rate\":{\"type\":\"fixed\",\"nominal\":\"4.25\"}"),
            GOOD.replace("\"bundled\":[]", "\"bundled\":[{\"kind\":\"insurance\",\"name\":\"意外险\","
                    + "\"premium\":\"100.00\",\"mandatory\":true}]"),
            GOOD.replace("\"nominal\":\"4.25\"", "\"nominal\":\"0.0425\""),
            // the run cut short by the end of the line or of the buffer
            GOOD.substring(0, GOOD.length() - 5),
            GOOD.substring(0, GOOD.indexOf("\"onLending\"")),
            NUMBER_LAST,
            NUMBER_LAST.replace(":0}", ":0.5}"),
            NUMBER_LAST.replace(":0}", ":0e1}"),
            NUMBER_LAST.replace(":0}", ":05}"),
            NUMBER_LAST.replace(":0}", ":0 }"),
            NUMBER_LAST.replace(":0}", ":0,\"x\":1}"));

    @Test
    void aWarmParserGivesWhatAFreshOneGives() {
        JsonLoanParser warm = new JsonLoanParser();
        UnknownFields fresh = new UnknownFields();
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (String variant : VARIANTS) {
            // enough lines alike before each for the run to be remembered and found
            String base = variant.contains("\"compensatingDeposit\":0") ? NUMBER_LAST : GOOD;
            for (int i = 0; i < 3; i++) {
                lines.add(String.format(base, ++n));
            }
            lines.add(variant.contains("%08d") ? String.format(variant, ++n) : variant);
            lines.add(String.format(GOOD.replace("\"spreadBp\":60", "\"spreadBp\":6"), ++n));
        }
        byte[] b = String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8);
        int i = 0;
        long line = 1;
        for (String text : lines) {
            int nl = i;
            while (b[nl] != '\n') {
                nl++;
            }
            int end = nl > i && b[nl - 1] == '\r' ? nl - 1 : nl;
            JsonLoanParser first = new JsonLoanParser();
            String expected = outcome(first, b, i, end, line);
            fresh.addAll(first.unknownFields());
            // as the reader does: the one pass, else the parse of the line with its bounds
            Loan quick = warm.parseToLineEnd(b, i, b.length, line);
            String got;
            if (quick != null) {
                got = quick.toString();
                assertEquals(nl, warm.lineEnd(), text);
            } else {
                got = outcome(warm, b, i, end, line);
            }
            assertEquals(expected, got, text);
            i = nl + 1;
            line++;
        }
        assertEquals(fresh.warnings("loans.jsonl", "field"), warm.unknownFields().warnings("loans.jsonl", "field"));
        // the run was taken on most lines (else this test would prove nothing)
        assertTrue(warm.runsTaken() > 2 * VARIANTS.size(), "runs taken: " + warm.runsTaken());
    }

    private static String outcome(JsonLoanParser parser, byte[] b, int start, int end, long line) {
        try {
            return parser.parse(b, start, end, line, false).toString();
        } catch (Reject r) {
            return "rejected: " + r.getMessage();
        }
    }

    /** The documented column order; one with repayment first; one with the rate type first (the run then holds part of the rate). */
    private static final List<String> CSV_HEADERS = List.of(
            "id,borrower_id,borrower_type,borrower_established,product,channel,principal,contract_date,maturity_date,"
                    + "rate_type,rate_tenor,spread_bp,nominal_rate,repayment,on_lending,compensating_deposit",
            "id,repayment,borrower_id,borrower_type,borrower_established,product,channel,principal,contract_date,"
                    + "maturity_date,rate_type,rate_tenor,spread_bp,nominal_rate,on_lending,compensating_deposit",
            "id,rate_type,borrower_id,borrower_type,borrower_established,product,channel,principal,contract_date,"
                    + "maturity_date,rate_tenor,spread_bp,nominal_rate,repayment,on_lending,compensating_deposit,note");
    private static final String CSV_GOOD = "G%08d,GB1,micro,2018-09-11,普惠经营贷,,376000.00,2022-09-13,2023-09-13,"
            + "lpr,1Y,60,4.25,equal-principal,false,0";
    private static final List<String> CSV_VARIANTS = List.of(
            CSV_GOOD,
            CSV_GOOD + "\r",
            CSV_GOOD.replace(",60,", ",600,"),
            CSV_GOOD.replace(",60,", ",6,"),
            CSV_GOOD.replace(",4.25,", ",4.250,"),
            CSV_GOOD.replace(",4.25,", ",0.0425,"),
            CSV_GOOD.replace(",false,0", ",false,05"),
            CSV_GOOD.replace(",false,0", ",false,0.5"),
            CSV_GOOD.replace(",false,0", ",true,0"),
            CSV_GOOD.replace(",false,0", ",false,"),
            CSV_GOOD.replace(",false,0", ",false,0,"),
            CSV_GOOD.replace(",false,0", ",false"),
            CSV_GOOD.replace(",false,0", ",false,0,x"),
            CSV_GOOD.replace(",false,0", ",false,\"0\""),
            CSV_GOOD.replace(",1Y,", ",,"),
            CSV_GOOD.replace(",1Y,", ",3Y,"),
            CSV_GOOD.replace(",lpr,", ",LPR,"),
            CSV_GOOD.replace(",lpr,1Y,60,", ",fixed,,,"),
            CSV_GOOD.replace("equal-principal", "bullet"),
            CSV_GOOD.replace("2023-09-13", "2022-09-13"));

    @Test
    void aWarmCsvParserGivesWhatAFreshOneGives() {
        for (String headerText : CSV_HEADERS) {
            byte[] h = headerText.getBytes(StandardCharsets.UTF_8);
            CsvHeader header = CsvHeader.parse(h, 0, h.length, StandardCharsets.UTF_8, "loans.csv",
                    ColumnMapping.LOAN_COLUMNS, ColumnMapping.REQUIRED_LOAN_COLUMNS,
                    ColumnMapping.defaults()::loanColumn, "every line is rejected");
            CsvLoanParser warm = csvParser(header);
            List<String> lines = new ArrayList<>();
            int n = 0;
            for (String variant : CSV_VARIANTS) {
                for (int i = 0; i < 3; i++) {
                    lines.add(inOrder(headerText, String.format(CSV_GOOD, ++n)));
                }
                lines.add(inOrder(headerText, String.format(variant, ++n)));
                lines.add(inOrder(headerText, String.format(CSV_GOOD.replace(",60,", ",61,"), ++n)));
            }
            byte[] b = String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8);
            int i = 0;
            long line = 2;
            for (String text : lines) {
                int nl = i;
                while (b[nl] != '\n') {
                    nl++;
                }
                String expected;
                try {
                    expected = csvParser(header).parseGeneral(b, i, Bytes.lineContentEnd(b, i, nl), line).toString();
                } catch (Reject r) {
                    expected = "rejected: " + r.getMessage();
                }
                String got;
                try {
                    got = warm.parse(b, i, nl, line, false).toString();
                } catch (Reject r) {
                    got = "rejected: " + r.getMessage();
                }
                assertEquals(expected, got, headerText + " / " + text);
                i = nl + 1;
                line++;
            }
            assertTrue(warm.runsTaken() > 2 * CSV_VARIANTS.size(), "runs taken: " + warm.runsTaken());
        }
    }

    private static CsvLoanParser csvParser(CsvHeader header) {
        return new CsvLoanParser(header, StandardCharsets.UTF_8, null, StandardCharsets.UTF_8, null, null, null);
    }

    /** A row of the documented order written in the order of {@code header} (extra cells stay at the end). */
    private static String inOrder(String header, String row) {
        String[] documented = CSV_HEADERS.get(0).split(",");
        String[] cells = row.split(",", -1);
        List<String> names = List.of(header.split(","));
        String[] out = new String[Math.max(names.size(), cells.length)];
        java.util.Arrays.fill(out, "");
        for (int k = 0; k < cells.length; k++) {
            int at = k < documented.length ? names.indexOf(documented[k]) : k;
            out[at < 0 ? k : at] = cells[k];
        }
        if (cells.length < documented.length) {
            // a row cut short stays cut short
            return row;
        }
        return String.join(",", out);
    }
}
