package org.feewatch.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Dictionary;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.feewatch.api.spi.ReferenceRates;
import org.feewatch.core.AuditService;
import org.feewatch.core.LoadedRule;
import org.feewatch.core.ReportArchive;
import org.feewatch.core.cli.Verb;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/** The runtime comes up: every bundle active, the services registered, the shipped configuration applied. */
class RuntimeServicesTest {

    static final long WAIT = 10_000;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = WAIT)
    AuditService audit;

    @Test
    void everyBundleIsActive() {
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            assertTrue(fragment || b.getState() == Bundle.ACTIVE, b.getSymbolicName() + " is not active (state " + b.getState() + ")");
        }
    }

    @Test
    void theAuditServiceHasTheNationalPackAndEveryReportFormat() {
        assertTrue(audit.plugins().stream().anyMatch(p -> p.startsWith("national ")), "plugins: " + audit.plugins());
        List<LoadedRule> rules = audit.rules();
        assertTrue(rules.stream().anyMatch(r -> r.pack().equals("national")), "no national rule is loaded");
        for (LoadedRule r : rules) {
            assertNotNull(r.info().titleEn(), r.info().code() + " has no English title");
            assertTrue(!r.info().citations().isEmpty(), r.info().code() + " cites nothing");
        }
        assertEquals(Set.of("csv", "html", "json"), audit.formats());
    }

    @Test
    void everyVerbOfTheCommandLineIsRegistered(@InjectService(cardinality = 6, timeout = WAIT) ServiceAware<Verb> verbs) {
        Set<String> names = new TreeSet<>();
        verbs.getServices().forEach(v -> names.add(v.name()));
        assertTrue(names.containsAll(Set.of("audit", "vet", "serve", "demo", "lpr", "plugins")), "verbs: " + names);
    }

    @Test
    void theLprTableAndReportArchiveAreRegistered(@InjectService(timeout = WAIT) ReferenceRates rates,
            @InjectService(timeout = WAIT) ReportArchive archive) {
        assertNotNull(rates.latest(), "the LPR table has no fixing");
        assertNotNull(archive.ids());
    }

    @Test
    void theNationalPolicyComesFromTheShippedConfigurationFile(@InjectService(timeout = WAIT) ConfigurationAdmin cm)
            throws Exception {
        Configuration[] configs = cm.listConfigurations("(service.pid=org.feewatch.policy)");
        assertNotNull(configs, "config/org.feewatch.policy.cfg was not loaded");
        Dictionary<String, Object> p = configs[0].getProperties();
        assertTrue(String.valueOf(p.get("felix.fileinstall.filename")).endsWith("org.feewatch.policy.cfg"));
        assertEquals("300", String.valueOf(p.get("maxSpreadBp")));
        assertEquals("0.20", String.valueOf(p.get("demandDepositRate")));
    }
}
