package org.feewatch.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.feewatch.api.Finding;
import org.feewatch.api.Report;
import org.feewatch.api.SubjectType;
import org.feewatch.core.AuditRequest;
import org.feewatch.core.AuditService;
import org.feewatch.core.CaseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * An audit through the plugin SPI: the test rule pack, installed as a bundle, takes part in the
 * audit (its rule sees the case and its loans), and leaves it when uninstalled.
 */
class AuditThroughSpiTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = RuntimeServicesTest.WAIT)
    AuditService audit;

    @TempDir
    Path temp;

    private Bundle plugin;

    @BeforeEach
    void installTheTestRulePack() throws Exception {
        try (InputStream in = context.getBundle().getEntry(TestCases.PLUGIN_RESOURCE).openStream()) {
            plugin = context.installBundle("itest:feewatch.itests.rules", in);
        }
        plugin.start();
        assertTrue(TestCases.eventually(Duration.ofSeconds(10), () -> hasRule(TestCases.RULE)), "ITEST-001 never appeared");
    }

    @AfterEach
    void uninstall() throws Exception {
        if (plugin != null && plugin.getState() != Bundle.UNINSTALLED) {
            plugin.uninstall();
        }
    }

    @Test
    void thePluginsRuleJudgesTheCaseAndItsLoans() throws Exception {
        Report report = audit.audit(AuditRequest.of(TestCases.smallCase(temp.resolve("case")))).report();

        assertTrue(report.plugins().contains("itest 1.0.0"), "engine.plugins: " + report.plugins());
        Optional<Finding> f = report.findings().stream().filter(x -> x.rule().equals(TestCases.RULE)).findFirst();
        assertTrue(f.isPresent(), "no ITEST-001 finding in " + report.findings());
        assertEquals(SubjectType.PORTFOLIO, f.get().subject().type());
        assertEquals("2023Q2", f.get().subject().id());
        assertEquals("2", f.get().metrics().get("loans"), "the rule saw the accepted loans");
        assertEquals(3, report.loans().read());
        assertEquals(2, report.loans().accepted());
        assertEquals(1, report.loans().rejected());
        assertEquals(1, report.byRule().get(TestCases.RULE));
    }

    @Test
    void theReportIsWrittenAsJsonOfTheReportFormat() throws Exception {
        Report report = audit.audit(AuditRequest.of(TestCases.smallCase(temp.resolve("case")))).report();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.write(report, "json", out);
        JsonObject json = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals("feewatch.report/1", json.get("schema").getAsString());
        assertEquals("ITEST-BANK", json.getAsJsonObject("case").get("institution").getAsString());
        assertEquals(2, json.getAsJsonObject("inputs").getAsJsonObject("loans").get("accepted").getAsInt());
    }

    @Test
    void theDetailCsvHasOneRowPerAcceptedLoan() throws Exception {
        Path detail = temp.resolve("detail.csv");
        audit.audit(new AuditRequest(TestCases.smallCase(temp.resolve("case")), false, null,
                () -> Files.newOutputStream(detail)));
        var lines = Files.readAllLines(detail, StandardCharsets.UTF_8);
        assertEquals("id,lpr_1y,nominal_rate,apr,apr_effective,apr_bank_only,rules", lines.get(0));
        assertEquals(3, lines.size(), "header and two loans: " + lines);
        assertTrue(lines.get(1).startsWith("L1,") && lines.get(2).startsWith("L2,"), "book order: " + lines);
    }

    @Test
    void anUninstalledPluginNoLongerTakesPart() throws Exception {
        plugin.uninstall();
        assertTrue(TestCases.eventually(Duration.ofSeconds(10), () -> !hasRule(TestCases.RULE)));
        Report report = audit.audit(AuditRequest.of(TestCases.smallCase(temp.resolve("case")))).report();
        assertFalse(report.findings().stream().anyMatch(x -> x.rule().equals(TestCases.RULE)));
        assertFalse(report.plugins().contains("itest 1.0.0"));
    }

    @Test
    void aCaseWithoutCaseJsonCannotBeAuditedAndSaysWhyInOneLine() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("empty"));
        CaseException e = assertThrows(CaseException.class, () -> audit.audit(AuditRequest.of(dir)));
        assertTrue(e.getMessage().contains("case.json"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), "no class names: " + e.getMessage());
    }

    private boolean hasRule(String code) {
        return audit.rules().stream().anyMatch(r -> r.info().code().equals(code));
    }
}
