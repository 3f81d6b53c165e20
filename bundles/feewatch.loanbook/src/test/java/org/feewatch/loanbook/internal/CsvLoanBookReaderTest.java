package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoanBookReaderTest {
    private static final String HEADER = "id,borrower_id,borrower_type,borrower_established,product,channel,"
            + "principal,contract_date,maturity_date,rate_type,rate_tenor,spread_bp,nominal_rate,repayment,"
            + "on_lending,compensating_deposit";
    private static final String FEE_HEADER = "loan_id,payee,item,amount,when";

    @TempDir
    Path tmp;

    private static String row(String id, String product) {
        return id + ",B-" + id + ",micro,2019-04-02," + product + ",,300000.00,2023-03-15,2024-03-15,lpr,1Y,85,4.50,"
                + "equal-installment,false,0";
    }

    @Test
    void chineseHeadersQuotedFieldsAndFeesJoinedByLoanId() throws IOException {
        CollectingListener l = Books.readCsv(Books.book("csv-mapped"), Books.smallChunks());
        assertEquals(List.of(2L, 3L, 4L), l.acceptedLines());
        assertTrue(l.rejected().isEmpty(), l.rejections().toString());
        Loan c1 = l.loans().get(0);
        assertEquals("C1", c1.id());
        // a quoted field keeps its comma and its doubled quotes become one
        assertEquals("普惠e贷, \"首贷\"", c1.product());
        assertNull(c1.channel());
        assertEquals(85, c1.rate().spreadBp());
        // a bundled row is a tied product with no payee; fee rows join whatever their order in fees.csv
        assertEquals(1, c1.bundled().size());
        assertEquals("借款人意外伤害保险", c1.bundled().get(0).name());
        assertEquals(new BigDecimal("456.00"), c1.bundled().get(0).premium());
        assertTrue(c1.bundled().get(0).mandatory());
        assertEquals(List.of(new LoanFee("P01", "担保费", new BigDecimal("1500.00"), FeeTiming.ANNUAL)), c1.fees());
        Loan c2 = l.loans().get(1);
        assertEquals(BorrowerType.SMALL, c2.borrower().type());
        assertNull(c2.borrower().established());
        assertEquals("P02", c2.channel());
        assertEquals(RateType.FIXED, c2.rate().type());
        assertNull(c2.rate().tenor());
        assertNull(c2.rate().spreadBp());
        assertEquals(Repayment.BULLET, c2.repayment());
        assertTrue(c2.onLending());
        assertEquals(new BigDecimal("20000.00"), c2.compensatingDeposit());
        // C2's rows are lines 2 and 6 of fees.csv, apart: both are joined, in file order
        assertEquals(List.of(new LoanFee("GENBANK", "贷款承诺费", new BigDecimal("500.00"), FeeTiming.UPFRONT),
                new LoanFee("P02", "平台服务费", new BigDecimal("50"), FeeTiming.MONTHLY)), c2.fees());
        Loan c3 = l.loans().get(2);
        // spaces around an unquoted field are not part of it; an empty deposit is 0
        assertEquals("C3", c3.id());
        assertEquals("B3", c3.borrower().id());
        assertEquals(LocalDate.of(2023, 2, 28), c3.maturityDate());
        assertEquals(0, c3.compensatingDeposit().signum());
        assertEquals(List.of(
                "loans.csv:1: unknown column \"备注\" ignored (no mapping in configuration org.feewatch.loanbook.columns)",
                "fees.csv:5: fee for unknown loan \"C9\" (no such id in loans.csv); the row was ignored"),
                l.warningTexts());
    }

    @Test
    void brokenLinesAreRejectedWithTheirReasonAndReadingGoesOn() throws IOException {
        CollectingListener l = Books.readCsv(Books.book("csv-broken"), Books.smallChunks());
        assertEquals(List.of(
                "3: unbalanced quotes: the quoted field starting at byte 24 is not closed on this line",
                "4: unbalanced quotes: a quote inside an unquoted field at byte 26",
                "5: the line has 5 fields; the header (line 1) has 16",
                "6: the line has 17 fields; the header (line 1) has 16",
                "7: principal \"1,000.00\" has a thousands separator: write it as a plain decimal",
                "8: principal \"1e5\" has an exponent: write it as a plain decimal",
                "9: principal -100 is not positive",
                "10: maturity_date 2023-03-15 is not after contract_date 2023-03-15",
                "11: borrower_type \"tiny\" is not one of micro, small, individual-business, micro-owner, medium, large"
                        + " (nor mapped to one by value.borrower_type in config/org.feewatch.loanbook.columns.cfg)",
                "12: duplicate loan id \"D1\" (first on line 2)",
                "14: contract_date \"2023/03/15\" is not a valid date (YYYY-MM-DD); write it 2023-03-15",
                "15: spread_bp \"8.5\" is not a whole number: spreads are whole basis points (a spread of 0.85 percentage "
                        + "points is 85)",
                "16: rate_tenor is required for an lpr rate (1Y or 5Y)",
                "17: on_lending \"maybe\" is not true or false"
                        + " (nor mapped to one by value.on_lending in config/org.feewatch.loanbook.columns.cfg)",
                "18: fees.csv line 2: amount \"abc\" is not a plain decimal number",
                "19: nominal_rate \"NaN\" is not a number",
                "20: fees.csv line 4: when \"weekly\" is not one of upfront, annual, monthly, maturity, bundled"
                        + " (nor mapped to one by value.fee.when in config/org.feewatch.loanbook.columns.cfg)"),
                l.rejections());
        // line 13 is blank: 18 lines read, 1 accepted, 17 rejected
        assertEquals(List.of(2L), l.acceptedLines());
        // the fee rows of rejected loans (D2, D16) are not orphans; a row that cannot be split is skipped
        assertEquals(List.of("fees.csv:5: unbalanced quotes: the quoted field starting at byte 1 is not closed on "
                + "this line; the row was skipped"), l.warningTexts());
    }

    @Test
    void aHeaderOnlyBookHasNoLoansAndAnEmptyFileSaysSo() throws IOException {
        CollectingListener headerOnly = Books.readCsv(Books.book("csv-header-only"), Books.smallChunks());
        assertTrue(headerOnly.loans().isEmpty());
        assertTrue(headerOnly.rejected().isEmpty());
        assertTrue(headerOnly.warnings().isEmpty(), headerOnly.warningTexts().toString());
        CollectingListener empty = Books.readCsv(Books.book("csv-empty"), Books.smallChunks());
        assertTrue(empty.loans().isEmpty());
        assertTrue(empty.rejected().isEmpty());
        assertEquals(List.of("loans.csv: the file is empty: no header line, no loans"), empty.warningTexts());
    }

    @Test
    void aMissingRequiredColumnRejectsEveryLineAndIsExplainedOnce() throws IOException {
        CollectingListener l = Books.readCsv(Books.book("csv-missing-column"), Books.smallChunks());
        assertEquals(List.of("2: missing required field principal: loans.csv has no column for it",
                "3: missing required field principal: loans.csv has no column for it"), l.rejections());
        assertEquals(List.of("loans.csv:1: the header has no column for principal (or a header that configuration "
                + "maps to it): every line is rejected"), l.warningTexts());
    }

    @Test
    void gbkWithoutAnyHintIsDetected() throws IOException {
        Charset gbk = Charset.forName("GBK");
        String loans = "贷款编号,借款人编号,借款人类型,成立日期,产品名称,渠道,本金,合同日期,到期日,利率类型,LPR期限,加点,执行利率,"
                + "还款方式,转贷款,存款要求\r\n" + row("G1", "普惠经营贷") + "\r\n" + row("G2", "\"惠农贷，春耕\"") + "\r\n";
        Files.write(tmp.resolve("loans.csv"), loans.getBytes(gbk));
        Files.write(tmp.resolve("fees.csv"), (FEE_HEADER + "\r\nG2,某某融资担保有限公司,担保费,900.00,upfront\r\n")
                .getBytes(gbk));
        CollectingListener l = Books.readCsv(tmp, Books.smallChunks());
        assertTrue(l.rejected().isEmpty(), l.rejections().toString());
        assertTrue(l.warnings().isEmpty(), l.warningTexts().toString());
        assertEquals("普惠经营贷", l.loans().get(0).product());
        assertEquals("惠农贷，春耕", l.loans().get(1).product());
        assertEquals("某某融资担保有限公司", l.loans().get(1).fees().get(0).payee());
        assertEquals(List.of(2L, 3L), l.acceptedLines());
    }

    @Test
    void aByteOrderMarkAndCrlfAreAcceptedAndInvalidUtf8RejectsItsLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("\uFEFF" + HEADER + "\r\n" + row("U1", "普惠经营贷") + "\r\n").getBytes(StandardCharsets.UTF_8));
        // line 3: the product in GBK inside a UTF-8 file (the byte-order mark says UTF-8)
        out.writeBytes("U2,B-U2,micro,2019-04-02,".getBytes(StandardCharsets.UTF_8));
        out.writeBytes("普惠".getBytes("GBK"));
        out.writeBytes((",,300000.00,2023-03-15,2024-03-15,lpr,1Y,85,4.50,equal-installment,false,0\r\n"
                + row("U3", "惠农贷") + "\r\n").getBytes(StandardCharsets.UTF_8));
        Files.write(tmp.resolve("loans.csv"), out.toByteArray());
        Files.write(tmp.resolve("fees.csv"), ("\uFEFF" + FEE_HEADER + "\r\nU3,GENBANK,资料费,10.00,upfront\r\n")
                .getBytes(StandardCharsets.UTF_8));
        CollectingListener l = Books.readCsv(tmp, Books.smallChunks());
        assertEquals(List.of("3: invalid UTF-8 at byte 26"), l.rejections());
        assertEquals(List.of(2L, 4L), l.acceptedLines());
        assertEquals("U1", l.loans().get(0).id());
        assertEquals("资料费", l.loans().get(1).fees().get(0).item());
        assertTrue(l.warnings().isEmpty(), l.warningTexts().toString());
    }

    @Test
    void feesJoinTheSameWhetherFeesCsvFollowsTheBookOrNot() throws IOException {
        int n = 2000;
        StringBuilder loans = new StringBuilder(HEADER).append('\n');
        List<String> feeRows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            loans.append(row("F" + i, "p")).append('\n');
            for (int k = 0; k < i % 4; k++) {
                feeRows.add("F" + i + ",GENBANK,item" + k + "," + i + "." + k + ",upfront");
            }
        }
        Files.writeString(tmp.resolve("loans.csv"), loans.toString());
        Files.writeString(tmp.resolve("fees.csv"), FEE_HEADER + "\n" + String.join("\n", feeRows) + "\n");
        List<Loan> inOrder = Books.readCsv(tmp, Books.smallChunks()).loans();
        Collections.shuffle(feeRows, new Random(7));
        Files.writeString(tmp.resolve("fees.csv"), FEE_HEADER + "\n" + String.join("\n", feeRows) + "\n");
        CollectingListener shuffled = Books.readCsv(tmp, Books.smallChunks());
        assertEquals(n, inOrder.size());
        for (int i = 0; i < n; i++) {
            Loan a = inOrder.get(i);
            Loan b = shuffled.loans().get(i);
            assertEquals((i + 1) % 4, a.fees().size(), a.id());
            assertEquals(new java.util.HashSet<>(a.fees()), new java.util.HashSet<>(b.fees()), a.id());
        }
        assertTrue(shuffled.warnings().isEmpty());
    }

    @Test
    void noFeesCsvIsAWarningAndTheLoansHaveNoFees() throws IOException {
        Files.writeString(tmp.resolve("loans.csv"), HEADER + "\n" + row("N1", "p") + "\n");
        CollectingListener l = Books.readCsv(tmp, Books.smallChunks());
        assertEquals(1, l.loans().size());
        assertEquals(List.of("fees.csv: there is no fees.csv beside loans.csv: the loans are read without fees"),
                l.warningTexts());
    }
}
