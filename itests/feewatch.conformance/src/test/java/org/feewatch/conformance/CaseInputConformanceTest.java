package org.feewatch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.feewatch.api.Finding;
import org.feewatch.api.InputIssue;
import org.feewatch.api.Report;
import org.feewatch.api.SourceStatus;
import org.feewatch.caseio.CaseException;
import org.feewatch.caseio.CaseReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CASE-FORMAT.md "What is required, and what is fatal" and the loan-book details, through the real
 * case reader, loan-book readers, engine and writers: a fatal case is one line naming the file and
 * problem; everything else is reported inside a report that validates, and the audit goes on.
 */
class CaseInputConformanceTest {

    private static final String CASE = "{\"institution\":{\"id\":\"BANK-A\",\"type\":\"rural-commercial\"},"
            + "\"region\":\"CN\",\"asOf\":\"2023-06-30\"}";

    @TempDir
    Path tmp;

    private Path caseFolder(String name, String caseJson, String sourcesJson) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        if (caseJson != null) {
            Files.writeString(dir.resolve("case.json"), caseJson);
        }
        if (sourcesJson != null) {
            Files.writeString(dir.resolve("sources.json"), sourcesJson);
        }
        return dir;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "case.json missing      | -                                                     | []  | case.json: missing",
        "case.json invalid      | {\"institution\":                                    | []  | case.json: not valid JSON",
        "institution.id missing | {\"institution\":{},\"region\":\"CN\",\"asOf\":\"2023-06-30\"} | [] | case.json: $.institution.id: missing",
        "institution.id number  | {\"institution\":{\"id\":5},\"region\":\"CN\",\"asOf\":\"2023-06-30\"} | [] | case.json: $.institution.id: expected a string",
        "region missing         | {\"institution\":{\"id\":\"B\"},\"asOf\":\"2023-06-30\"} | [] | case.json: $.region: missing",
        "region not a string    | {\"institution\":{\"id\":\"B\"},\"region\":[],\"asOf\":\"2023-06-30\"} | [] | case.json: $.region: expected a string",
        "asOf missing           | {\"institution\":{\"id\":\"B\"},\"region\":\"CN\"}     | []  | case.json: $.asOf: missing",
        "asOf invalid date      | {\"institution\":{\"id\":\"B\"},\"region\":\"CN\",\"asOf\":\"2023-02-29\"} | [] | case.json: $.asOf: \"2023-02-29\" is not a valid date",
        "sources.json missing   | {\"institution\":{\"id\":\"B\"},\"region\":\"CN\",\"asOf\":\"2023-06-30\"} | - | sources.json: missing",
        "sources.json object    | {\"institution\":{\"id\":\"B\"},\"region\":\"CN\",\"asOf\":\"2023-06-30\"} | {} | sources.json: $: expected an array",
        "sources.json invalid   | {\"institution\":{\"id\":\"B\"},\"region\":\"CN\",\"asOf\":\"2023-06-30\"} | [{ | sources.json: not valid JSON",
    })
    void aFatalCaseIsOneLineNamingTheFileAndTheProblem(String what, String caseJson, String sourcesJson,
            String expectedStart) throws IOException {
        Path dir = caseFolder("c", caseJson.equals("-") ? null : caseJson, sourcesJson.equals("-") ? null : sourcesJson);
        assertFatal(dir, expectedStart);
    }

    @Test
    void invalidPartnersJsonIsFatalButABadPartnerEntryIsAWarning() throws Exception {
        Path dir = caseFolder("p", CASE, "[]");
        Files.writeString(dir.resolve("partners.json"), "[{\"id\":\"P01\"");
        assertFatal(dir, "partners.json: not valid JSON");

        Files.writeString(dir.resolve("partners.json"), "[{\"id\":\"P01\",\"type\":\"guarantee\",\"status\":\"active\"},"
                + "{\"id\":\"P02\",\"status\":\"sleeping\"}, 42]");
        Report r = CaseAudit.run(dir, tmp.resolve("out-p"), 1).report();
        // every partner with an id gets a verdict (REPORT.md): P02's unusable status is taken as active, and
        // with no fee schedule (PART-003 alone) an active partner is conditional
        assertEquals(List.of("P01 active conditional", "P02 active conditional"), r.partners().stream()
                .map(p -> p.id() + " " + p.status().wireName() + " " + p.verdict().wireName()).toList());
        List<String> w = warnings(r);
        assertTrue(w.contains("partners.json: $[1].status: \"sleeping\" is not a known status (allowed: "
                + "prospective, active); partner P02 is vetted as active, since the bank lists it and must act "
                + "on its findings"), w.toString());
        assertTrue(w.contains("partners.json: $[2]: expected an object, found the number 42; this partner is left out"),
                w.toString());
    }

    @Test
    void missingAndUnsafeAndOverfullZipsAreFatal() throws Exception {
        assertFatal(tmp.resolve("nowhere"), tmp.resolve("nowhere") + ": no such case folder or .zip");
        Path notZip = Files.writeString(tmp.resolve("case.zip"), "not a zip");
        assertFatal(notZip, notZip + ": not a readable zip file");
        assertFatal(zip("abs.zip", "/etc/x"), "");
        assertFatal(zip("dots.zip", "case/../../x"), "");
        Path many = tmp.resolve("many.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(many))) {
            for (int i = 0; i < 3; i++) {
                z.putNextEntry(new ZipEntry("pages/" + i));
                z.closeEntry();
            }
        }
        CaseException e = assertThrows(CaseException.class,
                () -> new CaseReader(new org.feewatch.caseio.CaseLimits(2, 1_000_000L), tmp).read(many));
        assertOneLine(e.getMessage());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void unusableSourcesUnknownFieldsAndBadPolicyValuesAreReportedAndTheAuditGoesOn() throws Exception {
        Path dir = caseFolder("s", "{\"institution\":{\"id\":\"BANK-A\",\"colour\":\"red\"},\"region\":\"CN\","
                + "\"asOf\":\"2023-06-30\",\"policy\":{\"maxSpreadBp\":\"lots\"},\"auditor\":\"x\"}",
                "[{\"id\":\"both\",\"owner\":\"BANK-A\",\"kind\":\"price-catalog\",\"url\":\"https://x.cn/\",\"file\":\"a.html\"},"
                + "{\"id\":\"neither\",\"owner\":\"BANK-A\",\"kind\":\"price-catalog\"},"
                + "{\"id\":\"odd\",\"owner\":\"BANK-A\",\"kind\":\"brochure\",\"file\":\"a.html\"},"
                + "{\"id\":\"outside\",\"owner\":\"BANK-A\",\"kind\":\"product-page\",\"file\":\"../elsewhere.html\"},"
                + "{\"id\":\"gone\",\"owner\":\"BANK-A\",\"kind\":\"product-page\",\"file\":\"pages/none.html\"},"
                + "{\"id\":\"page\",\"owner\":\"BANK-A\",\"kind\":\"product-page\",\"file\":\"a.html\",\"lang\":\"zh\"}]");
        Files.writeString(dir.resolve("a.html"), "<html><body>年化利率 4.35%</body></html>");
        Files.writeString(tmp.resolve("elsewhere.html"), "<html>收费标准</html>");
        Report r = CaseAudit.run(dir, tmp.resolve("out-s"), 1).report();
        Map<String, SourceStatus> statuses = r.sources().stream()
                .collect(Collectors.toMap(SourceStatus::id, Function.identity()));
        assertEquals(6, statuses.size(), statuses.toString());
        assertTrue(statuses.get("page").ok(), statuses.toString());
        for (String failed : List.of("both", "neither", "odd", "outside", "gone")) {
            SourceStatus s = statuses.get(failed);
            assertFalse(s.ok(), failed);
            assertFalse(s.error().isBlank(), failed);
            assertFalse(s.error().contains("Exception"), s.error());
        }
        assertTrue(statuses.get("odd").error().contains("\"brochure\""), statuses.get("odd").error());
        List<String> w = warnings(r);
        assertTrue(w.contains("case.json: $.institution.colour: unknown field, ignored"), w.toString());
        assertTrue(w.contains("case.json: $.auditor: unknown field, ignored"), w.toString());
        assertTrue(w.contains("sources.json: $[5].lang: unknown field, ignored"), w.toString());
        assertTrue(w.stream().anyMatch(m -> m.startsWith("case.json: $.policy.maxSpreadBp: \"lots\"")), w.toString());
    }

    @Test
    void aJsonlBookWithEdgeCasesCountsEveryLineAndWritesOneDetailRowPerAcceptedLoan() throws Exception {
        Path dir = caseFolder("j", CASE, "[]");
        String lpr = "\"rate\":{\"type\":\"lpr\",\"tenor\":\"1Y\",\"spreadBp\":85,\"nominal\":\"4.50\"}";
        String base = "\"borrower\":{\"id\":\"B\",\"type\":\"micro\"},\"principal\":\"300000.00\","
                + "\"repayment\":\"equal-installment\",";
        List<String> lines = List.of(
                // 1: numbers as JSON numbers (a spread of -20.0 bp is whole), all optional fields absent
                "{\"id\":\"NUM\",\"borrower\":{\"id\":\"B\",\"type\":\"micro\"},\"principal\":300000,"
                        + "\"contractDate\":\"2023-03-15\",\"maturityDate\":\"2024-03-15\",\"repayment\":\"bullet\","
                        + "\"rate\":{\"type\":\"lpr\",\"tenor\":\"1Y\",\"spreadBp\":-20.0,\"nominal\":3.45}}",
                // 2: blank (not counted), 3: a 5Y, 30-year loan
                "",
                "{\"id\":\"LONG\"," + base + "\"contractDate\":\"2023-03-15\",\"maturityDate\":\"2053-03-15\","
                        + "\"rate\":{\"type\":\"lpr\",\"tenor\":\"5Y\",\"spreadBp\":0,\"nominal\":\"4.30\"}}",
                // 4: one month, from the 31st to the end of February
                "{\"id\":\"FEB\"," + base + "\"contractDate\":\"2023-01-31\",\"maturityDate\":\"2023-02-28\","
                        + "\"rate\":{\"type\":\"fixed\",\"nominal\":\"0\"},"
                        + "\"fees\":[{\"payee\":\"BANK-A\",\"item\":\"x\",\"amount\":\"100\",\"when\":\"upfront\"}]}",
                // 5: contract after the last known LPR fixing
                "{\"id\":\"LATE\"," + base + "\"contractDate\":\"2099-01-05\",\"maturityDate\":\"2100-01-05\"," + lpr + "}",
                // 6: rejected: maturity not after contract; 7: not JSON; 8: duplicate id; 9: exponent
                "{\"id\":\"SAME\"," + base + "\"contractDate\":\"2023-03-15\",\"maturityDate\":\"2023-03-15\"," + lpr + "}",
                "{oops",
                "{\"id\":\"NUM\"," + base + "\"contractDate\":\"2023-03-15\",\"maturityDate\":\"2024-03-15\"," + lpr + "}",
                "{\"id\":\"EXP\",\"borrower\":{\"id\":\"B\",\"type\":\"micro\"},\"principal\":\"3e5\","
                        + "\"repayment\":\"bullet\",\"contractDate\":\"2023-03-15\",\"maturityDate\":\"2024-03-15\"," + lpr + "}");
        Files.writeString(dir.resolve("loans.jsonl"), "\uFEFF" + String.join("\r\n", lines) + "\r\n");
        CaseAudit.Result result = CaseAudit.run(dir, tmp.resolve("out-j"), 2);
        Report r = result.report();
        assertEquals(8L, r.loans().read());
        assertEquals(4L, r.loans().accepted());
        assertEquals(r.loans().read(), r.loans().accepted() + r.loans().rejected());
        assertEquals(List.of(6L, 7L, 8L, 9L), r.loans().errors().stream().map(InputIssue::line).toList());
        assertTrue(r.loans().errors().stream().allMatch(e -> "loans.jsonl".equals(e.file())));
        assertTrue(r.loans().errors().get(2).message().contains("line 1"), r.loans().errors().toString());

        List<String> detail = Files.readAllLines(result.detail(), StandardCharsets.UTF_8);
        assertEquals("id,lpr_1y,nominal_rate,apr,apr_effective,apr_bank_only,rules", detail.get(0));
        assertEquals(5, detail.size(), detail.toString());
        Map<String, String[]> rows = detail.stream().skip(1).map(l -> l.split(",", -1))
                .collect(Collectors.toMap(c -> c[0], c -> c));
        assertEquals(List.of("FEB", "LATE", "LONG", "NUM"), rows.keySet().stream().sorted().toList());
        for (String[] row : rows.values()) {
            assertEquals(7, row.length);
            for (int i = 1; i <= 5; i++) {
                if (!row[i].isEmpty()) {
                    assertTrue(row[i].matches("-?[0-9]+\\.[0-9]{4,}"), String.join(",", row));
                }
            }
        }
        // 0 % with a 100-yuan upfront fee over one month (2023-01-31 to 2023-02-28 is a whole month)
        double feb = Double.parseDouble(rows.get("FEB")[3]);
        assertEquals(12 * (300000.0 / 299900.0 - 1) * 100, feb, 1e-6);
        assertEquals("", rows.get("LATE")[1]);
        List<Finding> late = r.findings().stream().filter(f -> f.subject().id().equals("LATE")).toList();
        assertFalse(late.isEmpty(), "a contract after the last fixing is reported, not passed over");
        assertTrue(late.stream().allMatch(f -> f.severity() == org.feewatch.api.Severity.INFO), late.toString());
    }

    @Test
    void aGbkCsvBookWithChineseHeadersIsMappedAndAJsonlBesideItWins() throws Exception {
        Path dir = caseFolder("g", CASE, "[]");
        Charset gbk = Charset.forName("GBK");
        Files.writeString(dir.resolve("loans.csv"),
                "贷款编号,借款人编号,借款人类型,产品名称,本金,合同日期,到期日,利率类型,LPR期限,加点,执行利率,还款方式,备注\r\n"
                        + "C1,B1,micro,普惠贷,300000.00,2023-03-15,2024-03-15,lpr,1Y,85,4.50,equal-installment,\r\n"
                        + "C2,B2,small,\"产品,带逗号\",abc,2023-06-20,2023-12-31,lpr,1Y,-10,3.45,bullet,\r\n"
                        + "C3,B3,micro,p,1000\r\n"
                        + "\r\n"
                        + "C4,B4,micro,p,5000,2023-01-31,2023-02-28,fixed,,,6,equal-principal,\"引号\"\"内\"\r\n",
                gbk);
        Files.writeString(dir.resolve("fees.csv"), "贷款编号,收费方,收费项目,金额,收取时间\r\n"
                + "C1,BANK-A,贷款承诺费,1500.00,upfront\r\nC9,BANK-A,x,1,upfront\r\n", gbk);
        Report r = CaseAudit.run(dir, tmp.resolve("out-g"), 1).report();
        assertEquals(4L, r.loans().read());
        assertEquals(2L, r.loans().accepted());
        assertEquals(List.of(3L, 4L), r.loans().errors().stream().map(InputIssue::line).toList());
        assertTrue(r.loans().errors().get(0).message().contains("本金"), r.loans().errors().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("FEE-001") && f.subject().id().equals("C1")));
        List<String> w = warnings(r);
        assertTrue(w.stream().anyMatch(m -> m.startsWith("fees.csv:3:") && m.contains("C9")), w.toString());
        assertTrue(w.stream().anyMatch(m -> m.startsWith("loans.csv:1:") && m.contains("备注")), w.toString());

        Files.writeString(dir.resolve("loans.jsonl"), "{\"id\":\"J1\",\"borrower\":{\"id\":\"B\",\"type\":\"micro\"},"
                + "\"principal\":\"1000\",\"contractDate\":\"2023-03-15\",\"maturityDate\":\"2024-03-15\","
                + "\"rate\":{\"type\":\"fixed\",\"nominal\":\"4\"},\"repayment\":\"bullet\"}\n");
        Report both = CaseAudit.run(dir, tmp.resolve("out-g2"), 1).report();
        assertEquals(1L, both.loans().read());
        assertTrue(warnings(both).stream().anyMatch(m -> m.startsWith("loans.csv") && m.contains("skipped")),
                warnings(both).toString());
    }

    private Path zip(String name, String entry) throws IOException {
        Path z = tmp.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            for (String[] e : List.of(new String[] {"case/case.json", CASE}, new String[] {"case/sources.json", "[]"},
                    new String[] {entry, "x"})) {
                out.putNextEntry(new ZipEntry(e[0]));
                out.write(e[1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return z;
    }

    private void assertFatal(Path casePath, String expectedStart) {
        CaseException e = assertThrows(CaseException.class, () -> CaseAudit.run(casePath, tmp.resolve("out"), 1));
        assertOneLine(e.getMessage());
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
        if (expectedStart.isEmpty()) {
            assertTrue(e.getMessage().contains("refused, nothing extracted"), e.getMessage());
        }
    }

    private static void assertOneLine(String message) {
        assertFalse(message == null || message.isBlank());
        assertFalse(message.contains("\n") || message.contains("\r"), message);
        assertFalse(message.contains("Exception") || message.contains("\tat "), message);
    }

    private static List<String> warnings(Report r) {
        return r.warnings().stream()
                .map(i -> i.file() + (i.line() == null ? "" : ":" + i.line()) + ": " + i.message()).toList();
    }
}
