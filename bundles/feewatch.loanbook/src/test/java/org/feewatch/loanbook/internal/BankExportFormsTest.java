package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.feewatch.api.Loan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forms that bank exports give their books, found by the second round of unseen books
 * (itests/feewatch.conformance, unseenbooks): units in headers, nameless columns, padded quoted fields,
 * dates and amounts in other forms, integer ids, comment lines.
 */
class BankExportFormsTest {
    private static final String HEADER = "id,borrower_type,principal,contract_date,maturity_date,rate_type,"
            + "nominal_rate,repayment";

    @TempDir
    Path tmp;

    private CollectingListener csv(String loans) throws IOException {
        Files.writeString(tmp.resolve("loans.csv"), loans, StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("fees.csv"), "loan_id,payee,item,amount,when\n", StandardCharsets.UTF_8);
        return Books.readCsv(tmp, Books.smallChunks());
    }

    private CollectingListener jsonl(String loans) throws IOException {
        Files.writeString(tmp.resolve("loans.jsonl"), loans, StandardCharsets.UTF_8);
        return Books.readJsonl(tmp, Books.smallChunks());
    }

    @Test
    void aUnitInBracketsThatIsTheBooksOwnNamesTheSameColumn() {
        ColumnMapping m = ColumnMapping.defaults();
        assertEquals("principal", m.loanColumn("贷款金额（元）"));
        assertEquals("principal", m.loanColumn("本金 (人民币元)"));
        assertEquals("nominal_rate", m.loanColumn("执行利率(%)"));
        assertEquals("nominal_rate", m.loanColumn("执行年利率（％）"));
        assertEquals("nominal_rate", m.loanColumn("利率"));
        assertEquals("spread_bp", m.loanColumn("加点（BP）"));
        assertEquals("contract_date", m.loanColumn("合同日期(yyyy-mm-dd)"));
        assertEquals("compensating_deposit", m.loanColumn("存款要求 (元)"));
        assertEquals("amount", m.feeColumn("金额（元）"));
        // another unit scales every value: not the column
        assertNull(m.loanColumn("贷款金额(万元)"));
        assertNull(m.loanColumn("执行利率(‰)"));
        assertNull(m.loanColumn("贷款编号(元)"));
        assertNull(m.loanColumn("期限(月)"));
    }

    @Test
    void latinHeadersMatchWhateverSeparatesTheirWords() {
        ColumnMapping m = ColumnMapping.defaults();
        assertEquals("contract_date", m.loanColumn("Contract Date"));
        assertEquals("contract_date", m.loanColumn("contractDate"));
        assertEquals("rate_type", m.loanColumn("rate-type"));
        assertEquals("spread_bp", m.loanColumn("spreadBp"));
        assertEquals("nominal_rate", m.loanColumn("Nominal Rate (%)"));
        assertEquals("compensating_deposit", m.loanColumn("compensatingDeposit"));
        assertEquals("id", m.loanColumn("Loan-ID"));
        assertEquals("loan_id", m.feeColumn("Loan ID"));
        assertNull(m.loanColumn("Contract"));
        assertNull(m.loanColumn("date contract"));
    }

    @Test
    void aPrincipalIn10000YuanIsNotReadAndTheWarningSaysWhy() throws IOException {
        CollectingListener l = csv("贷款编号,借款人类型,贷款金额(万元),合同日期,到期日,利率类型,执行利率(%),还款方式\n"
                + "W1,micro,10,2023-03-15,2024-03-15,fixed,4.35,bullet\n");
        assertTrue(l.loans().isEmpty());
        assertEquals(List.of("2: missing required field principal: loans.csv has no column for it"), l.rejections());
        assertTrue(l.warningTexts().stream().anyMatch(w -> w.startsWith("loans.csv:1: column \"贷款金额(万元)\" would be "
                + "principal, but its unit 万元 is not yuan (元), the unit the book gives principal in: the column is "
                + "not read")), l.warningTexts().toString());
    }

    @Test
    void emptyColumnNamesRightOfTheTableAreOneWarning() throws IOException {
        CollectingListener l = csv(HEADER + ",,\n" + "A1,micro,100000,2023-03-15,2024-03-15,fixed,4.35,bullet,,\n");
        assertEquals(1, l.loans().size());
        assertEquals(List.of("loans.csv:1: columns 9 and 10 have no name in the header: they are ignored"),
                l.warningTexts());
    }

    @Test
    void spacesInsideQuotesAreNotPartOfAValue() throws IOException {
        // core systems pad fixed-width fields and quote every field
        CollectingListener l = csv(HEADER + ",compensating_deposit\n"
                + "\"A1    \",\"micro\",\"  100000.00\",\"2023-03-15 \",\"2024-03-15\",\"fixed\",\" 4.35 \",\"bullet\",\"  \"\n");
        assertEquals(List.of(), l.rejections());
        Loan a = l.loans().get(0);
        assertEquals("A1", a.id());
        assertEquals(new BigDecimal("100000.00"), a.principal());
        assertEquals(new BigDecimal("4.35"), a.rate().nominal());
        assertEquals(BigDecimal.ZERO, a.compensatingDeposit());
    }

    @Test
    void aDateInAnotherFormRejectsSayingWhichDayItNames() throws IOException {
        CollectingListener l = csv(HEADER + "\n"
                + "T1,micro,100000,2024/1/5,2025-01-05,fixed,4.35,bullet\n"
                + "T2,micro,100000,2024年1月5日,2025-01-05,fixed,4.35,bullet\n"
                + "T3,micro,100000,20240105,2025-01-05,fixed,4.35,bullet\n"
                + "T4,micro,100000,45296,2025-01-05,fixed,4.35,bullet\n"
                + "T5,micro,100000,2024-01-05 08:30,2025-01-05,fixed,4.35,bullet\n"
                + "T6,micro,100000,01/05/2024,2025-01-05,fixed,4.35,bullet\n"
                + "T7,micro,100000,2024/2/30,2025-01-05,fixed,4.35,bullet\n");
        String bad = "contract_date \"%s\" is not a valid date (YYYY-MM-DD)";
        assertEquals(List.of(
                "2: " + bad.formatted("2024/1/5") + "; write it 2024-01-05",
                "3: " + bad.formatted("2024年1月5日") + "; write it 2024-01-05",
                "4: " + bad.formatted("20240105") + "; write it 2024-01-05",
                "5: " + bad.formatted("45296") + "; it looks like an Excel serial day number (2024-01-05): format the "
                        + "column as a date (YYYY-MM-DD) before saving the book",
                "6: " + bad.formatted("2024-01-05 08:30") + "; it has a time of day (08:30): write the date alone, "
                        + "2024-01-05",
                "7: " + bad.formatted("01/05/2024"),
                "8: " + bad.formatted("2024/2/30")), l.rejections());
    }

    @Test
    void aJsonDateWrittenAsANumberSaysWhichDayItNames() throws IOException {
        String loan = loan("\"J1\"");
        CollectingListener l = jsonl(loan.replace("\"2023-03-15\"", "20230315") + "\n"
                + loan.replace("\"J1\"", "\"J2\"").replace("\"2023-03-15\"", "45000") + "\n"
                + loan.replace("\"J1\"", "\"J3\"").replace("\"2023-03-15\"", "\"2023/3/15\"") + "\n");
        assertEquals(List.of("1: contractDate must be a date string (YYYY-MM-DD), not a number; write it 2023-03-15",
                "2: contractDate must be a date string (YYYY-MM-DD), not a number; it looks like an Excel serial day "
                        + "number (2023-03-15): format the column as a date (YYYY-MM-DD) before saving the book",
                "3: contractDate \"2023/3/15\" is not a valid date (YYYY-MM-DD); write it 2023-03-15"), l.rejections());
    }

    @Test
    void anAmountWithACurrencySignUnitOrFullWidthDigitsSaysSo() throws IOException {
        CollectingListener l = csv(HEADER + "\n"
                + "A1,micro,¥100000,2023-03-15,2024-03-15,fixed,4.35,bullet\n"
                + "A2,micro,100000元,2023-03-15,2024-03-15,fixed,4.35,bullet\n"
                + "A3,micro,10万元,2023-03-15,2024-03-15,fixed,4.35,bullet\n"
                + "A4,micro,１０００００,2023-03-15,2024-03-15,fixed,4.35,bullet\n");
        assertEquals(List.of(
                "2: principal \"¥100000\" has a currency sign or unit: write the amount in yuan as a plain decimal "
                        + "without it",
                "3: principal \"100000元\" has a currency sign or unit: write the amount in yuan as a plain decimal "
                        + "without it",
                "4: principal \"10万元\" is not in yuan: write the amount in yuan as a plain decimal (CASE-FORMAT.md: "
                        + "all money is in yuan)",
                "5: principal \"１０００００\" has full-width digits: write it with the digits 0-9 as a plain decimal"),
                l.rejections());
    }

    @Test
    void aCommentLineIsRejectedAsACommentInBothFormats() throws IOException {
        CollectingListener c = csv(HEADER + "\n# exported 2024-01-05\n"
                + "A1,micro,100000,2023-03-15,2024-03-15,fixed,4.35,bullet\n");
        assertEquals(List.of("2: a comment line (it starts with #), not a loan: loans.csv has no comment lines"),
                c.rejections());
        assertEquals(1, c.loans().size());
        CollectingListener j = jsonl("# exported 2024-01-05\n// branch 01\n" + loan("\"J1\"") + "\n");
        String comment = "not valid JSON: a comment line, not a loan (loans.jsonl holds one JSON object a line and has"
                + " no comments)";
        assertEquals(List.of("1: " + comment, "2: " + comment), j.rejections());
        assertEquals(1, j.loans().size());
    }

    @Test
    void aCommentLineInFeesCsvIsNotAFeeForAnUnknownLoan() throws IOException {
        Files.writeString(tmp.resolve("loans.csv"), HEADER + "\nA1,micro,100000,2023-03-15,2024-03-15,fixed,4.35,bullet\n",
                StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("fees.csv"), "loan_id,payee,item,amount,when\n# fees of 2024-01-05\n"
                + "A1,P01,服务费,100.00,upfront\nA9,P01,服务费,100.00,upfront\n", StandardCharsets.UTF_8);
        CollectingListener l = Books.readCsv(tmp, Books.smallChunks());
        assertEquals(1, l.loans().get(0).fees().size());
        assertEquals(List.of("fees.csv:2: a comment line (it starts with #), not a fee row: ignored",
                "fees.csv:4: fee for unknown loan \"A9\" (no such id in loans.csv); the row was ignored"),
                l.warningTexts().stream().sorted().toList());
    }

    @Test
    void aTotalsRowBelowTheTableSaysItIsOne() throws IOException {
        CollectingListener l = csv(HEADER + "\nA1,micro,100000,2023-03-15,2024-03-15,fixed,4.35,bullet\n"
                + "合计,,100000,,,,,\n总计：1笔,,,,,,,\nTotal:,,100000,,,,,\nSUM1,micro,-5,2023-03-15,2024-03-15,fixed,4.35,bullet\n");
        assertEquals(List.of("3: a totals row (合计), not a loan: loans.csv holds loans only",
                "4: a totals row (总计：1笔), not a loan: loans.csv holds loans only",
                "5: a totals row (Total:), not a loan: loans.csv holds loans only",
                "6: principal -5 is not positive"), l.rejections());
    }

    @Test
    void aTitleAboveTheHeaderIsNamedInTheWarning() throws IOException {
        CollectingListener l = csv("某某农商行贷款明细表\n\n" + HEADER + "\nA1,micro,100000,2023-03-15,2024-03-15,fixed,4.35,"
                + "bullet\n");
        assertTrue(l.loans().isEmpty());
        assertTrue(l.warningTexts().contains("loans.csv:1: line 3 holds the column names: the header must be the first "
                + "line (CASE-FORMAT.md), so remove the 2 lines above it (a title?) and audit again"),
                l.warningTexts().toString());
    }

    @Test
    void aJsonArrayOrPrettyPrintedBookSaysSoOnEveryRejectedLine() throws IOException {
        CollectingListener l = jsonl("[\n" + loan("\"A1\"") + ",\n" + loan("\"A2\"") + "\n]\n");
        String hint = " (loans.jsonl looks like a JSON array: a loan book has one whole loan object on each line, JSON"
                + " Lines; export it so)";
        assertEquals(3, l.rejections().size());
        assertTrue(l.rejections().stream().allMatch(r -> r.endsWith(hint)), l.rejections().toString());
        // the loan on line 3 is whole: JSON Lines after all, and read
        assertEquals(List.of("A2"), l.loans().stream().map(Loan::id).toList());
        assertEquals("", BookForm.jsonDocumentHint((loan("\"A1\"") + "\n").getBytes(StandardCharsets.UTF_8)));
        assertTrue(BookForm.jsonDocumentHint("\uFEFF{\r\n  \"id\": \"A1\",".getBytes(StandardCharsets.UTF_8))
                .startsWith(" (loans.jsonl looks like JSON objects printed over several lines"));
    }

    @Test
    void anInvisibleCharacterInAValueIsShownInTheReason() throws IOException {
        CollectingListener l = csv(HEADER + "\nA1,\uFEFFmicro,100000,2023-03-15,2024-03-15,fixed,4.35,bullet\n"
                + "A2,micro,100000,2023-03-15,2024-03-15,fixed,4.35,bullet\u200B\n");
        assertEquals(List.of("2: borrower_type \"\\uFEFFmicro\" is not one of micro, small, individual-business, "
                + "micro-owner, medium, large (nor mapped to one by value.borrower_type in "
                + "config/org.feewatch.loanbook.columns.cfg)",
                "3: repayment \"bullet\\u200B\" is not one of bullet, interest-monthly, equal-installment, "
                + "equal-principal (nor mapped to one by value.repayment in config/org.feewatch.loanbook.columns.cfg)"),
                l.rejections());
    }

    @Test
    void idsThatExcelTurnedIntoNumbersSayWhyTheyRepeat() throws IOException {
        CollectingListener l = csv(HEADER + "\n1.23457E+11,micro,100000,2023-03-15,2024-03-15,fixed,4.35,bullet\n"
                + "1.23457E+11,micro,200000,2023-03-15,2024-03-15,fixed,4.35,bullet\n"
                + "A1,micro,100000,2023-03-15,2024-03-15,fixed,4.35,bullet\n"
                + "A1,micro,100000,2023-03-15,2024-03-15,fixed,4.35,bullet\n");
        assertEquals(List.of("3: duplicate loan id \"1.23457E+11\" (first on line 2): the id is a number in Excel's "
                + "exponent form, which keeps only its first digits (format the id column as text before saving the "
                + "book)", "5: duplicate loan id \"A1\" (first on line 4)"), l.rejections());
    }

    @Test
    void aSpreadWithAUnitOrInPercentSaysSpreadsAreBasisPoints() throws IOException {
        String h = "id,borrower_type,principal,contract_date,maturity_date,rate_type,rate_tenor,spread_bp,nominal_rate,"
                + "repayment\n";
        CollectingListener l = csv(h + "S1,micro,100000,2023-03-15,2024-03-15,lpr,1Y,70bp,4.35,bullet\n"
                + "S2,micro,100000,2023-03-15,2024-03-15,lpr,1Y,0.70%,4.35,bullet\n"
                + "S3,micro,100000,2023-03-15,2024-03-15,lpr,1Y,70基点,4.35,bullet\n");
        assertEquals(List.of("2: spread_bp \"70bp\" is not a whole number: write the basis points without a unit",
                "3: spread_bp \"0.70%\" has a percent sign: spreads are whole basis points (a spread of 0.85 percentage "
                        + "points is 85)",
                "4: spread_bp \"70基点\" is not a whole number: write the basis points without a unit"), l.rejections());
    }

    @Test
    void aJsonIdWrittenAsAWholeNumberIsItsDigits() throws IOException {
        CollectingListener l = jsonl(loan("1024") + "\n" + loan("\"1024\"") + "\n" + loan("10.5") + "\n"
                + loan("-3") + "\n");
        assertEquals(List.of("1024"), l.loans().stream().map(Loan::id).toList());
        assertEquals(List.of("2: duplicate loan id \"1024\" (first on line 1)",
                "3: id must be a string or a whole number, not 10.5",
                "4: id must be a string, not a number"), l.rejections());
    }

    private static String loan(String id) {
        return "{\"id\":" + id + ",\"borrower\":{\"type\":\"micro\"},\"principal\":\"100000.00\",\"contractDate\":"
                + "\"2023-03-15\",\"maturityDate\":\"2024-03-15\",\"rate\":{\"type\":\"fixed\",\"nominal\":\"4.35\"},"
                + "\"repayment\":\"bullet\"}";
    }
}
