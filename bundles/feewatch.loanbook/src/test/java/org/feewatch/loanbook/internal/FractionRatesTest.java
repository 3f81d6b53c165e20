package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.Loan;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;

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
    void aRateCountsExactlyWhenAbove0AndBelowTheThreshold() {
        FractionRates off = new FractionRates(null, 0);
        assertEquals(null, off.tally());
        for (double threshold : new double[] {0.5, 0.05, 1, 1.5, 10, 12.345}) {
            ChunkedBookReader.LoanTally tally = new FractionRates(null, threshold).tally();
            BigDecimal below = BigDecimal.valueOf(threshold);
            for (String rate : new String[] {"0", "0.00", "-0.1", "0.0435", "0.049", "0.05", "0.050", "0.0501", "0.4",
                    "0.49", "0.5", "0.50", "0.500", "0.51", "0.9999", "1", "1.0", "1.00", "1.4999", "1.5", "1.50", "4.35",
                    "9.99", "10", "10.0", "10.01", "12.344", "12.345", "12.3450", "12.346", "99", "100.00", "1E+1",
                    "1E-3"}) {
                BigDecimal r = new BigDecimal(rate);
                boolean expected = r.signum() > 0 && r.compareTo(below) < 0;
                assertEquals(expected, tally.counts(loanAt(r)), rate + " against " + threshold);
            }
        }
    }

    private static Loan loanAt(BigDecimal nominal) {
        return new Loan("L1", new Borrower(null, BorrowerType.MICRO, null), null, null, BigDecimal.TEN,
                LocalDate.of(2023, 1, 1), LocalDate.of(2024, 1, 1),
                new RateTerms(RateType.FIXED, null, null, nominal, null), Repayment.BULLET, false, null, null, null,
                "loans.jsonl", 1);
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
