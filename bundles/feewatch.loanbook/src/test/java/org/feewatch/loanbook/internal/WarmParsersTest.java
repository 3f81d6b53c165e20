package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.feewatch.api.Loan;
import org.junit.jupiter.api.Test;

/**
 * A parser that has read many lines (its months, enum values, decimals and strings cached, its
 * field order learnt) must give for each line exactly what a new parser gives for that line alone
 * through the exact path: the same loan, or the same reason.
 */
class WarmParsersTest {
    private static final List<String> BORROWER_TYPES = List.of("micro", "small", "individual-business",
            "micro-owner", "medium", "large", "micr", "Micro", "micro-", "");
    private static final List<String> REPAYMENTS = List.of("equal-principal", "equal-installment", "bullet",
            "interest-monthly", "interest-first", "equal", "bulle");
    private static final List<String> WHENS = List.of("upfront", "annual", "monthly", "maturity", "upfron",
            "yearly");

    private final Random random = new Random(2026);

    private <T> T any(List<T> values) {
        // mostly the first few (the valid ones), sometimes any
        return values.get(random.nextInt(4) == 0 ? random.nextInt(values.size())
                : random.nextInt(Math.min(4, values.size())));
    }

    private String date() {
        int y = 1995 + random.nextInt(35);
        int m = random.nextInt(30) == 0 ? 13 : 1 + random.nextInt(12);
        int d = random.nextInt(10) == 0 ? 29 + random.nextInt(3) : 1 + random.nextInt(28);
        String s = String.format("%04d-%02d-%02d", y, m, d);
        return random.nextInt(50) == 0 ? s.replace('-', '/') : s;
    }

    private String decimal() {
        return switch (random.nextInt(12)) {
            case 0 -> "-1.5";
            case 1 -> "1.";
            case 2 -> "12345678901234567890.5";
            case 3 -> "0";
            default -> (1 + random.nextInt(5000)) * 1000 + (random.nextBoolean() ? ".00" : "");
        };
    }

    /** Mostly after any contract date, so that most lines are loans. */
    private String maturity() {
        return random.nextInt(10) == 0 ? date()
                : String.format("%04d-%02d-%02d", 2030 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private String rate() {
        return (random.nextInt(40) == 0 ? "-" : "") + (2 + random.nextInt(4)) + "." + random.nextInt(100);
    }

    private String jsonLine(int n) {
        StringBuilder fees = new StringBuilder();
        int count = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < count; i++) {
            fees.append(i == 0 ? "" : ",").append("{\"payee\":\"P0").append(random.nextInt(3))
                    .append("\",\"item\":\"担保费\",\"amount\":\"").append(decimal()).append("\",\"when\":\"")
                    .append(any(WHENS)).append("\"}");
        }
        String bundled = random.nextInt(10) == 0 ? "{\"kind\":\"insurance\",\"name\":\"意外险\",\"premium\":\""
                + decimal() + "\"}" : "";
        return "{\"id\":\"G" + n + "\",\"borrower\":{\"id\":\"GB" + n + "\",\"type\":\"" + any(BORROWER_TYPES)
                + "\",\"established\":\"" + date() + "\"},\"product\":\"" + any(List.of("普惠经营贷", "小微快贷", "科创贷"))
                + "\",\"principal\":\"" + decimal() + "\",\"contractDate\":\"" + date() + "\",\"maturityDate\":\""
                + maturity() + "\",\"rate\":{\"type\":\"" + any(List.of("lpr", "fixed", "benchmark", "lp", "lprr")) + "\",\"tenor\":\""
                + any(List.of("1Y", "5Y", "3Y")) + "\",\"spreadBp\":" + (random.nextInt(300) - 50) + ",\"nominal\":\""
                + rate() + "\"},\"repayment\":\"" + any(REPAYMENTS) + "\",\"onLending\":" + random.nextBoolean()
                + ",\"compensatingDeposit\":\"" + (random.nextInt(5) == 0 ? decimal() : "0") + "\",\"bundled\":["
                + bundled + "],\"fees\":[" + fees + "]}";
    }

    private static Object exactJson(byte[] b, int end, long line) {
        try {
            return new JsonLoanParser().parse(b, 0, end, line, false);
        } catch (Reject r) {
            return r.getMessage();
        }
    }

    @Test
    void aWarmJsonParserGivesWhatANewOneGivesForEachLine() {
        JsonLoanParser warm = new JsonLoanParser();
        int loans = 0;
        for (int n = 1; n <= 20_000; n++) {
            String text = jsonLine(n);
            byte[] b = (text + "\n").getBytes(StandardCharsets.UTF_8);
            int end = b.length - 1;
            Object got = warm.parseToLineEnd(b, 0, b.length, n);
            if (got != null) {
                assertEquals(end, warm.lineEnd(), text);
            } else {
                try {
                    got = warm.parse(b, 0, end, n, false);
                } catch (Reject r) {
                    got = r.getMessage();
                }
            }
            assertEquals(exactJson(b, end, n), got, text);
            if (got instanceof Loan) {
                loans++;
            }
        }
        assertTrue(loans > 2000 && loans < 19_000, "both loans and rejects: " + loans);
    }

    private static final String HEADER = "id,borrower_id,borrower_type,borrower_established,product,channel,"
            + "principal,contract_date,maturity_date,rate_type,rate_tenor,spread_bp,nominal_rate,repayment,"
            + "on_lending,compensating_deposit";

    private String csvLine(int n) {
        return "G" + n + ",GB" + n + "," + any(BORROWER_TYPES) + "," + date() + ","
                + any(List.of("普惠经营贷", "小微快贷", "科创贷", "a b")) + "," + any(List.of("", "", "网点", "\"APP\"")) + ","
                + decimal() + "," + date() + "," + maturity() + "," + any(List.of("lpr", "fixed", "benchmark", "lp", "lprr")) + ","
                + any(List.of("1Y", "5Y", "3Y")) + "," + (random.nextInt(300) - 50) + "," + rate() + ","
                + any(REPAYMENTS) + "," + any(List.of("false", "true", "是", "FALSE")) + ","
                + (random.nextInt(5) == 0 ? decimal() : "0");
    }

    private static CsvLoanParser csvParser() {
        byte[] h = HEADER.getBytes(StandardCharsets.UTF_8);
        CsvHeader header = CsvHeader.parse(h, 0, h.length, StandardCharsets.UTF_8, "loans.csv",
                ColumnMapping.LOAN_COLUMNS, ColumnMapping.REQUIRED_LOAN_COLUMNS, ColumnMapping.defaults()::loanColumn,
                "every line is rejected");
        return new CsvLoanParser(header, StandardCharsets.UTF_8, null, StandardCharsets.UTF_8, null, null, null);
    }

    @Test
    void aWarmCsvParserGivesWhatANewOneGivesForEachLine() {
        CsvLoanParser warm = csvParser();
        int loans = 0;
        for (int n = 1; n <= 20_000; n++) {
            String text = csvLine(n);
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            Object got;
            try {
                got = warm.parse(b, 0, b.length, n, false);
            } catch (Reject r) {
                got = r.getMessage();
            }
            Object expected;
            try {
                expected = csvParser().parseGeneral(b, 0, b.length, n);
            } catch (Reject r) {
                expected = r.getMessage();
            }
            assertEquals(expected, got, text);
            if (got instanceof Loan) {
                loans++;
            }
        }
        assertTrue(loans > 2000 && loans < 19_000, "both loans and rejects: " + loans);
    }
}
