package org.feewatch.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.feewatch.api.Report;
import org.feewatch.api.SourceStatus;
import org.feewatch.core.AuditRequest;
import org.feewatch.core.AuditService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * PDF sources in the real runtime: PDFBox, embedded in the disclosure bundle, reads a two-page text
 * catalogue (CJK font subset with a ToUnicode map) and a bilingual one into items the rules judge; a
 * scanned PDF fails with its reason and the audit goes on.
 */
class PdfSourceTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = RuntimeServicesTest.WAIT)
    AuditService audit;

    @TempDir
    Path temp;

    private void copy(String resource, Path target) throws Exception {
        try (InputStream in = context.getBundle().getEntry("pdf/" + resource).openStream()) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
        }
    }

    @Test
    void pdfCataloguesAreReadAndJudgedAndAScannedOneFailsWithItsReason() throws Exception {
        Path dir = TestCases.smallCase(temp.resolve("case"));
        copy("catalogue-two-pages.pdf", dir.resolve("pages/jgml.pdf"));
        copy("bilingual.pdf", dir.resolve("pages/tariff.pdf"));
        copy("scanned.pdf", dir.resolve("pages/scan.pdf"));
        TestCases.write(dir.resolve("sources.json"), """
                [{"id": "cat", "owner": "ITEST-BANK", "kind": "price-catalog", "file": "pages/jgml.pdf"},
                 {"id": "cat-en", "owner": "ITEST-BANK", "kind": "price-catalog", "file": "pages/tariff.pdf"},
                 {"id": "scan", "owner": "ITEST-BANK", "kind": "price-catalog", "file": "pages/scan.pdf"}]
                """);

        Report report = audit.audit(AuditRequest.of(dir)).report();

        Map<String, SourceStatus> sources = report.sources().stream()
                .collect(Collectors.toMap(SourceStatus::id, s -> s));
        assertTrue(sources.get("cat").ok(), "cat: " + sources.get("cat"));
        assertEquals(8, sources.get("cat").items(), "the eight items of the two pages");
        assertTrue(sources.get("cat-en").ok(), "cat-en: " + sources.get("cat-en"));
        assertEquals(4, sources.get("cat-en").items());
        assertFalse(sources.get("scan").ok());
        assertTrue(sources.get("scan").error().startsWith("a scanned PDF without text"), sources.get("scan").error());
        assertTrue(sources.get("scan").error().contains("(OCR) is not supported"), sources.get("scan").error());

        List<String> findings = report.findings().stream().map(f -> f.rule() + " " + f.subject().id()).toList();
        assertTrue(findings.contains("DISC-002 cat:贷款意向书"), "详询营业网点 states no price: " + findings);
        assertTrue(findings.contains("FEE-001 cat:资金管理费"), "减半收取 is no exemption: " + findings);
        assertTrue(findings.contains("FEE-001 cat-en:贷款承诺费 Loan commitment fee"), findings.toString());
        assertEquals(3, report.loans().read(), "the loans are audited as well");
    }
}
