package org.feewatch.caseio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.feewatch.api.InputIssue;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerType;
import org.feewatch.api.Policy;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseReaderTest {

    @TempDir
    Path tmp;

    static Path resource(String name) {
        try {
            return Path.of(CaseReaderTest.class.getResource("/cases/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> messages(LoadedCase c) {
        return c.warnings().stream().map(w -> w.file() + ": " + w.message()).toList();
    }

    @Test
    void readsACompleteCase() throws Exception {
        try (LoadedCase c = new CaseReader().read(resource("good"))) {
            assertEquals("BANK-A", c.caseInfo().institutionId());
            assertEquals("某某农村商业银行", c.caseInfo().institutionName());
            assertEquals("CN-BJ", c.caseInfo().region());
            assertEquals(LocalDate.of(2023, 6, 30), c.caseInfo().asOf());
            assertEquals(new Policy(300, new BigDecimal("1.0"), new BigDecimal("1.5"), new BigDecimal("0.10")),
                    c.caseInfo().policy());
            assertEquals(4, c.sources().size());
            assertEquals(SourceKind.PRODUCT_PAGE, c.sources().get(1).kind());
            assertEquals("pages/products.html", c.sources().get(1).file());
            assertEquals("GBK", c.sources().get(1).encoding());
            assertEquals(4, c.partners().size(), "P03 has no status and is kept, vetted as active");
            assertEquals(PartnerStatus.ACTIVE, c.partners().get(0).status());
            assertTrue(c.partners().get(0).governmentBacked());
            assertEquals(PartnerStatus.ACTIVE, c.partners().get(2).status());
            assertEquals(PartnerType.OTHER, c.partners().get(3).type());
            assertEquals(2, c.benchmarks().size());
            assertEquals(new BigDecimal("4.95"), c.benchmarks().get(1).rate());
            assertEquals("benchmarks.json", c.benchmarks().get(0).source());
            assertFalse(c.extracted());
        }
    }

    @Test
    void unknownFieldsAndUnusableOptionalEntriesAreWarnings() throws Exception {
        try (LoadedCase c = new CaseReader().read(resource("good"))) {
            List<String> w = messages(c);
            assertTrue(w.contains("case.json: $.institution.colour: unknown field, ignored"), w.toString());
            assertTrue(w.contains("case.json: $.auditor: unknown field, ignored"), w.toString());
            assertTrue(w.contains("partners.json: $[2].status: missing (allowed: prospective, active); partner "
                    + "P03 is vetted as active, since the bank lists it and must act on its findings"), w.toString());
            assertTrue(w.stream().anyMatch(m -> m.startsWith("partners.json: $[3].type: \"bank\"")), w.toString());
            assertTrue(w.stream().anyMatch(m -> m.startsWith("sources.json: $[3].owner: \"P09\"")), w.toString());
            assertTrue(w.stream().anyMatch(m -> m.startsWith("benchmarks.json: $.onLendingAverages[2].quarter")),
                    w.toString());
            assertEquals(6, w.size(), w.toString());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "no-case-json      | case.json: missing (every case needs one)",
        "no-sources-json   | sources.json: missing (every case needs one; [] when there are no sources)",
        "bad-json          | case.json: not valid JSON at line 5, column 1 ($.asOf): end of input",
        "missing-asof      | case.json: $.asOf: missing (a string is required)",
        "wrong-type        | case.json: $.institution.id: expected a string, found the number 42",
        "bad-partners-json | partners.json: not valid JSON at line 2, column 1 ($[0].status): end of input",
    })
    void fatalProblemsAreOneLineNamingFilePathAndProblem(String folder, String expected) {
        CaseException e = assertThrows(CaseException.class, () -> new CaseReader().read(resource(folder)));
        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(e.getMessage().contains("Exception"));
    }

    private Path caseWith(String caseJson, String sourcesJson) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "case");
        Files.writeString(dir.resolve("case.json"), caseJson);
        if (sourcesJson != null) {
            Files.writeString(dir.resolve("sources.json"), sourcesJson);
        }
        return dir;
    }

    private String fatal(String caseJson, String sourcesJson) throws IOException {
        Path dir = caseWith(caseJson, sourcesJson);
        return assertThrows(CaseException.class, () -> new CaseReader().read(dir)).getMessage();
    }

    @Test
    void everyRequiredFieldAndTypeIsChecked() throws Exception {
        String ok = "{\"institution\":{\"id\":\"B\"},\"region\":\"CN\",\"asOf\":\"2023-06-30\"}";
        assertEquals("case.json: $: expected an object, found an array", fatal("[]", "[]"));
        assertEquals("case.json: $.institution: missing (an object with the audited institution's id)",
                fatal("{\"region\":\"CN\",\"asOf\":\"2023-06-30\"}", "[]"));
        assertEquals("case.json: $.institution: expected an object, found the string \"B\"",
                fatal("{\"institution\":\"B\",\"region\":\"CN\",\"asOf\":\"2023-06-30\"}", "[]"));
        assertEquals("case.json: $.region: missing (a string is required)",
                fatal("{\"institution\":{\"id\":\"B\"},\"asOf\":\"2023-06-30\"}", "[]"));
        assertEquals("case.json: $.region: \"Beijing\" is not a region code such as CN or CN-BJ",
                fatal("{\"institution\":{\"id\":\"B\"},\"region\":\"Beijing\",\"asOf\":\"2023-06-30\"}", "[]"));
        assertEquals("case.json: $.asOf: \"2023-02-30\" is not a valid date",
                fatal("{\"institution\":{\"id\":\"B\"},\"region\":\"CN\",\"asOf\":\"2023-02-30\"}", "[]"));
        assertEquals("case.json: $.asOf: expected a string, found the number 20230630",
                fatal("{\"institution\":{\"id\":\"B\"},\"region\":\"CN\",\"asOf\":20230630}", "[]"));
        assertEquals("case.json: not valid JSON: more text after the end of the JSON value", fatal(ok + " {}", "[]"));
        assertEquals("sources.json: $: expected an array of sources, found an object", fatal(ok, "{}"));
        assertEquals("sources.json: not valid JSON at line 1, column 3 ($[0]): not allowed in strict JSON",
                fatal(ok, "[,]"));
    }

    @Test
    void anUnusablePolicyValueIsAWarningAndItsDefaultApplies() throws Exception {
        Path dir = caseWith("{\"institution\":{\"id\":\"B\"},\"region\":\"CN\",\"asOf\":\"2023-06-30\","
                + "\"policy\":{\"maxSpreadBp\":300.5,\"maxGuaranteeFeeRate\":\"1e0\",\"aprTolerancePp\":\"0.2\"}}", "[]");
        try (LoadedCase c = new CaseReader().read(dir)) {
            assertEquals(List.of(
                    "case.json: $.policy.maxSpreadBp: must be a whole number of basis points, was 300.5; "
                            + "the default from configuration applies",
                    "case.json: $.policy.maxGuaranteeFeeRate: \"1e0\" is not a plain decimal such as \"1.0\"; "
                            + "the default from configuration applies"), messages(c));
            assertEquals(null, c.caseInfo().policy().maxSpreadBp());
            assertEquals(null, c.caseInfo().policy().maxGuaranteeFeeRate());
            assertEquals(new BigDecimal("0.2"), c.caseInfo().policy().aprTolerancePp());
        }
    }

    @Test
    void anUnusableSourceEntryIsAFailedSourceAndTheRestIsRead() throws Exception {
        Path dir = caseWith("{\"institution\":{\"id\":\"B\"},\"region\":\"CN\",\"asOf\":\"2023-06-30\"}",
                "[{\"id\":\"both\",\"owner\":\"B\",\"kind\":\"price-catalog\",\"url\":\"https://x.cn/\",\"file\":\"p.html\"},"
                + "{\"id\":\"neither\",\"owner\":\"B\",\"kind\":\"price-catalog\"},"
                + "{\"id\":\"odd\",\"owner\":\"B\",\"kind\":\"catalogue\",\"file\":\"p.html\"},"
                + "{\"id\":\"good\",\"owner\":\"B\",\"kind\":\"product-page\",\"file\":\"p.html\"},"
                + "{\"id\":\"good\",\"owner\":\"B\",\"kind\":\"product-page\",\"file\":\"q.html\"},"
                + "{\"owner\":\"B\",\"kind\":\"product-page\",\"file\":\"p.html\"},"
                + "\"text\"]");
        try (LoadedCase c = new CaseReader().read(dir)) {
            assertEquals(List.of("good"), c.sources().stream().map(SourceRef::id).toList());
            assertEquals(List.of(
                    "both: sources.json: $[0]: has both a url and a file; give exactly one; the source was not read",
                    "neither: sources.json: $[1]: needs a url or a file; the source was not read",
                    "odd: sources.json: $[2].kind: \"catalogue\" is not one of price-catalog, product-page, "
                            + "partner-schedule; the source was not read"),
                    c.refusedSources().stream().map(r -> r.id() + ": " + r.error()).toList());
            assertTrue(c.refusedSources().stream().noneMatch(r -> r.ok()));
            assertEquals(List.of(
                    "sources.json: $[4].id: \"good\" is already the id of $[3]; this entry is left out",
                    "sources.json: $[5].id: missing (a string is required); this entry is left out",
                    "sources.json: $[6]: expected an object, found the string \"text\"; this entry is left out"),
                    messages(c));
        }
    }

    @Test
    void aFolderNamedCaseJsonIsNotTakenForAMissingFile() throws Exception {
        Path dir = caseWith("{}", "[]");
        Files.delete(dir.resolve("case.json"));
        Files.createDirectory(dir.resolve("case.json"));
        assertEquals("case.json: not a file (a folder or other entry has its name)",
                assertThrows(CaseException.class, () -> new CaseReader().read(dir)).getMessage());
    }

    @Test
    void lenientJsonIsNotAccepted() throws Exception {
        String msg = fatal("{institution:{id:'B'},region:'CN',asOf:'2023-06-30'}", "[]");
        assertTrue(msg.startsWith("case.json: not valid JSON at line 1, column"), msg);
    }

    @Test
    void aByteOrderMarkIsAcceptedAndInvalidUtf8IsNot() throws Exception {
        Path dir = caseWith("", "[]");
        byte[] json = "{\"institution\":{\"id\":\"B\"},\"region\":\"CN\",\"asOf\":\"2023-06-30\"}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Files.write(dir.resolve("case.json"), withBom);
        try (LoadedCase c = new CaseReader().read(dir)) {
            assertEquals("B", c.caseInfo().institutionId());
            assertEquals(Policy.EMPTY, c.caseInfo().policy());
            assertEquals(List.of(), c.partners());
        }
        Files.write(dir.resolve("sources.json"), new byte[] {'[', (byte) 0xC3, ']'});
        assertEquals("sources.json: not valid UTF-8 text",
                assertThrows(CaseException.class, () -> new CaseReader().read(dir)).getMessage());
    }

    @Test
    void aMissingOrUnreadableCaseFolderIsFatal() throws Exception {
        Path nowhere = tmp.resolve("nowhere");
        assertEquals(nowhere + ": no such case folder or .zip",
                assertThrows(CaseException.class, () -> new CaseReader().read(nowhere)).getMessage());
        Path file = resource("good").resolve("case.json");
        assertEquals(file + ": neither a case folder nor a .zip of one",
                assertThrows(CaseException.class, () -> new CaseReader().read(file)).getMessage());
    }

    @Test
    void aBrokenBenchmarksFileIsAWarningNotAStop() throws Exception {
        Path dir = caseWith("{\"institution\":{\"id\":\"B\"},\"region\":\"CN\",\"asOf\":\"2023-06-30\"}", "[]");
        Files.writeString(dir.resolve("benchmarks.json"), "{\"onLendingAverages\": [");
        try (LoadedCase c = new CaseReader().read(dir)) {
            assertEquals(List.of(), c.benchmarks());
            InputIssue w = c.warnings().get(0);
            assertEquals("benchmarks.json", w.file());
            assertTrue(w.message().startsWith("not valid JSON at line 1"), w.message());
            assertTrue(w.message().endsWith("; no benchmarks read"), w.message());
        }
    }
    @Test
    void aSecondFigureForTheSameQuarterRegionAndTypeIsLeftOutWithAWarning() throws Exception {
        // unseen case c39-case-odd: two 2023Q3 figures for CN-BJ rural-commercial, 4.0 and 4.2
        Path dir = caseWith("{\"institution\":{\"id\":\"B\"},\"region\":\"CN-BJ\",\"asOf\":\"2023-12-31\"}", "[]");
        Files.writeString(dir.resolve("benchmarks.json"), "{\"onLendingAverages\":["
                + "{\"region\":\"CN-BJ\",\"quarter\":\"2023Q3\",\"institutionType\":\"rural-commercial\",\"rate\":\"4.0\"},"
                + "{\"region\":\"CN-BJ\",\"quarter\":\"2023Q3\",\"institutionType\":\"city-commercial\",\"rate\":\"5.0\"},"
                + "{\"region\":\"CN-BJ\",\"quarter\":\"2023Q3\",\"institutionType\":\"rural-commercial\",\"rate\":4.2}]}");
        try (LoadedCase c = new CaseReader().read(dir)) {
            assertEquals(List.of(new BigDecimal("4.0"), new BigDecimal("5.0")),
                    c.benchmarks().stream().map(b -> b.rate()).toList());
            assertEquals(List.of(InputIssue.of("benchmarks.json", "$.onLendingAverages[2]: the same region, quarter and "
                    + "institution type as $.onLendingAverages[0] (CN-BJ, 2023Q3, rural-commercial), whose figure is "
                    + "used; this benchmark is left out")), c.warnings());
        }
    }
}
