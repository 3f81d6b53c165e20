package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.feewatch.api.Loan;
import org.junit.jupiter.api.Test;

/**
 * The one-pass JSON parse (line end found while parsing, values read in place) must give exactly
 * what the parse of the line with its bounds gives, or step aside: for each line below, with the
 * next line right after it in the same buffer.
 */
class OnePassJsonTest {
    private static final String GOOD = "{\"id\":\"G00000001\",\"borrower\":{\"id\":\"GB1\",\"type\":\"micro\","
            + "\"established\":\"2018-09-11\"},\"product\":\"普惠经营贷\",\"principal\":\"376000.00\","
            + "\"contractDate\":\"2022-09-13\",\"maturityDate\":\"2023-09-13\",\"rate\":{\"type\":\"lpr\","
            + "\"tenor\":\"1Y\",\"spreadBp\":60,\"nominal\":\"4.25\"},\"repayment\":\"equal-principal\","
            + "\"onLending\":false,\"compensatingDeposit\":\"0\",\"bundled\":[],\"fees\":[{\"payee\":\"P01\","
            + "\"item\":\"担保费\",\"amount\":\"6416.00\",\"when\":\"upfront\"}]}";

    private static final List<String> LINES = List.of(
            GOOD,
            GOOD + "  \r",
            GOOD.replace(":", " : ").replace(",", " ,\t"),
            GOOD.replace("\"principal\":\"376000.00\"", "\"principal\":376000.5"),
            GOOD.replace("376000.00", "-0.10"),
            GOOD.replace("376000.00", "1."),
            GOOD.replace("376000.00", ".5"),
            GOOD.replace("376000.00", "1234567890123456789.5"),
            GOOD.replace("376000.00", "37600\\u0030.00"),
            GOOD.replace("\"spreadBp\":60", "\"spreadBp\":060"),
            GOOD.replace("\"spreadBp\":60", "\"spreadBp\":-150"),
            GOOD.replace("\"spreadBp\":60", "\"spreadBp\":60.00"),
            GOOD.replace("\"spreadBp\":60", "\"spreadBp\":6e1"),
            GOOD.replace("\"spreadBp\":60", "\"spreadBp\":1234567890"),
            GOOD.replace("2023-09-13", "2023-02-29"),
            GOOD.replace("2023-09-13", "2024-02-29"),
            GOOD.replace("2023-09-13", "2023-9-13"),
            GOOD.replace("2023-09-13", "2022-09-13"),
            GOOD.replace("2018-09-11", "0000-01-01"),
            GOOD.replace("\"tenor\":\"1Y\"", "\"tenor\":\"5Y\""),
            GOOD.replace("\"tenor\":\"1Y\"", "\"tenor\":\"3Y\""),
            GOOD.replace("\"type\":\"micro\"", "\"type\":\"micro-owner\""),
            GOOD.replace("\"type\":\"micro\"", "\"type\":\"micr\""),
            GOOD.replace("\"type\":\"micro\"", "\"type\":\"mi\\u0063ro\""),
            GOOD.replace("\"borrower\":{\"id\":\"GB1\",\"type\":\"micro\",",
                    "\"borrower\":{\"type\":\"micro\",\"id\":\"GB1\","),
            GOOD.replace("\"product\"", "\"pro\\u0064uct\""),
            GOOD.replace("\"onLending\":false", "\"onLending\":true"),
            GOOD.replace("\"onLending\":false", "\"onLending\":fals"),
            GOOD.replace("\"compensatingDeposit\":\"0\",", ""),
            GOOD.replace("\"id\":\"G00000001\",", "\"id\":\"G00000001\",\"id\":\"G2\","),
            GOOD.replace("\"product\"", "\"extra\":[1,{\"a\":null}],\"product\""),
            GOOD.replace("\"fees\":[", "\"fees\":[{\"payee\":\"P02\",\"item\":\"咨询费\",\"amount\":\"10\",\"when\":\"annual\"},"),
            GOOD.replace("普惠经营贷", "普惠\\n经营贷"),
            GOOD.replace("普惠经营贷", "普惠\t经营贷"),
            GOOD.substring(0, 200),
            GOOD.substring(0, 200) + "\n" + GOOD.substring(200),
            GOOD + " x",
            "  " + GOOD,
            "{}",
            "",
            // an empty string is an absent field (UnseenBooksTest, json-empty-strings)
            GOOD.replace("\"established\":\"2018-09-11\"", "\"established\":\"\""),
            GOOD.replace("\"compensatingDeposit\":\"0\"", "\"compensatingDeposit\": \"\" "),
            GOOD.replace("\"compensatingDeposit\":\"0\"", "\"compensatingDeposit\":\"\"\"\""),
            GOOD.replace("\"payee\":\"P01\"", "\"payee\":\"\""),
            GOOD.replace("\"id\":\"G00000001\"", "\"id\":\"\""),
            GOOD.replace("\"product\":\"普惠经营贷\"", "\"product\":\"\""),
            // the case format's order read field after field (JsonLoanParser.orderedTop), and its near misses
            GOOD.replace("\"principal\"", "\"channel\":\"P02\",\"principal\""),
            GOOD.replace("\"principal\"", "\"channel\":\"P02\",\"principal\"").replace("\"bundled\":[]",
                    "\"bundled\":[],\"channel\":\"P03\""),
            GOOD.replace("\"principal\"", "\"channel\":null,\"principal\""),
            GOOD.replace(",\"established\":\"2018-09-11\"", ""),
            GOOD.replace("\"bundled\":[]", "\"bundled\":[],\"borrower\":{\"type\":\"small\"}"),
            GOOD.replace("\"bundled\":[]", "\"bundled\":[],\"maturityDate\":\"2024-09-13\""),
            GOOD.replace("\"rate\":", "\"repayment\":\"bullet\",\"rate\":"),
            GOOD.replace("\"principal\":\"376000.00\"", "\"principal\": \"376000.00\""),
            GOOD.replace("\"id\":\"G00000001\"", "\"id\":1"),
            GOOD.replace("\"id\":\"G00000001\"", "\"id\":null"),
            GOOD.replace("\"micro\",\"established\"", "\"micro\",\"id\":\"GB2\",\"established\""),
            GOOD.replace("\"type\":\"micro\"", "\"type\":\"小微企业\""),
            GOOD.replace("\"contractDate\":\"2022-09-13\"", "\"contractDate\":\"2022-09-13T00:00\""));

    @Test
    void theOnePassParseAgreesWithTheParseOfEachLine() {
        for (String text : LINES) {
            for (String next : List.of("", "\n", "\r\n" + GOOD, "\n{\"id\":\"X\"}")) {
                byte[] b = (text + next).getBytes(StandardCharsets.UTF_8);
                int lineEnd = indexOf(b, (byte) '\n');
                int end = lineEnd > 0 && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                JsonLoanParser exact = new JsonLoanParser();
                Loan expected = parse(exact, b, end);
                JsonLoanParser onePass = new JsonLoanParser();
                Loan got = onePass.parseToLineEnd(b, 0, b.length, 7);
                if (got != null) {
                    assertNotNull(expected, "the one-pass parse accepted a bad line: " + text);
                    assertEquals(expected, got, text);
                    assertEquals(lineEnd, onePass.lineEnd(), text);
                    // an unknown field is counted once, as by the parse with bounds
                    assertEquals(exact.unknownFields().warnings("loans.jsonl", "field"),
                            onePass.unknownFields().warnings("loans.jsonl", "field"), text);
                } else {
                    assertEquals(List.of(), onePass.unknownFields().warnings("loans.jsonl", "field"), text);
                }
            }
        }
    }

    @Test
    void theCommonLinesTakeTheOnePass() {
        for (String text : List.of(GOOD, GOOD + "\r", LINES.get(2), LINES.get(3), LINES.get(10), LINES.get(15),
                LINES.get(30), GOOD.replace("\"product\":\"普惠经营贷\"", "\"product\":\"\""), GOOD.replace("\"principal\"", "\"channel\":\"P02\",\"principal\""),
                GOOD.replace(",\"established\":\"2018-09-11\"", ""))) {
            byte[] b = (text + "\n" + GOOD).getBytes(StandardCharsets.UTF_8);
            assertNotNull(new JsonLoanParser().parseToLineEnd(b, 0, b.length, 1), text);
        }
    }

    @Test
    void aLineBreakIsNeverABlankInTheOnePass() {
        String split = GOOD.replace("\"product\"", "\n\"product\"");
        byte[] b = split.getBytes(StandardCharsets.UTF_8);
        assertNull(new JsonLoanParser().parseToLineEnd(b, 0, b.length, 1));
    }

    @Test
    void aFeeInTheCaseFormatsOrderReadsAsTheSameFeeInAnotherOrder() {
        List<String[]> fees = List.of(
                new String[] {"\"P01\"", "\"担保费\"", "\"6416.00\"", "\"upfront\""},
                new String[] {"\"P01\"", "\"担保费\"", "6416.5", "\"annual\""},
                new String[] {"\"P01\"", "\"担保费\"", "\"1,500\"", "\"upfront\""},
                new String[] {"\"P01\"", "\"担保费\"", "\"-1\"", "\"upfront\""},
                new String[] {"\"P01\"", "\"担保费\"", "\"6416.00\"", "\"yearly\""},
                new String[] {"\"P01\"", "\"担保费\"", "\"6416.00\"", "\"按年\""},
                new String[] {"\"\"", "\"担保费\"", "\"6416.00\"", "\"upfront\""},
                new String[] {"\"P01\"", "\" \"", "\"6416.00\"", "\"upfront\""},
                new String[] {"\"P01\"", "null", "\"6416.00\"", "\"upfront\""},
                new String[] {"\"P\\u0030\"", "\"担保\\n费\"", "\"64\\u0031\"", "\"up\\u0066ront\""},
                new String[] {"\"P01\"", "\"担保费\"", "\"6416.00\"", "\"upfront\",\"note\":1"});
        for (String[] v : fees) {
            String ordered = "{\"payee\":" + v[0] + ",\"item\":" + v[1] + ",\"amount\":" + v[2] + ",\"when\":" + v[3] + "}";
            String other = "{\"when\":" + v[3] + ",\"amount\":" + v[2] + ",\"item\":" + v[1] + ",\"payee\":" + v[0] + "}";
            String second = "{\"payee\":\"P02\",\"item\":\"咨询费\",\"amount\":\"10\",\"when\":\"annual\"}";
            for (String list : List.of("%s", "%s," + second, second + ",%s")) {
                Object a = loanOrReason(GOOD.replace("\"fees\":[{\"payee\":\"P01\",\"item\":\"担保费\",\"amount\":\"6416.00\","
                        + "\"when\":\"upfront\"}]", "\"fees\":[" + list.replace("%s", ordered) + "]"));
                Object b = loanOrReason(GOOD.replace("\"fees\":[{\"payee\":\"P01\",\"item\":\"担保费\",\"amount\":\"6416.00\","
                        + "\"when\":\"upfront\"}]", "\"fees\":[" + list.replace("%s", other) + "]"));
                // the same loan (the fee in the same place), or the same reason
                assertEquals(b, a, ordered);
            }
        }
    }

    @Test
    void aLineCutShortInAFeeAtTheEndOfAFullBufferIsRejectedAsWithRoomAfterIt() throws Exception {
        int fees = GOOD.indexOf("\"fees\":[") + "\"fees\":[".length();
        for (int cut = fees + 1; cut < GOOD.length(); cut++) {
            byte[] whole = GOOD.substring(0, cut).getBytes(StandardCharsets.UTF_8);
            byte[] roomy = java.util.Arrays.copyOf(whole, whole.length + 32);
            Object full = cutShort(whole, whole.length);
            assertEquals(cutShort(roomy, whole.length), full, GOOD.substring(0, cut));
        }
    }

    /** The reason a line cut short at {@code end} is rejected (the last line of a book). */
    private static Object cutShort(byte[] b, int end) {
        try {
            return new JsonLoanParser().parse(b, 0, end, 7, true);
        } catch (Reject r) {
            return r.getMessage();
        }
    }

    /** The loan of a line, or the reason it is rejected. */
    private static Object loanOrReason(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        try {
            return new JsonLoanParser().parse(b, 0, b.length, 7, false);
        } catch (Reject r) {
            return r.getMessage();
        }
    }

    private static Loan parse(JsonLoanParser parser, byte[] b, int end) {
        try {
            return parser.parse(b, 0, end, 7, false);
        } catch (Reject r) {
            return null;
        }
    }

    private static int indexOf(byte[] b, byte v) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return b.length;
    }
}
