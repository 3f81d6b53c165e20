package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rates are in percent: a book whose nominal rates look like fractions (0.0435 for 4.35 %) is read
 * as it is, with one warning counting those loans and naming the first line.
 */
class FractionRatesTest {
    private static final String WARNING = "loans have a %s above 0 and below 0.5 (the first on line %d): rates are "
            + "in percent (4.35 means 4.35 %%), so a rate written as a fraction (0.0435 for 4.35 %%) is read as a "
            + "rate under 1 %%; check how the book writes its rates";

    private static void csv(Path dir, String... rates) throws IOException {
        StringBuilder b = new StringBuilder("id,borrower_type,principal,contract_date,maturity_date,rate_type,"
                + "nominal_rate,repayment\n");
        for (int i = 0; i < rates.length; i++) {
            b.append("R").append(i).append(",micro,100000.00,2023-03-15,2024-03-15,fixed,").append(rates[i])
                    .append(",bullet\n");
        }
        Files.writeString(dir.resolve("loans.csv"), b);
        Files.writeString(dir.resolve("fees.csv"), "loan_id,payee,item,amount,when\n");
    }

    private static List<String> fractionWarnings(CollectingListener l) {
        return l.warningTexts().stream().filter(w -> w.contains("rates are in percent")).toList();
    }

    @Test
    void aCsvBookWithFractionRatesIsReadWithOneWarningNamingTheFirstLine(@TempDir Path tmp) throws IOException {
        // line 2: percent; 3 and 5: fractions; 4: zero (not counted); 6: exactly the threshold (not counted)
        csv(tmp, "4.35", "0.0435", "0", "0.0385", "0.5");
        CollectingListener l = Books.readCsv(tmp, Books.smallChunks());
        assertEquals(5, l.loans().size());
        assertEquals(List.of("loans.csv:3: 2 " + String.format(WARNING, "nominal_rate", 3)), fractionWarnings(l));
    }

    @Test
    void aBookInPercentHasNoWarning(@TempDir Path tmp) throws IOException {
        csv(tmp, "4.35", "3.85", "0", "12");
        assertEquals(List.of(), fractionWarnings(Books.readCsv(tmp, Books.smallChunks())));
    }

    @Test
    void theThresholdIsConfigurableAndZeroTurnsTheWarningOff(@TempDir Path tmp) throws IOException {
        csv(tmp, "0.8", "0.0435");
        CollectingListener higher = new CollectingListener();
        new CsvLoanBookReader(Books.smallChunks(), ColumnMapping.defaults(), "auto", 64L << 20, 1.0)
                .readCounting(tmp, higher);
        assertEquals(List.of("loans.csv:2: 2 " + String.format(WARNING, "nominal_rate", 2).replace("below 0.5",
                "below 1.0")), fractionWarnings(higher));
        CollectingListener off = new CollectingListener();
        new CsvLoanBookReader(Books.smallChunks(), ColumnMapping.defaults(), "auto", 64L << 20, 0)
                .readCounting(tmp, off);
        assertEquals(List.of(), fractionWarnings(off));
        assertEquals(2, off.loans().size());
    }

    @Test
    void theDefaultThresholdIsHalfAPercentInTheReaderConfiguration() {
        assertEquals(0.5, ComponentDefaultsTest.defaults(ReaderConfig.class).fractionRateBelow());
    }

    @Test
    void aJsonlBookWithOneFractionRateSaysSoToo(@TempDir Path tmp) throws IOException {
        String loan = "{\"id\":\"J%d\",\"borrower\":{\"type\":\"micro\"},\"principal\":\"100000.00\","
                + "\"contractDate\":\"2023-03-15\",\"maturityDate\":\"2024-03-15\",\"rate\":{\"type\":\"fixed\","
                + "\"nominal\":\"%s\"},\"repayment\":\"bullet\"}\n";
        Files.writeString(tmp.resolve("loans.jsonl"), String.format(loan, 1, "4.35") + String.format(loan, 2, "0.0435"));
        CollectingListener l = Books.readJsonl(tmp, Books.smallChunks());
        assertEquals(2, l.loans().size());
        assertEquals(List.of("loans.jsonl:2: 1 " + String.format(WARNING, "rate.nominal", 2)
                .replace("loans have", "loan has")), fractionWarnings(l));
    }

    @Test
    void loansRejectedAsDuplicatesAreNotCountedWhateverTheChunks(@TempDir Path tmp) throws IOException {
        String loan = "{\"id\":\"J%d\",\"borrower\":{\"type\":\"micro\"},\"principal\":\"100000.00\","
                + "\"contractDate\":\"2023-03-15\",\"maturityDate\":\"2024-03-15\",\"rate\":{\"type\":\"fixed\","
                + "\"nominal\":\"%s\"},\"repayment\":\"bullet\"}\n";
        StringBuilder book = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            // lines 10 and 11 repeat the ids of lines 1 and 2, with fraction rates: rejected, not counted
            int id = i == 10 ? 1 : i == 11 ? 2 : i;
            book.append(String.format(loan, id, i == 10 || i == 11 || i % 20 == 0 ? "0.0435" : "4.35"));
        }
        Files.writeString(tmp.resolve("loans.jsonl"), book.toString());
        for (int lines : new int[] {0, 1, 4, 15}) {
            CollectingListener l = Books.readJsonl(tmp, new ReaderSettings(2, 4096, 1024, lines));
            assertEquals(58, l.loans().size());
            assertEquals(List.of("loans.jsonl:20: 3 " + String.format(WARNING, "rate.nominal", 20)),
                    fractionWarnings(l), "batchLines " + lines);
        }
    }
}
