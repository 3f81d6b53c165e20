package org.feewatch.disclosure.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.feewatch.api.Snapshot;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.spi.SourceException;
import org.feewatch.disclosure.internal.snapshot.FileSnapshotStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoliteSourceFetcherFileTest {

    private static final String PAGE = "<html><body><p>担保费 年化1.5%</p></body></html>";

    @TempDir
    Path tmp;

    private Path caseDir;
    private FileSnapshotStore store;
    private PoliteSourceFetcher fetcher;

    @BeforeEach
    void setUp() throws IOException {
        caseDir = Files.createDirectories(tmp.resolve("case"));
        Files.createDirectories(caseDir.resolve("pages"));
        store = new FileSnapshotStore(tmp.resolve("snapshots"));
        fetcher = new PoliteSourceFetcher(TestConfigs.quick(Map.of("max_body_bytes", 4096L)), store, InetAddress::getAllByName);
    }

    private static SourceRef file(String file, String encoding) {
        return new SourceRef("bank-products", "BANK-A", SourceKind.PRODUCT_PAGE, null, file, encoding);
    }

    private String failure(String file) {
        return assertThrows(SourceException.class, () -> fetcher.fetch(file(file, null), caseDir, false)).getMessage();
    }

    @Test
    void fileInTheCaseIsReadWithItsHintAndKept() throws Exception {
        byte[] body = PAGE.getBytes(Charset.forName("GBK"));
        Files.write(caseDir.resolve("pages/products.html"), body);
        Snapshot s = fetcher.fetch(file("pages/products.html", "GBK"), caseDir, false);
        assertEquals(PAGE, s.text());
        assertEquals("GB18030", s.charset());
        assertEquals("hint", s.charsetOrigin());
        assertEquals("pages/products.html", s.location());
        assertEquals("text/html", s.contentType());
        assertArrayEquals(body, store.get(s.sha256()).orElseThrow().body());
    }

    @Test
    void fileIsReadTheSameInServeMode() throws Exception {
        Files.writeString(caseDir.resolve("pages/products.html"), PAGE, StandardCharsets.UTF_8);
        assertEquals(PAGE, fetcher.fetch(file("./pages/../pages/products.html", null), caseDir, true).text());
    }

    @Test
    void backslashesOfACaseWrittenOnWindowsSeparateFolders() throws Exception {
        // unseen case c42-sources-windows: "file": "pages\\products.html" was "file not found"
        Files.writeString(caseDir.resolve("pages/products.html"), PAGE, StandardCharsets.UTF_8);
        Snapshot s = fetcher.fetch(file("pages\\products.html", null), caseDir, false);
        assertEquals(PAGE, s.text());
        assertEquals("pages/products.html", s.location());
        Files.writeString(tmp.resolve("outside.html"), PAGE);
        assertEquals("file escapes the case folder", failure("pages\\..\\..\\outside.html"));
    }

    @Test
    void parentPathsOutOfTheCaseFail() throws IOException {
        Files.writeString(tmp.resolve("outside.html"), PAGE);
        assertEquals("file escapes the case folder", failure("../outside.html"));
        assertEquals("file escapes the case folder", failure("pages/../../outside.html"));
    }

    @Test
    void absolutePathsFail() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.html"), PAGE);
        assertEquals("file escapes the case folder", failure(outside.toString()));
        assertEquals("file escapes the case folder", failure(caseDir.resolve("pages/x.html").toString()));
    }

    @Test
    void linkPointingOutOfTheCaseFails() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.html"), PAGE);
        assumeTrue(canLink(caseDir.resolve("pages/link.html"), outside), "this file system has no symbolic links");
        assertEquals("file escapes the case folder", failure("pages/link.html"));
    }

    @Test
    void linkedFolderPointingOutOfTheCaseFails() throws IOException {
        Path outsideDir = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outsideDir.resolve("fees.html"), PAGE);
        assumeTrue(canLink(caseDir.resolve("mirror"), outsideDir), "this file system has no symbolic links");
        assertEquals("file escapes the case folder", failure("mirror/fees.html"));
    }

    @Test
    void linkInsideTheCaseIsFollowed() throws Exception {
        Path target = Files.writeString(caseDir.resolve("pages/real.html"), PAGE, StandardCharsets.UTF_8);
        assumeTrue(canLink(caseDir.resolve("pages/alias.html"), target), "this file system has no symbolic links");
        assertEquals(PAGE, fetcher.fetch(file("pages/alias.html", null), caseDir, false).text());
    }

    @Test
    void missingFileFails() {
        assertEquals("file not found", failure("pages/none.html"));
    }

    @Test
    void folderIsNotAPage() {
        assertEquals("not a regular file", failure("pages"));
        assertEquals("file escapes the case folder", failure("."));
    }

    @Test
    void damagedPdfFileFailsSayingWhy() throws IOException {
        Files.writeString(caseDir.resolve("pages/prices.pdf"), "%PDF-1.7");
        assertEquals("not a readable PDF: the file is damaged or incomplete", failure("pages/prices.pdf"));
    }

    @Test
    void pdfWithoutExtensionIsRecognisedByItsBytes() throws IOException {
        Files.writeString(caseDir.resolve("pages/prices"), "%PDF-1.7");
        assertEquals("not a readable PDF: the file is damaged or incomplete", failure("pages/prices"));
    }

    @Test
    void fileNamedPdfThatIsNoPdfFails() throws IOException {
        Files.writeString(caseDir.resolve("pages/prices.pdf"), PAGE);
        assertEquals("not a readable PDF: it does not start with %PDF-", failure("pages/prices.pdf"));
    }

    private static byte[] fixture(String name) throws IOException {
        try (var in = org.feewatch.disclosure.internal.pdf.PdfPages.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private PoliteSourceFetcher pdfFetcher(Map<String, Object> config) {
        Map<String, Object> all = new java.util.HashMap<>(config);
        all.put("max_body_bytes", 1_000_000L);
        return new PoliteSourceFetcher(TestConfigs.quick(all), store, InetAddress::getAllByName);
    }

    private String pdfFailure(String fixture, Map<String, Object> config) throws IOException {
        Files.write(caseDir.resolve("pages/prices.pdf"), fixture(fixture));
        return assertThrows(SourceException.class,
                () -> pdfFetcher(config).fetch(file("pages/prices.pdf", null), caseDir, false)).getMessage();
    }

    @Test
    void textPdfIsKeptWithItsCellsAsText() throws Exception {
        byte[] body = fixture("catalogue-two-pages.pdf");
        Files.write(caseDir.resolve("pages/prices.html"), body); // named as a page: its bytes say PDF
        Snapshot s = pdfFetcher(Map.of()).fetch(file("pages/prices.html", "GBK"), caseDir, false);
        assertEquals("application/pdf", s.contentType());
        assertEquals(null, s.charset(), "a PDF has no charset");
        org.junit.jupiter.api.Assertions.assertTrue(s.text().contains(">贷款承诺费</p>"), s.text());
        org.junit.jupiter.api.Assertions.assertFalse(s.text().contains("第 1 页"), "page numbers are left out");
        Snapshot stored = store.get(s.sha256()).orElseThrow();
        assertArrayEquals(body, stored.body());
        assertEquals("application/pdf", stored.contentType());
        assertEquals(null, stored.text(), "a stored PDF is not decoded as text: its cells are rebuilt when it is read");
        assertEquals(null, stored.charset());
    }

    @Test
    void scannedPdfFailsSayingThereIsNoText() throws IOException {
        assertEquals("a scanned PDF without text: its page is an image, and reading text from images (OCR) is not "
                + "supported", pdfFailure("scanned.pdf", Map.of()));
    }

    @Test
    void pdfWithAUserPasswordFails() throws IOException {
        assertEquals("the PDF is protected by a password; only PDFs that open without one are read",
                pdfFailure("password.pdf", Map.of()));
    }

    @Test
    void damagedPdfFails() throws IOException {
        assertEquals("not a readable PDF: the file is damaged or incomplete", pdfFailure("corrupt.pdf", Map.of()));
    }

    @Test
    void pdfOverThePageLimitFails() throws IOException {
        assertEquals("the PDF has 2 pages, more than the 1 read (max.pdf.pages)",
                pdfFailure("catalogue-two-pages.pdf", Map.of("max_pdf_pages", 1)));
    }

    @Test
    void pdfIsRefusedWhenTheConfigurationAcceptsOnlyHtml() throws IOException {
        assertEquals("not HTML (application/pdf)",
                pdfFailure("catalogue-two-pages.pdf", Map.of("accepted_types", new String[] {"text/html"})));
    }

    @Test
    void fileOverTheBodyLimitFails() throws IOException {
        Files.write(caseDir.resolve("pages/big.html"), new byte[5000]);
        assertEquals("body over 4 KB", failure("pages/big.html"));
    }

    @Test
    void sourceWithBothOrNeitherLocationFails() {
        SourceRef both = new SourceRef("x", "BANK-A", SourceKind.PRICE_CATALOG, "https://a/", "pages/a.html", null);
        SourceRef neither = new SourceRef("x", "BANK-A", SourceKind.PRICE_CATALOG, null, null, null);
        assertEquals("both url and file are given",
                assertThrows(SourceException.class, () -> fetcher.fetch(both, caseDir, false)).getMessage());
        assertEquals("neither url nor file is given",
                assertThrows(SourceException.class, () -> fetcher.fetch(neither, caseDir, false)).getMessage());
    }

    @Test
    void demoCasePagesAreReadIfTheSharedExamplesArePresent() throws Exception {
        Path demo = Path.of("/work/shared/examples/demo-case");
        assumeTrue(Files.isDirectory(demo), "the shared demo case is not on this machine");
        Snapshot s = fetcher(Map.of()).fetch(file("pages/catalog.html", null), demo, false);
        assertEquals("UTF-8", s.charset());
        assertEquals("meta", s.charsetOrigin());
        assertEquals(FileSnapshotStore.sha256(Files.readAllBytes(demo.resolve("pages/catalog.html"))), s.sha256());
    }

    private PoliteSourceFetcher fetcher(Map<String, Object> config) {
        return new PoliteSourceFetcher(TestConfigs.quick(config), store, InetAddress::getAllByName);
    }

    private static boolean canLink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
