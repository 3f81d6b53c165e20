package org.feewatch.caseio;

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

import org.feewatch.api.InputIssue;
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** partners.json entries are never dropped silently; JSON files saved as GBK say so. */
class PartnersAndEncodingTest {

    private static final String CASE = "{\"institution\":{\"id\":\"BANK-A\",\"name\":\"某某农村商业银行\"},"
            + "\"region\":\"CN\",\"asOf\":\"2023-06-30\"}";
    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path tmp;

    private Path caseWithPartners(String partnersJson) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "case");
        Files.writeString(dir.resolve("case.json"), CASE);
        Files.writeString(dir.resolve("sources.json"), "[]");
        Files.writeString(dir.resolve("partners.json"), partnersJson);
        return dir;
    }

    private static List<String> warnings(LoadedCase c) {
        return c.warnings().stream().map(InputIssue::message).toList();
    }

    @Test
    void aPartnerWithAMissingOrUnknownStatusIsKeptAndVettedAsActiveWithAWarning() throws Exception {
        Path dir = caseWithPartners("[{\"id\":\"P01\",\"type\":\"guarantee\"},"
                + "{\"id\":\"P02\",\"type\":\"guarantee\",\"status\":\"contracted\"},"
                + "{\"id\":\"P03\",\"type\":\"guarantee\",\"status\":1},"
                + "{\"id\":\"P04\",\"type\":\"guarantee\",\"status\":\"Prospective \"},"
                + "{\"id\":\"P05\",\"type\":\"guarantee\",\"status\":\"prospective\"}]");
        try (LoadedCase c = new CaseReader().read(dir)) {
            assertEquals(List.of("P01", "P02", "P03", "P04", "P05"), c.partners().stream().map(Partner::id).toList());
            assertEquals(List.of(PartnerStatus.ACTIVE, PartnerStatus.ACTIVE, PartnerStatus.ACTIVE,
                    PartnerStatus.PROSPECTIVE, PartnerStatus.PROSPECTIVE),
                    c.partners().stream().map(Partner::status).toList());
            String then = " (allowed: prospective, active); partner %s is vetted as active, since the bank "
                    + "lists it and must act on its findings";
            assertEquals(List.of(
                    "$[0].status: missing" + then.formatted("P01"),
                    "$[1].status: \"contracted\" is not a known status" + then.formatted("P02"),
                    "$[2].status: expected a string, found the number 1" + then.formatted("P03"),
                    "$[3].status: \"Prospective \" is taken as prospective for partner P04 (allowed, as written: "
                            + "prospective, active)"), warnings(c));
            assertTrue(c.warnings().stream().allMatch(w -> w.file().equals("partners.json")), c.warnings().toString());
        }
    }

    @Test
    void otherUnusableFieldsKeepThePartnerAndSayWhatWasAssumed() throws Exception {
        Path dir = caseWithPartners("[{\"id\":17,\"type\":\"guarantee\",\"status\":\"active\"},"
                + "{\"id\":\"P02\",\"name\":[\"x\"],\"type\":7,\"status\":\"prospective\",\"governmentBacked\":\"yes\"},"
                + "{\"id\":\"P03\",\"type\":\"notary\",\"status\":\"active\"}]");
        try (LoadedCase c = new CaseReader().read(dir)) {
            assertEquals(List.of(new Partner("17", null, PartnerType.GUARANTEE, PartnerStatus.ACTIVE, false),
                    new Partner("P02", null, PartnerType.OTHER, PartnerStatus.PROSPECTIVE, false),
                    new Partner("P03", null, PartnerType.NOTARY, PartnerStatus.ACTIVE, false)), c.partners());
            assertEquals(List.of(
                    "$[0].id: expected a string, found the number 17; taken as the id \"17\"",
                    "$[1].name: expected a string, found an array; the name is ignored",
                    "$[1].type: expected a string, found the number 7; partner P02 is taken as type other",
                    "$[1].governmentBacked: expected true or false, found the string \"yes\"; partner P02 is taken as "
                            + "not government-backed"), warnings(c));
        }
    }

    @Test
    void onlyAnEntryWithoutAUsableIdOrRepeatingAnIdIsLeftOutAndTheWarningSaysWhy() throws Exception {
        Path dir = caseWithPartners("[{\"name\":\"某某担保公司\",\"type\":\"guarantee\",\"status\":\"active\"},"
                + "{\"id\":\"\",\"type\":\"guarantee\",\"status\":\"active\"},"
                + "{\"id\":true,\"type\":\"guarantee\",\"status\":\"active\"},"
                + "{\"id\":\"P01\",\"type\":\"guarantee\",\"status\":\"active\"},"
                + "{\"id\":\"P01\",\"type\":\"insurance\",\"status\":\"prospective\"}, \"P09\"]");
        try (LoadedCase c = new CaseReader().read(dir)) {
            assertEquals(List.of(new Partner("P01", null, PartnerType.GUARANTEE, PartnerStatus.ACTIVE, false)),
                    c.partners());
            String why = " is left out: sources and loans name a partner by its id, so it cannot be vetted without one";
            assertEquals(List.of(
                    "$[0].id: missing; this partner (某某担保公司)" + why,
                    "$[1].id: is empty; this partner" + why,
                    "$[2].id: expected a string, found true; this partner" + why,
                    "$[4].id: \"P01\" is already the id of $[3]; this entry is left out and partner P01 is vetted as "
                            + "$[3] describes it",
                    "$[5]: expected an object, found the string \"P09\"; this partner is left out"), warnings(c));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"case.json", "sources.json", "partners.json"})
    void aRequiredOrPartnersFileSavedAsGbkStopsWithAHintToSaveItAsUtf8(String file) throws Exception {
        Path dir = caseWithPartners("[{\"id\":\"P01\",\"name\":\"某某融资担保有限公司\",\"type\":\"guarantee\","
                + "\"status\":\"active\"}]");
        Files.writeString(dir.resolve("sources.json"), "[{\"id\":\"目录\",\"owner\":\"BANK-A\",\"kind\":\"price-catalog\","
                + "\"file\":\"pages/服务价格目录.html\"}]");
        Path target = dir.resolve(file);
        Files.write(target, Files.readString(target).getBytes(GBK));
        CaseException e = assertThrows(CaseException.class, () -> new CaseReader().read(dir));
        assertEquals(file + ": not valid UTF-8 text (it looks like GBK/GB18030, as Chinese Windows editors save by "
                + "default: save it as UTF-8)", e.getMessage());
    }

    @Test
    void aBenchmarksFileSavedAsGbkIsAWarningWithTheSameHint() throws Exception {
        Path dir = caseWithPartners("[]");
        Files.write(dir.resolve("benchmarks.json"), ("{\"onLendingAverages\":[{\"region\":\"CN-BJ\",\"quarter\":"
                + "\"2023Q1\",\"institutionType\":\"rural-commercial\",\"rate\":\"5.12\",\"备注\":\"北京市农商行平均\"}]}")
                .getBytes(GBK));
        try (LoadedCase c = new CaseReader().read(dir)) {
            assertEquals(List.of(InputIssue.of("benchmarks.json", "not valid UTF-8 text (it looks like GBK/GB18030, as "
                    + "Chinese Windows editors save by default: save it as UTF-8); no benchmarks read")), c.warnings());
        }
    }

    @Test
    void aUtf8FileWithOneDamagedByteGetsNoGbkHint() throws Exception {
        Path dir = caseWithPartners("[]");
        byte[] good = ("[{\"id\":\"目录\",\"owner\":\"BANK-A\",\"kind\":\"price-catalog\",\"file\":\"pages/服务价格目录.html\"}]")
                .getBytes(StandardCharsets.UTF_8);
        good[good.length - 4] = (byte) 0xFF; // "html" → "ht\xFFl"
        Files.write(dir.resolve("sources.json"), good);
        CaseException e = assertThrows(CaseException.class, () -> new CaseReader().read(dir));
        assertEquals("sources.json: not valid UTF-8 text", e.getMessage());
        assertFalse(e.getMessage().contains("GBK"));
    }
}
