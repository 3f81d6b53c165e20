package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Loan;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlLoanBookReaderTest {
    private static final String GOOD = "{\"id\":\"%s\",\"borrower\":{\"id\":\"B1\",\"type\":\"micro\","
            + "\"established\":\"2019-04-02\"},\"product\":\"普惠e贷\",\"channel\":\"P02\",\"principal\":\"300000.00\","
            + "\"contractDate\":\"2023-03-15\",\"maturityDate\":\"2024-03-15\",\"rate\":{\"type\":\"lpr\",\"tenor\":\"1Y\","
            + "\"spreadBp\":85,\"nominal\":\"4.50\"},\"repayment\":\"equal-installment\",\"onLending\":false,"
            + "\"compensatingDeposit\":\"0\",\"bundled\":[{\"kind\":\"insurance\",\"name\":\"借款人意外险\","
            + "\"premium\":\"1200.00\",\"mandatory\":true}],\"fees\":[{\"payee\":\"BANK-A\",\"item\":\"贷款承诺费\","
            + "\"amount\":\"1500.00\",\"when\":\"upfront\"},{\"payee\":\"P01\",\"item\":\"担保费\",\"amount\":\"4500.00\","
            + "\"when\":\"upfront\"}]}";

    @TempDir
    Path tmp;

    @Test
    void readsEveryFieldOfTheCaseFormatExample() throws IOException {
        Files.writeString(tmp.resolve("loans.jsonl"), String.format(GOOD, "L0001") + "\n");
        CollectingListener l = Books.readJsonl(tmp, ReaderSettings.DEFAULTS);
        Loan loan = l.loans().get(0);
        assertEquals("L0001", loan.id());
        assertEquals("B1", loan.borrower().id());
        assertEquals(BorrowerType.MICRO, loan.borrower().type());
        assertEquals(LocalDate.of(2019, 4, 2), loan.borrower().established());
        assertEquals("普惠e贷", loan.product());
        assertEquals("P02", loan.channel());
        assertEquals(new BigDecimal("300000.00"), loan.principal());
        assertEquals(LocalDate.of(2023, 3, 15), loan.contractDate());
        assertEquals(LocalDate.of(2024, 3, 15), loan.maturityDate());
        assertEquals(RateType.LPR, loan.rate().type());
        assertEquals("1Y", loan.rate().tenor());
        assertEquals(85, loan.rate().spreadBp());
        assertEquals(new BigDecimal("4.50"), loan.rate().nominal());
        assertNull(loan.rate().multiplier());
        assertEquals(Repayment.EQUAL_INSTALLMENT, loan.repayment());
        assertFalse(loan.onLending());
        assertEquals(0, loan.compensatingDeposit().signum());
        assertEquals(1, loan.bundled().size());
        assertEquals("借款人意外险", loan.bundled().get(0).name());
        assertEquals(new BigDecimal("1200.00"), loan.bundled().get(0).premium());
        assertTrue(loan.bundled().get(0).mandatory());
        assertEquals(2, loan.fees().size());
        assertEquals("P01", loan.fees().get(1).payee());
        assertEquals("担保费", loan.fees().get(1).item());
        assertEquals(new BigDecimal("4500.00"), loan.fees().get(1).amount());
        assertEquals(FeeTiming.UPFRONT, loan.fees().get(1).when());
        assertEquals("loans.jsonl", loan.file());
        assertEquals(1, loan.line());
        assertTrue(l.rejected().isEmpty());
        assertTrue(l.warnings().isEmpty());
    }

    @Test
    void wrongTypesAndBadValuesRejectTheirLineWithTheReason() throws IOException {
        CollectingListener l = Books.readJsonl(Books.book("wrong-types"), Books.smallChunks());
        assertEquals(List.of(
                "2: principal must be a decimal number (a JSON string or number), not an object",
                "3: onLending must be true or false, not a string",
                "4: borrower must be an object, not a string",
                "5: rate.spreadBp 85.5 is not a whole number: spreads are whole basis points (a spread of 0.85 "
                        + "percentage points is 85)",
                "6: fees must be an array, not an object",
                "7: principal \"1e5\" has an exponent: write it as a plain decimal",
                "8: principal 1E5 has an exponent: write it as a plain decimal",
                "9: principal \"1,000.00\" has a thousands separator: write it as a plain decimal",
                "10: principal \"NaN\" is not a number",
                "11: principal \"-Infinity\" is not a number",
                "12: principal -5 is not positive",
                "13: contractDate \"2023-02-30\" is not a valid date (February 2023 has 28 days)",
                "14: maturityDate 2023-01-01 is not after contractDate 2023-03-15",
                "15: borrower.type \"tiny\" is not one of micro, small, individual-business, micro-owner, medium, large"
                        + " (nor mapped to one by value.borrower_type in config/org.feewatch.loanbook.columns.cfg)",
                "16: repayment \"weekly\" is not one of bullet, interest-monthly, equal-installment, equal-principal"
                        + " (nor mapped to one by value.repayment in config/org.feewatch.loanbook.columns.cfg)",
                "17: fees[0].when \"daily\" is not one of upfront, annual, monthly, maturity"
                        + " (nor mapped to one by value.fee.when in config/org.feewatch.loanbook.columns.cfg)",
                "18: not valid JSON: expected ',' or '}' after a field at byte 13",
                "19: not valid JSON: a loan line must be a JSON object, found an array at byte 1",
                "22: a string has a lone surrogate \\uD83D at byte 89",
                "25: field principal appears twice",
                "26: rate.nominal \"4.5 \" is not a plain decimal number",
                "28: principal 0.00 is not positive",
                "29: fees[0].amount -1 is negative",
                "30: rate.tenor \"3Y\" is not one of 1Y, 5Y"
                        + " (nor mapped to one by value.rate_tenor in config/org.feewatch.loanbook.columns.cfg)"), l.rejections());
        assertEquals(List.of(1L, 20L, 21L, 23L, 24L, 27L), l.acceptedLines());
        Map<String, Loan> byId = l.loans().stream().collect(Collectors.toMap(Loan::id, x -> x));
        // escapes: \\u0032\\u0030 is "20"; \\t, \\" and \\/ decode; a surrogate pair is one code point
        assertEquals("普惠\t\"/", byId.get("A20").product());
        assertEquals("\uD83D\uDE00", byId.get("A21").product());
        // a JSON number is a decimal too, kept exactly
        assertEquals(new BigDecimal("250000.5"), byId.get("A24").principal());
        // one warning per unknown field name, with its first line and how often it was seen
        assertEquals(List.of(
                "loans.jsonl:23: unknown field \"extra\" ignored (seen 2 times; this is the first)",
                "loans.jsonl:23: unknown field \"borrower.nickname\" ignored (seen once)"), l.warningTexts());
    }

    @Test
    void missingRequiredFieldsRejectTheirLine() throws IOException {
        CollectingListener l = Books.readJsonl(Books.book("missing-fields"), Books.smallChunks());
        assertEquals(List.of(
                "1: missing required field id",
                "2: missing required field borrower",
                "3: missing required field borrower.type",
                "4: missing required field principal",
                "5: missing required field contractDate",
                "6: missing required field rate",
                "7: missing required field rate.nominal",
                "8: rate.tenor is required for an lpr rate (1Y or 5Y)",
                "9: missing required field repayment",
                "10: missing required field fees[0].amount",
                // "" is an absent field, as an empty CSV cell is (UnseenBooksTest)
                "11: missing required field id",
                "12: missing required field principal",
                "13: missing required field bundled[0].name"), l.rejections());
        // optional fields may be absent or null: no channel, no deposit (0), no fees, not on-lending
        Loan minimal = l.loans().get(0);
        assertEquals(14, minimal.line());
        assertNull(minimal.channel());
        assertNull(minimal.borrower().established());
        assertEquals(BigDecimal.ZERO, minimal.compensatingDeposit());
        assertTrue(minimal.fees().isEmpty() && minimal.bundled().isEmpty());
    }

    @Test
    void aRepeatedIdRejectsTheLaterLineNamingTheFirst() throws IOException {
        CollectingListener l = Books.readJsonl(Books.book("duplicate-ids"), Books.smallChunks());
        assertEquals(List.of(
                "4: duplicate loan id \"A1\" (first on line 1)",
                "6: duplicate loan id \"X-abc\" (first on line 5)",
                "8: duplicate loan id \"A2\" (first on line 2)"), l.rejections());
        // blank lines 3 and 9 are skipped and not counted: 8 lines read
        assertEquals(List.of(1L, 2L, 5L, 7L, 10L), l.acceptedLines());
        assertEquals(new BigDecimal("300000.00"), l.loans().get(0).principal());
    }

    @Test
    void aCutShortLastLineIsRejectedAndSaysSo() throws IOException {
        CollectingListener l = Books.readJsonl(Books.book("truncated"), Books.smallChunks());
        assertEquals(List.of(
                "3: not valid JSON: the line ends in the middle of a value",
                "5: the file ends in the middle of this loan (the last line is cut short)"), l.rejections());
        assertEquals(List.of(1L, 4L), l.acceptedLines());
    }

    @Test
    void emptyAndBlankBooksReadNothing() throws IOException {
        for (String name : List.of("empty", "blank-lines")) {
            CollectingListener l = Books.readJsonl(Books.book(name), Books.smallChunks());
            assertTrue(l.loans().isEmpty(), name);
            assertTrue(l.rejected().isEmpty(), name);
            assertTrue(l.warnings().isEmpty(), name);
        }
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndsAreAccepted() throws IOException {
        String text = "\uFEFF" + String.format(GOOD, "L1") + "\r\n\r\n" + String.format(GOOD, "L2") + "\r\n";
        Files.writeString(tmp.resolve("loans.jsonl"), text);
        CollectingListener l = Books.readJsonl(tmp, Books.smallChunks());
        assertEquals(List.of(1L, 3L), l.acceptedLines());
        assertEquals("L1", l.loans().get(0).id());
        assertTrue(l.rejected().isEmpty());
    }

    @Test
    void invalidUtf8RejectsOnlyItsLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((String.format(GOOD, "L1") + "\n").getBytes(StandardCharsets.UTF_8));
        // line 2: a GBK-encoded product name inside a UTF-8 file
        out.writeBytes(String.format(GOOD, "L2").replace("普惠e贷", "@@").getBytes(StandardCharsets.UTF_8));
        byte[] all = out.toByteArray();
        out.reset();
        String s = new String(all, StandardCharsets.ISO_8859_1);
        int at = s.lastIndexOf("@@");
        out.write(all, 0, at);
        out.writeBytes("普惠".getBytes("GBK"));
        out.write(all, at + 2, all.length - at - 2);
        out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        // line 3: an overlong encoding of '/' (0xC0 0xAF) is not valid UTF-8 either
        out.writeBytes(String.format(GOOD, "L3").replace("P02", "P\u0000").getBytes(StandardCharsets.UTF_8));
        byte[] withNul = out.toByteArray();
        for (int i = withNul.length - 1; i >= 0; i--) {
            if (withNul[i] == 0) {
                out.reset();
                out.write(withNul, 0, i);
                out.write(0xC0);
                out.write(0xAF);
                out.write(withNul, i + 1, withNul.length - i - 1);
                break;
            }
        }
        out.writeBytes(("\n" + String.format(GOOD, "L4") + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(tmp.resolve("loans.jsonl"), out.toByteArray());
        CollectingListener l = Books.readJsonl(tmp, Books.smallChunks());
        int productAt = String.format(GOOD, "L2").indexOf("普惠e贷") + 1;
        int channelAt = String.format(GOOD, "L3").getBytes(StandardCharsets.UTF_8).length
                - String.format(GOOD, "L3").substring(String.format(GOOD, "L3").indexOf("P02") + 1)
                        .getBytes(StandardCharsets.UTF_8).length + 1;
        assertEquals(List.of("2: invalid UTF-8 at byte " + byteOffset(String.format(GOOD, "L2"), productAt),
                "3: invalid UTF-8 at byte " + channelAt), l.rejections());
        assertEquals(List.of(1L, 4L), l.acceptedLines());
    }

    @Test
    void aBookSavedAsGbkRejectsEachChineseLineWithAHintToSaveItAsUtf8() throws IOException {
        // a whole book written by a Chinese Windows export in GBK: its ASCII-only line is still a loan
        String ascii = String.format(GOOD, "L3").replace("普惠e贷", "puhui").replace("借款人意外险", "insurance")
                .replace("贷款承诺费", "commitment").replace("担保费", "guarantee");
        String book = String.format(GOOD, "L1") + "\n" + String.format(GOOD, "L2") + "\n" + ascii + "\n";
        Files.write(tmp.resolve("loans.jsonl"), book.getBytes("GBK"));
        int productAt = String.format(GOOD, "L1").indexOf("普惠e贷") + 1;
        String reason = "invalid UTF-8 at byte " + productAt
                + " (the file looks like GBK/GB18030; loans.jsonl must be saved as UTF-8)";
        for (ReaderSettings settings : List.of(Books.smallChunks(), ReaderSettings.DEFAULTS)) {
            CollectingListener l = Books.readJsonl(tmp, settings);
            assertEquals(List.of("1: " + reason, "2: " + reason), l.rejections());
            assertEquals(List.of(3L), l.acceptedLines());
        }
    }

    @Test
    void aUtf8BookWithOneGbkLineGetsNoGbkHint() throws IOException {
        String line2 = String.format(GOOD, "L2");
        byte[] book = (String.format(GOOD, "L1") + "\n" + line2 + "\n" + String.format(GOOD, "L3") + "\n")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] first = (String.format(GOOD, "L1") + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(first, 0, first.length);
        out.writeBytes(line2.getBytes("GBK"));
        out.write(book, first.length + line2.getBytes(StandardCharsets.UTF_8).length,
                book.length - first.length - line2.getBytes(StandardCharsets.UTF_8).length);
        Files.write(tmp.resolve("loans.jsonl"), out.toByteArray());
        CollectingListener l = Books.readJsonl(tmp, Books.smallChunks());
        assertEquals(List.of("2: invalid UTF-8 at byte " + (line2.indexOf("普惠e贷") + 1)), l.rejections());
    }

    @Test
    void invalidUtf8InsideEscapedStringsIsFoundToo() throws IOException {
        String good = String.format(GOOD, "L1");
        // an unknown field whose name has an escape, and a product with an escape, each with a stray 0xC3
        byte[] key = good.replace("\"onLending\"", "\"x\\u0041@\":1,\"onLending\"").getBytes(StandardCharsets.UTF_8);
        byte[] value = String.format(GOOD, "L2").replace("普惠e贷", "\\t@").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : new byte[][] {key, value}) {
            for (byte x : line) {
                out.write(x == '@' ? 0xC3 : x);
            }
            out.write('\n');
        }
        Files.write(tmp.resolve("loans.jsonl"), out.toByteArray());
        CollectingListener l = Books.readJsonl(tmp, Books.smallChunks());
        int keyAt = new String(key, StandardCharsets.UTF_8).indexOf('@');
        int valueAt = new String(value, StandardCharsets.UTF_8).indexOf('@');
        assertEquals(List.of("1: invalid UTF-8 at byte " + (byteOffset(new String(key, StandardCharsets.UTF_8), keyAt + 1)),
                "2: invalid UTF-8 at byte " + byteOffset(new String(value, StandardCharsets.UTF_8), valueAt + 1)),
                l.rejections());
    }

    private static int byteOffset(String line, int charPosition) {
        return line.substring(0, charPosition - 1).getBytes(StandardCharsets.UTF_8).length + 1;
    }

    @Test
    void aTenMegabyteFieldIsRejectedWithoutStoppingTheBook() throws IOException {
        String huge = "x".repeat(10 << 20);
        String text = String.format(GOOD, "L1") + "\n" + String.format(GOOD, "L2").replace("普惠e贷", huge) + "\n"
                + String.format(GOOD, "L3") + "\n";
        Files.writeString(tmp.resolve("loans.jsonl"), text);
        int hugeLine = String.format(GOOD, "L2").replace("普惠e贷", huge).getBytes(StandardCharsets.UTF_8).length;
        // default settings: 1 MiB line limit, 2 MiB chunks
        CollectingListener l = Books.readJsonl(tmp, ReaderSettings.DEFAULTS);
        assertEquals(List.of(String.format("2: the line is %,d bytes long, over the limit of 1,048,576 bytes "
                + "(maxLineKiB in configuration); it was skipped", hugeLine)), l.rejections());
        assertEquals(List.of(1L, 3L), l.acceptedLines());
        // a limit above the line's length reads it
        CollectingListener roomy = Books.readJsonl(tmp, new ReaderSettings(2, 0, 16 << 20));
        assertEquals(List.of(1L, 2L, 3L), roomy.acceptedLines());
        assertEquals(huge.length(), roomy.loans().get(1).product().length());
    }

    @Test
    void batchesArriveNumberedInBookOrderAcrossManyChunks() throws IOException {
        StringBuilder sb = new StringBuilder();
        int n = 3000;
        for (int i = 1; i <= n; i++) {
            sb.append(String.format(GOOD, "L" + i)).append('\n');
            if (i % 7 == 0) {
                sb.append('\n');
            }
        }
        Files.writeString(tmp.resolve("loans.jsonl"), sb.toString());
        CollectingListener l = Books.readJsonl(tmp, Books.smallChunks());
        List<Loan> loans = l.loans();
        assertEquals(n, loans.size());
        for (int i = 0; i < n; i++) {
            int id = i + 1;
            assertEquals("L" + id, loans.get(i).id());
            // physical line: one blank line after every seventh loan
            assertEquals(id + (id - 1) / 7, loans.get(i).line());
        }
    }

    @Test
    void findsTheBookInACaseFolder() throws IOException {
        JsonlLoanBookReader reader = new JsonlLoanBookReader(ReaderSettings.DEFAULTS);
        assertEquals("jsonl", reader.format());
        assertNull(reader.bookFile(tmp));
        Files.writeString(tmp.resolve("loans.jsonl"), "");
        assertEquals(tmp.resolve("loans.jsonl"), reader.bookFile(tmp));
    }
}
