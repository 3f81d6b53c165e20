package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.feewatch.api.FeeTiming;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Books as banks export them that the first corpus did not cover (docs/loanbook.md, "Text forms" and
 * "Validation choices"): UTF-16 text, classic Mac line ends, empty strings for absent fields, the forms
 * numbers take. Each test is named after its book in src/test/resources/books.
 */
class UnseenBooksTest {
    private static final String UTF16_JSONL = "loans.jsonl is UTF-16 text (byte-order mark FF FE), not UTF-8: "
            + "no loan in it can be read; save the book as UTF-8 and audit again";

    @Test
    void utf16JsonlRejectsEveryLoanLineWithOneClearReason() throws IOException {
        CollectingListener l = Books.readJsonl(Books.book("utf16-jsonl"), Books.smallChunks());
        assertTrue(l.loans().isEmpty());
        // lines counted in the file's own encoding; the blank line 2 is not a loan
        assertEquals(List.of("1: " + UTF16_JSONL, "3: " + UTF16_JSONL, "4: " + UTF16_JSONL), l.rejections());
        assertTrue(l.rejected().stream().allMatch(i -> "loans.jsonl".equals(i.file())));
    }

    @Test
    void utf16CsvRejectsEveryLoanLineBelowItsHeader() throws IOException {
        CollectingListener l = Books.readCsv(Books.book("utf16-csv"), Books.smallChunks());
        assertTrue(l.loans().isEmpty());
        String reason = "loans.csv is UTF-16 text (byte-order mark FF FE), not UTF-8 or GBK: no loan in it can be "
                + "read; save the book as UTF-8 or GBK and audit again";
        assertEquals(List.of("2: " + reason, "3: " + reason), l.rejections());
    }

    @Test
    void utf16FeesAreIgnoredWithAWarningAndTheLoansAreRead() throws IOException {
        CollectingListener l = Books.readCsv(Books.book("utf16-fees"), Books.smallChunks());
        assertEquals(List.of("W1", "W2"), l.loans().stream().map(Loan::id).toList());
        assertTrue(l.loans().stream().allMatch(x -> x.fees().isEmpty()));
        assertEquals(List.of("fees.csv: fees.csv is UTF-16 text (a zero byte after each of its first characters), "
                + "not UTF-8 or GBK: its rows cannot be read and are ignored; save it as UTF-8 and audit again"),
                l.warningTexts());
    }

    @Test
    void crOnlyCsvReadsEachCarriageReturnAsALineEndInLoansAndFees() throws IOException {
        Path dir = Books.book("cr-only-csv");
        List<String> tempBefore = bookTempFiles();
        CollectingListener l = Books.readCsv(dir, Books.smallChunks());
        // line 3 is blank; line 5 has a negative principal
        assertEquals(List.of(2L, 4L), l.acceptedLines());
        assertEquals(List.of("5: principal -1 is not positive"), l.rejections());
        Loan m2 = l.loans().get(1);
        assertEquals(List.of(new LoanFee("P9", "担保费", new BigDecimal("1000.00"), FeeTiming.UPFRONT),
                new LoanFee("P9", "服务费", new BigDecimal("10.00"), FeeTiming.MONTHLY)), m2.fees());
        assertTrue(l.warningTexts().contains("loans.csv: the file's lines end in a carriage return alone "
                + "(classic Mac OS): each one was read as a line end"), l.warningTexts().toString());
        assertTrue(l.warningTexts().contains("fees.csv: the file's lines end in a carriage return alone "
                + "(classic Mac OS): each one was read as a line end"), l.warningTexts().toString());
        // the LF copies read in place of the files are gone afterwards
        assertEquals(tempBefore, bookTempFiles());
    }

    @Test
    void csvCrCrLfEndsLinesAsCrLfDoes() throws IOException {
        // Python's csv module on Windows without newline="" writes "\r\r\n"; the values were "0\r"
        CollectingListener l = Books.readCsv(Books.book("csv-crcrlf"), Books.smallChunks());
        assertEquals(List.of(2L, 4L), l.acceptedLines());
        assertEquals(List.of("5: compensating_deposit \"x\" is not a plain decimal number"), l.rejections());
        assertEquals(List.of(new LoanFee("P9", "担保费", new BigDecimal("1000.00"), FeeTiming.UPFRONT)),
                l.loans().get(0).fees());
        assertEquals(List.of(new LoanFee("P9", "服务费", new BigDecimal("10.00"), FeeTiming.MONTHLY)),
                l.loans().get(1).fees());
        assertTrue(l.warnings().isEmpty(), l.warningTexts().toString());
    }

    @Test
    void excelEmptyRowsOfSeparatorsAreBlankLines() throws IOException {
        // Excel saves rows that were formatted but left empty as ",,,,": not loans, not counted in read
        CollectingListener l = Books.readCsv(Books.book("csv-excel-empty-rows"), Books.smallChunks());
        assertEquals(List.of(2L, 4L), l.acceptedLines());
        // a field holding one quote ("""") is a value (the id '"'): that line is read and rejected
        assertEquals(List.of("6: missing required field borrower_type"), l.rejections());
        assertEquals(List.of(new LoanFee("P9", "担保费", new BigDecimal("1000.00"), FeeTiming.UPFRONT)),
                l.loans().get(0).fees());
        assertTrue(l.warnings().isEmpty(), l.warningTexts().toString());
    }

    @Test
    void jsonlExportsJoinedWithTheirByteOrderMarksAreOneBook() throws IOException {
        // cat or copy /b of two UTF-8 exports: the second one's byte-order mark starts line 2
        CollectingListener l = Books.readJsonl(Books.book("joined-exports-jsonl"), Books.smallChunks());
        assertEquals(List.of("J1", "J2"), l.loans().stream().map(Loan::id).toList());
        assertTrue(l.rejected().isEmpty(), l.rejections().toString());
    }

    @Test
    void csvExportsJoinedRejectTheRepeatedHeaderSayingWhatItIs() throws IOException {
        CollectingListener l = Books.readCsv(Books.book("joined-exports-csv"), Books.smallChunks());
        assertEquals(List.of("J1", "J2", "J3"), l.loans().stream().map(Loan::id).toList());
        assertEquals(List.of("3: the header line again (two exports joined?): not a loan"), l.rejections());
    }

    @Test
    void crOnlyJsonlReadsEachCarriageReturnAsALineEnd() throws IOException {
        CollectingListener l = Books.readJsonl(Books.book("cr-only-jsonl"), Books.smallChunks());
        assertEquals(List.of("M1", "M2"), l.loans().stream().map(Loan::id).toList());
        assertEquals(1, l.loans().get(1).fees().size());
        assertEquals(1, l.rejected().size());
        assertEquals(3L, l.rejected().get(0).line());
        assertEquals(List.of("loans.jsonl: the file's lines end in a carriage return alone (classic Mac OS): "
                + "each one was read as a line end"), l.warningTexts());
    }

    @Test
    void jsonEmptyStringsAreAbsentFieldsAsEmptyCsvCellsAre() throws IOException {
        CollectingListener l = Books.readJsonl(Books.book("json-empty-strings"), Books.smallChunks());
        assertEquals(List.of("E1", "E2", "E3"), l.loans().stream().map(Loan::id).toList());
        Loan e1 = l.loans().get(0);
        assertNull(e1.borrower().id());
        assertNull(e1.borrower().established());
        assertNull(e1.product());
        assertNull(e1.channel());
        assertEquals(BigDecimal.ZERO, e1.compensatingDeposit());
        Loan e2 = l.loans().get(1);
        assertNull(e2.rate().tenor());
        assertNull(e2.rate().spreadBp());
        assertNull(e2.rate().multiplier());
        Loan e3 = l.loans().get(2);
        assertNull(e3.bundled().get(0).kind());
        assertTrue(e3.fees().isEmpty());
        // an empty required field is a missing one, as in loans.csv
        assertEquals(List.of("4: missing required field id", "5: missing required field fees[0].payee",
                "6: rate.spreadBp is required for an lpr rate", "7: missing required field principal",
                "8: missing required field contractDate"), l.rejections());
    }

    @Test
    void jsonNumberFormsAreAcceptedOrRejectedWithTheReason() throws IOException {
        CollectingListener l = Books.readJsonl(Books.book("json-number-forms"), Books.smallChunks());
        assertEquals(List.of("N1", "N2", "N3"), l.loans().stream().map(Loan::id).toList());
        Loan n1 = l.loans().get(0);
        assertEquals(0, new BigDecimal("100000").compareTo(n1.principal()));
        assertEquals(0, new BigDecimal("4.35").compareTo(n1.rate().nominal()));
        Loan n2 = l.loans().get(1);
        assertEquals(70, n2.rate().spreadBp());
        assertEquals(0, new BigDecimal("1000").compareTo(n2.fees().get(0).amount()));
        // more digits than a long holds, kept exactly
        assertEquals(new BigDecimal("99999999999999999999.99"), l.loans().get(2).principal());
        assertEquals(0, l.loans().get(2).rate().nominal().signum());
        assertEquals(List.of(
                "4: principal 0.5E6 has an exponent: write it as a plain decimal",
                "5: principal \"100,000.00\" has a thousands separator: write it as a plain decimal",
                "6: rate.nominal \"4.35%\" has a percent sign: rates are written in percent without it "
                        + "(\"4.35\" means 4.35 %)",
                "7: principal \"NaN\" is not a number",
                "8: principal \"１００000\" has full-width digits: write it with the digits 0-9 as a plain decimal",
                "9: principal \"100000.\" is not a plain decimal number"), l.rejections());
    }

    @Test
    void semicolonSeparatedCsvSaysSoAndRejectsItsLines(@TempDir Path tmp) throws IOException {
        // European Excel writes ';' between fields
        Files.writeString(tmp.resolve("loans.csv"), "id;borrower_type;principal;contract_date;maturity_date;rate_type;"
                + "nominal_rate;repayment\nS1;micro;100000.00;2023-03-15;2024-03-15;fixed;4.35;bullet\n");
        CollectingListener l = Books.readCsv(tmp, Books.smallChunks());
        assertEquals(List.of("2: missing required field id: loans.csv has no column for it"), l.rejections());
        assertTrue(l.warningTexts().contains("loans.csv:1: the header has no column for id, borrower_type, principal, "
                + "contract_date, maturity_date, rate_type, nominal_rate, repayment (or a header that configuration "
                + "maps to it); its names are separated by semicolons, and the file must be comma separated: every "
                + "line is rejected"), l.warningTexts().toString());
    }

    @Test
    void gbkBookWhoseFirstMegabyteIsAsciiNeedsTheConfiguredEncoding(@TempDir Path tmp) throws IOException {
        // a large GBK export whose Chinese product names begin after its first MiB
        StringBuilder book = new StringBuilder("id,borrower_type,product,principal,contract_date,maturity_date,"
                + "rate_type,nominal_rate,repayment\n");
        int ascii = 0;
        while (book.length() <= (1 << 20)) {
            book.append("A").append(++ascii).append(",micro,P01,100000.00,2023-03-15,2024-03-15,fixed,4.35,bullet\n");
        }
        book.append("Z1,micro,经营贷,100000.00,2023-03-15,2024-03-15,fixed,4.35,bullet\n");
        Files.write(tmp.resolve("loans.csv"), book.toString().getBytes(java.nio.charset.Charset.forName("GBK")));
        Files.writeString(tmp.resolve("fees.csv"), "loan_id,payee,item,amount,when\n");

        // detected as UTF-8 from the first MiB: the Chinese line is rejected (docs/loanbook.md)
        CollectingListener auto = Books.readCsv(tmp, Books.smallChunks());
        assertEquals(ascii, auto.loans().size());
        assertEquals(List.of((ascii + 2) + ": invalid UTF-8 at byte 10"), auto.rejections());

        // csvEncoding = GBK in org.feewatch.loanbook.reader.cfg reads it all
        CollectingListener gbk = new CollectingListener();
        new CsvLoanBookReader(Books.smallChunks(), ColumnMapping.defaults(), "GBK").readCounting(tmp, gbk);
        assertEquals(ascii + 1, gbk.loans().size());
        assertEquals("经营贷", gbk.loans().get(ascii).product());
        assertTrue(gbk.rejected().isEmpty());
    }

    @Test
    void anExcelWorkbookSavedUnderABookNameIsOneClearRejection(@TempDir Path tmp) throws IOException {
        // a .xlsx renamed to loans.csv (a zip), and fees.csv too
        for (String name : List.of("loans.csv", "fees.csv")) {
            try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(
                    Files.newOutputStream(tmp.resolve(name)))) {
                z.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
                z.write("<workbook/>\n<sheets/>\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        CollectingListener csv = Books.readCsv(tmp, Books.smallChunks());
        assertEquals(List.of("1: loans.csv is an Excel workbook (.xlsx) or another zip file, not text: no loan in it can "
                + "be read; save the book as CSV (UTF-8) and audit again"), csv.rejections());
        assertTrue(csv.loans().isEmpty());

        // an .xls (OLE2) renamed to loans.jsonl
        Files.write(tmp.resolve("loans.jsonl"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
                (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, '\n', 1, 2, '\n'});
        CollectingListener jsonl = Books.readJsonl(tmp, Books.smallChunks());
        assertEquals(List.of("1: loans.jsonl is an Excel 97-2003 workbook (.xls), not text: no loan in it can be read; "
                + "save the book as UTF-8 JSON lines and audit again"), jsonl.rejections());
    }

    @Test
    void anExcelWorkbookAsFeesCsvIsAWarningAndTheLoansAreRead(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("loans.csv"), "id,borrower_type,principal,contract_date,maturity_date,rate_type,"
                + "nominal_rate,repayment\nK1,micro,100000.00,2023-03-15,2024-03-15,fixed,4.35,bullet\n");
        Files.write(tmp.resolve("fees.csv"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
        CollectingListener l = Books.readCsv(tmp, Books.smallChunks());
        assertEquals(List.of("K1"), l.loans().stream().map(Loan::id).toList());
        assertEquals(List.of("fees.csv: fees.csv is an Excel workbook (.xlsx) or another zip file, not text: its rows "
                + "cannot be read and are ignored; save it as CSV (UTF-8) and audit again"), l.warningTexts());
    }

    private static List<String> bookTempFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("feewatch-book-")).sorted()
                    .toList();
        }
    }
}
