package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.feewatch.api.Loan;
import org.junit.jupiter.api.Test;

/**
 * The one-pass CSV parse (values read where they stand, ended by their comma) must give exactly
 * what the general path gives for a line, or step aside for it.
 */
class OnePassCsvTest {
    private static final String HEADER = "id,borrower_id,borrower_type,borrower_established,product,channel,"
            + "principal,contract_date,maturity_date,rate_type,rate_tenor,spread_bp,nominal_rate,repayment,"
            + "on_lending,compensating_deposit,note";
    private static final String GOOD = "G00000001,GB1,micro,2018-09-11,普惠经营贷,,376000.00,2022-09-13,2023-09-13,"
            + "lpr,1Y,60,4.25,equal-principal,false,0,x";

    private static final List<String> LINES = List.of(
            GOOD,
            GOOD.replace(",,", ",P02,"),
            GOOD.replace("micro,", "micro-owner,"),
            GOOD.replace("micro,", "micr,"),
            GOOD.replace("micro,", "micro ,"),
            GOOD.replace("micro,", "\"micro\","),
            GOOD.replace("376000.00", "-1.5"),
            GOOD.replace("376000.00", "1."),
            GOOD.replace("376000.00", "1-2"),
            GOOD.replace("376000.00", "12345678901234567890.5"),
            GOOD.replace("376000.00", "376,000.00"),
            GOOD.replace(",60,", ",060,"),
            GOOD.replace(",60,", ",60.00,"),
            GOOD.replace(",60,", ",-,"),
            GOOD.replace(",60,", ",,"),
            GOOD.replace(",1Y,", ",5Y,"),
            GOOD.replace(",1Y,", ",3Y,"),
            GOOD.replace(",1Y,", ",,"),
            GOOD.replace("2023-09-13", "2023-02-29"),
            GOOD.replace("2023-09-13", "2024-02-29"),
            GOOD.replace("2023-09-13", "2022-09-13"),
            GOOD.replace("2023-09-13", "2023-9-13"),
            GOOD.replace("2023-09-13", "2023-09-130"),
            GOOD.replace("2018-09-11", ""),
            GOOD.replace(",false,", ",true,"),
            GOOD.replace(",false,", ",是,"),
            GOOD.replace(",false,", ",FALSE,"),
            GOOD.replace(",false,", ",falsey,"),
            GOOD.replace("G00000001", ""),
            GOOD.replace("G00000001", "贷款1"),
            GOOD.replace("普惠经营贷", ""),
            GOOD.replace("普惠经营贷", "a b"),
            GOOD.replace("普惠经营贷", "普惠\u00A0贷"),
            GOOD.replace(",x", ",y,z"),
            GOOD.replace(",x", ""),
            GOOD.replace(",x", ",\"q\""),
            GOOD.replace(",x", ",不明"),
            GOOD + ",",
            // a bank's own values (ValueMapping): left to the general path, which maps them
            GOOD.replace("micro,", "微型企业,"),
            GOOD.replace(",lpr,", ",LPR,"),
            GOOD.replace(",1Y,", ",1年期,"),
            GOOD.replace("equal-principal", "等额本金"),
            GOOD.replace(",false,", ",否,"),
            "");

    private static CsvLoanParser parser() {
        byte[] h = HEADER.getBytes(StandardCharsets.UTF_8);
        CsvHeader header = CsvHeader.parse(h, 0, h.length, StandardCharsets.UTF_8, "loans.csv",
                ColumnMapping.LOAN_COLUMNS, ColumnMapping.REQUIRED_LOAN_COLUMNS, ColumnMapping.defaults()::loanColumn,
                "every line is rejected");
        return new CsvLoanParser(header, StandardCharsets.UTF_8, null, StandardCharsets.UTF_8, null, null, null);
    }

    private static Loan general(byte[] b) {
        try {
            return parser().parseGeneral(b, 0, b.length, 9);
        } catch (Reject r) {
            return null;
        }
    }

    @Test
    void theOnePassParseAgreesWithTheGeneralPath() {
        for (String line : LINES) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            Loan got = parser().onePass(b, 0, b.length, 9);
            if (got != null) {
                assertEquals(general(b), got, line);
            }
        }
    }

    @Test
    void aLineWithMappedValuesLeavesTheOnePassAndReadsAsItsCanonicalLine() throws Reject {
        String mapped = GOOD.replace("micro,", "微型企业,").replace(",lpr,", ",LPR,").replace(",1Y,", ",1年期,")
                .replace("equal-principal", "等额本金").replace(",false,", ",否,");
        byte[] b = mapped.getBytes(StandardCharsets.UTF_8);
        assertNull(parser().onePass(b, 0, b.length, 9));
        byte[] good = GOOD.getBytes(StandardCharsets.UTF_8);
        Loan canonical = parser().onePass(good, 0, good.length, 9);
        assertNotNull(canonical);
        assertEquals(canonical, parser().parseGeneral(b, 0, b.length, 9));
        // and through parse(), which tries the one pass first
        assertEquals(canonical, parser().parse(b, 0, b.length, 9, false));
    }

    @Test
    void invalidUtf8InATextFieldIsLeftToTheGeneralPath() {
        byte[] b = GOOD.replace("普惠经营贷", "普惠?").getBytes(StandardCharsets.UTF_8);
        b[GOOD.indexOf("普惠") + 6] = (byte) 0xE6; // a lead byte whose sequence is cut by the comma
        assertNull(parser().onePass(b, 0, b.length, 9));
        assertNull(general(b));
    }

    @Test
    void theCommonLinesTakeTheOnePass() {
        for (String line : List.of(GOOD, LINES.get(1), LINES.get(2), LINES.get(11), LINES.get(15),
                LINES.get(19), LINES.get(24), LINES.get(36))) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            assertNotNull(parser().onePass(b, 0, b.length, 9), line);
        }
    }
}
