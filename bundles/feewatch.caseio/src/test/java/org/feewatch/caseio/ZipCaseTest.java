package org.feewatch.caseio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipCaseTest {

    private static final String CASE_JSON =
            "{\"institution\":{\"id\":\"BANK-Z\"},\"region\":\"CN\",\"asOf\":\"2023-06-30\"}";

    @TempDir
    Path tmp;

    private Path extractDir() throws IOException {
        return Files.createDirectories(tmp.resolve("extract"));
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = tmp.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    private CaseReader reader(CaseLimits limits) throws IOException {
        return new CaseReader(limits, extractDir());
    }

    private boolean nothingLeftIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void aZipWithOneTopLevelFolderIsThatFolderAndIsDeletedOnClose() throws Exception {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("my-case/case.json", CASE_JSON);
        e.put("my-case/sources.json", "[{\"id\":\"s\",\"owner\":\"BANK-Z\",\"kind\":\"price-catalog\",\"file\":\"pages/c.html\"}]");
        e.put("my-case/pages/c.html", "<table></table>");
        e.put("__MACOSX/my-case/._case.json", "resource fork");
        Path zip = zip("case.zip", e);
        LoadedCase c = reader(CaseLimits.DEFAULT).read(zip);
        assertEquals("BANK-Z", c.caseInfo().institutionId());
        assertTrue(c.extracted());
        assertEquals("my-case", c.folder().getFileName().toString());
        assertTrue(Files.isRegularFile(c.folder().resolve("pages/c.html")));
        c.close();
        assertTrue(nothingLeftIn(extractDir()));
    }

    @Test
    void aZipWithTheFilesAtItsRootIsTheCase() throws Exception {
        Path zip = zip("flat.zip", Map.of("case.json", CASE_JSON, "sources.json", "[]"));
        try (LoadedCase c = reader(CaseLimits.DEFAULT).read(zip)) {
            assertEquals("BANK-Z", c.caseInfo().institutionId());
        }
    }

    @Test
    void aZipMadeOnChineseWindowsWithGbkEntryNamesIsRead() throws Exception {
        // Windows "send to compressed folder" on a Chinese system writes GBK names without the UTF-8 flag
        Path zip = tmp.resolve("gbk-names.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out, java.nio.charset.Charset.forName("GBK"))) {
            for (String[] e : new String[][] {{"案例一/case.json", CASE_JSON}, {"案例一/sources.json", "[]"},
                    {"案例一/loans.jsonl", "\n"}}) {
                z.putNextEntry(new ZipEntry(e[0]));
                z.write(e[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        try (LoadedCase c = reader(CaseLimits.DEFAULT).read(zip)) {
            assertEquals("BANK-Z", c.caseInfo().institutionId());
            assertEquals("案例一", c.folder().getFileName().toString());
            assertTrue(Files.isRegularFile(c.folder().resolve("loans.jsonl")));
        }
        assertTrue(nothingLeftIn(extractDir()));
    }

    @Test
    void aStrayFileBesideTheOneTopLevelFolderDoesNotHideTheCase() throws Exception {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("readme.txt", "案例说明");
        e.put(".DS_Store", "finder");
        e.put("my-case/case.json", CASE_JSON);
        e.put("my-case/sources.json", "[]");
        try (LoadedCase c = reader(CaseLimits.DEFAULT).read(zip("stray.zip", e))) {
            assertEquals("BANK-Z", c.caseInfo().institutionId());
            assertEquals("my-case", c.folder().getFileName().toString());
        }
    }

    @Test
    void aZipWithGbkNamesIsStillCheckedForUnsafeEntries() throws Exception {
        Path zip = tmp.resolve("gbk-dotdot.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out, java.nio.charset.Charset.forName("GBK"))) {
            for (String n : new String[] {"案例/case.json", "../案例.txt"}) {
                z.putNextEntry(new ZipEntry(n));
                z.write(CASE_JSON.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        refused(zip, CaseLimits.DEFAULT, "entry \"../案例.txt\" has a \"..\" segment: refused, nothing extracted");
    }

    @Test
    void aZipMissingCaseJsonIsFatalAndLeavesNothingBehind() throws Exception {
        Path zip = zip("empty-case.zip", Map.of("c/sources.json", "[]"));
        CaseException ex = assertThrows(CaseException.class, () -> reader(CaseLimits.DEFAULT).read(zip));
        assertEquals("case.json: missing (every case needs one; a .zip holds it at its root or in its single "
                + "top-level folder)", ex.getMessage());
        assertTrue(nothingLeftIn(extractDir()));
        // unseen case z5-nested-two: two folders, neither at the root
        Path two = zip("two-folders.zip", Map.of("a/case.json", CASE_JSON, "a/sources.json", "[]", "b/x.txt", "x"));
        assertEquals(ex.getMessage(), assertThrows(CaseException.class, () -> reader(CaseLimits.DEFAULT).read(two))
                .getMessage());
        assertTrue(nothingLeftIn(extractDir()));
    }

    private void refused(Path zip, CaseLimits limits, String expected) throws IOException {
        CaseException ex = assertThrows(CaseException.class, () -> reader(limits).read(zip));
        assertEquals(zip + ": " + expected, ex.getMessage());
        assertTrue(nothingLeftIn(extractDir()), "nothing may be extracted");
    }

    @Test
    void unsafeEntriesAreRefusedAndNothingIsExtracted() throws Exception {
        Map<String, String> abs = new LinkedHashMap<>();
        abs.put("case.json", CASE_JSON);
        abs.put("/etc/cron.d/evil", "x");
        refused(zip("abs.zip", abs), CaseLimits.DEFAULT, "entry \"/etc/cron.d/evil\" has an absolute path: refused, nothing extracted");

        Map<String, String> dots = new LinkedHashMap<>();
        dots.put("case/case.json", CASE_JSON);
        dots.put("case/../../evil.sh", "x");
        refused(zip("dots.zip", dots), CaseLimits.DEFAULT,
                "entry \"case/../../evil.sh\" has a \"..\" segment: refused, nothing extracted");

        Map<String, String> win = new LinkedHashMap<>();
        win.put("case.json", CASE_JSON);
        win.put("C:\\Windows\\evil.dll", "x");
        refused(zip("win.zip", win), CaseLimits.DEFAULT,
                "entry \"C:\\Windows\\evil.dll\" has an absolute path: refused, nothing extracted");
    }

    @Test
    void aLinkEntryIsRefused() throws Exception {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("case/case.json", CASE_JSON);
        e.put("case/sources.json", "/etc/passwd");
        Path zip = zip("link.zip", e);
        markAsSymlink(zip, "case/sources.json");
        refused(zip, CaseLimits.DEFAULT, "entry \"case/sources.json\" is a link: refused, nothing extracted");
    }

    @Test
    void tooManyEntriesOrTooManyBytesAreRefused() throws Exception {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            many.put("case/f" + i, "x");
        }
        refused(zip("many.zip", many), new CaseLimits(5, 1_000_000),
                "6 entries, more than the limit of 5: refused, nothing extracted");

        Map<String, String> big = new LinkedHashMap<>();
        big.put("case/case.json", CASE_JSON);
        big.put("case/loans.jsonl", "0".repeat(5_000));
        refused(zip("big.zip", big), new CaseLimits(100, 4_000),
                "more than 4000 bytes once uncompressed: refused, nothing extracted");
    }

    @Test
    void somethingThatIsNotAZipIsFatal() throws Exception {
        Path notZip = tmp.resolve("case.zip");
        Files.writeString(notZip, "this is not a zip");
        refused(notZip, CaseLimits.DEFAULT, "not a readable zip file");
    }

    /** Sets the central directory entry of {@code name} to a Unix symbolic link (mode 0120777). */
    private static void markAsSymlink(Path zip, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (b.getInt(i) != 0x02014b50) {
                continue;
            }
            int nameLen = b.getShort(i + 28) & 0xffff;
            String n = new String(bytes, i + 46, nameLen, StandardCharsets.UTF_8);
            if (n.equals(name)) {
                b.putShort(i + 4, (short) ((3 << 8) | 20));
                b.putInt(i + 38, 0120777 << 16);
                found = true;
            }
        }
        assertTrue(found && wanted.length > 0);
        Files.write(zip, bytes);
        assertFalse(bytes.length == 0);
    }
}
