package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chunks ended by their line count (batchLines) give exactly the book that chunks ended by their
 * size alone give: the same loans, line numbers, rejections and warnings, with no batch over the limit.
 */
class BatchLinesTest {
    private static final String HEADER = "id,borrower_id,borrower_type,borrower_established,product,channel,"
            + "principal,contract_date,maturity_date,rate_type,rate_tenor,spread_bp,nominal_rate,repayment,"
            + "on_lending,compensating_deposit";
    private static final String GOOD_JSON = "{\"id\":\"%s\",\"borrower\":{\"id\":\"B1\",\"type\":\"micro\","
            + "\"established\":\"2019-04-02\"},\"product\":\"%s\",\"principal\":\"300000.00\","
            + "\"contractDate\":\"2023-03-15\",\"maturityDate\":\"2024-03-15\",\"rate\":{\"type\":\"lpr\","
            + "\"tenor\":\"1Y\",\"spreadBp\":85,\"nominal\":\"4.50\"},\"repayment\":\"equal-installment\"}";

    @TempDir
    Path tmp;

    private static String csvRow(String id, String product) {
        return id + ",B-" + id + ",micro,2019-04-02," + product + ",,300000.00,2023-03-15,2024-03-15,lpr,1Y,85,4.50,"
                + "equal-installment,false,0";
    }

    private static ReaderSettings settings(int chunkBytes, int batchLines) {
        return new ReaderSettings(2, chunkBytes, 1024, batchLines);
    }

    @Test
    void aCsvBookReadsTheSameWhateverEndsItsChunks() throws IOException {
        ByteArrayOutputStream book = new ByteArrayOutputStream();
        book.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        StringBuilder fees = new StringBuilder("loan_id,payee,item,amount,when\n");
        for (int i = 1; i <= 200; i++) {
            String id = "C" + i;
            if (i % 37 == 0) {
                sb.append("C1,B,micro,2019-04-02,重复,,1.00,2023-03-15,2024-03-15,lpr,1Y,85,4.50,bullet,false,0");
            } else if (i % 23 == 0) {
                sb.append(csvRow(id, "贷").replace("300000.00", "lots"));
            } else if (i % 19 == 0) {
                // quoted, with a comma and a doubled quote; from row 114 on over the 1 KiB line limit
                sb.append(csvRow(id, "\"长,名\"\"称" + "经营贷".repeat(i) + "\""));
            } else {
                sb.append(csvRow(id, "普惠e贷"));
            }
            sb.append(i % 2 == 0 ? "\r\n" : "\n");
            if (i % 11 == 0) {
                sb.append("\n");
            }
            if (i % 3 == 0) {
                fees.append(id).append(",P01,担保费,1500.00,upfront\n");
            }
        }
        fees.append("C9999,P01,担保费,1.00,upfront\n");
        // the last line has no line end
        sb.append(csvRow("LAST", "普惠e贷"));
        book.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        Files.write(tmp.resolve("loans.csv"), book.toByteArray());
        Files.writeString(tmp.resolve("fees.csv"), fees.toString());

        CollectingListener bySize = Books.readCsv(tmp, settings(4096, 0));
        for (int lines : new int[] {1, 2, 3, 7, 64}) {
            for (int chunk : new int[] {2048, 4096, 1 << 20}) {
                CollectingListener byLines = Books.readCsv(tmp, settings(chunk, lines));
                assertSameBook(bySize, byLines);
                assertTrue(byLines.batchSizes().stream().allMatch(n -> n <= lines), byLines.batchSizes().toString());
            }
        }
        // 200 rows and the last: 5 repeat an id, 8 have a bad principal, 5 are too long
        assertEquals(183, bySize.loans().size(), bySize.rejections().toString());
        // row 37 is on line 41 (the header, and a blank line after rows 11, 22 and 33)
        assertTrue(bySize.rejections().contains("41: duplicate loan id \"C1\" (first on line 2)"),
                bySize.rejections().toString());
    }

    @Test
    void aJsonlBookWithLinesOfEveryLengthReadsTheSameWhateverEndsItsChunks() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 120; i++) {
            String product = switch (i % 10) {
                // far over the 1 KiB line limit and over a 2 KiB chunk: skipped without being held
                case 3 -> "x".repeat(5000);
                // over the line limit, within a chunk
                case 6 -> "y".repeat(1500);
                // much longer than the lines before it, under the limit
                case 8 -> "z".repeat(700);
                default -> "普惠e贷";
            };
            sb.append(String.format(GOOD_JSON, "J" + i, product)).append('\n');
        }
        Files.writeString(tmp.resolve("loans.jsonl"), sb.toString());

        CollectingListener bySize = Books.readJsonl(tmp, settings(4096, 0));
        assertEquals(96, bySize.loans().size());
        assertEquals(24, bySize.rejected().size());
        for (int lines : new int[] {1, 2, 5, 1000}) {
            for (int chunk : new int[] {2048, 4096, 1 << 20}) {
                CollectingListener byLines = Books.readJsonl(tmp, settings(chunk, lines));
                CollectingListener sameChunk = Books.readJsonl(tmp, settings(chunk, 0));
                assertSameBook(sameChunk, byLines);
                assertEquals(bySize.acceptedLines(), byLines.acceptedLines());
                assertTrue(byLines.batchSizes().stream().allMatch(n -> n <= lines), byLines.batchSizes().toString());
            }
        }
    }

    private static void assertSameBook(CollectingListener expected, CollectingListener actual) {
        assertEquals(expected.loans(), actual.loans());
        assertEquals(expected.rejections(), actual.rejections());
        assertEquals(expected.warningTexts(), actual.warningTexts());
    }

    @Test
    void chunksEndAfter4096LinesUnlessConfiguredOtherwise() {
        assertEquals(4096, ReaderSettings.DEFAULTS.batchLines());
        assertEquals(4096, new ReaderSettings(0, 0, 0).batchLines());
        assertEquals(Integer.MAX_VALUE, settings(4096, 0).batchLines());
    }
}
