package org.feewatch.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import org.feewatch.api.Report;
import org.feewatch.core.AuditRequest;
import org.feewatch.core.AuditService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * A bundle dropped into the plugins folder of a running instance is picked up without a restart
 * (FileInstall, configured by config/org.apache.felix.fileinstall-plugins.cfg): its rule takes part
 * in the next audit; deleting the file takes it out again.
 */
class PluginDropInTest {

    static final Duration PICKUP = Duration.ofSeconds(20);

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = RuntimeServicesTest.WAIT)
    AuditService audit;

    @TempDir
    Path temp;

    private Path dropped;

    @AfterEach
    void removeThePlugin() throws Exception {
        if (dropped != null) {
            Files.deleteIfExists(dropped);
            TestCases.eventually(PICKUP, () -> !hasRule());
        }
    }

    @Test
    void aRulePackDroppedIntoThePluginsFolderJoinsTheNextAudit() throws Exception {
        Path caseDir = TestCases.smallCase(temp.resolve("case"));
        assertFalse(hasFinding(audit.audit(AuditRequest.of(caseDir)).report()), "ITEST-001 before the drop-in");

        Path plugins = Paths.get(context.getProperty("feewatch.plugins"));
        dropped = TestCases.pluginJar(context, plugins.resolve("feewatch.itests.rules.jar"));

        assertTrue(TestCases.eventually(PICKUP, this::hasRule), "the dropped plugin's rule never appeared");
        assertTrue(hasFinding(audit.audit(AuditRequest.of(caseDir)).report()), "no ITEST-001 after the drop-in");

        Files.delete(dropped);
        assertTrue(TestCases.eventually(PICKUP, () -> !hasRule()), "the deleted plugin's rule stayed");
        assertFalse(hasFinding(audit.audit(AuditRequest.of(caseDir)).report()), "ITEST-001 after the removal");
        dropped = null;
    }

    private boolean hasRule() {
        return audit.rules().stream().anyMatch(r -> r.info().code().equals(TestCases.RULE));
    }

    private static boolean hasFinding(Report report) {
        return report.findings().stream().anyMatch(f -> f.rule().equals(TestCases.RULE));
    }
}
