package org.feewatch.itests.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.feewatch.api.Finding;
import org.feewatch.api.Report;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.RulePack;
import org.feewatch.core.AuditRequest;
import org.feewatch.core.AuditService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * The CN-BJ region pack in a running instance, without a restart: a Beijing case audited without
 * the pack says the pack is missing; `plugins install` adds it and the next audit runs its rules,
 * feeds RATE-005 from its data and lists it in engine.plugins; `plugins remove` takes it out again.
 */
class RegionPackLifecycleTest {

    static final String PACK = "region CN-BJ 1.0.0";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    AuditService audit;

    @TempDir
    Path temp;

    /** A Beijing case: a micro loan with a notarization fee, two on-lending loans in 2023Q2 at 5.00 %. */
    private Path beijingCase() throws IOException {
        Path dir = temp.resolve("case-bj");
        Plugins.write(dir.resolve("case.json"), """
                {"institution": {"id": "ITEST-BJ", "name": "测试农村商业银行", "type": "rural-commercial"},
                 "region": "CN-BJ", "asOf": "2023-12-31"}
                """);
        Plugins.write(dir.resolve("sources.json"), "[]\n");
        Plugins.write(dir.resolve("loans.jsonl"), """
                {"id":"N1","borrower":{"id":"B1","type":"micro"},"product":"普惠贷","principal":"300000.00","contractDate":"2023-03-15","maturityDate":"2024-03-15","rate":{"type":"fixed","nominal":"4.20"},"repayment":"equal-installment","onLending":false,"compensatingDeposit":"0","bundled":[],"fees":[{"payee":"NOTARY-1","item":"借款合同公证费","amount":"800.00","when":"upfront"}]}
                {"id":"O1","borrower":{"id":"B2","type":"small"},"product":"转贷","principal":"500000.00","contractDate":"2023-04-10","maturityDate":"2024-04-10","rate":{"type":"fixed","nominal":"5.00"},"repayment":"interest-monthly","onLending":true,"compensatingDeposit":"0","bundled":[],"fees":[]}
                {"id":"O2","borrower":{"id":"B3","type":"micro"},"product":"转贷","principal":"500000.00","contractDate":"2023-05-10","maturityDate":"2024-05-10","rate":{"type":"fixed","nominal":"5.00"},"repayment":"interest-monthly","onLending":true,"compensatingDeposit":"0","bundled":[],"fees":[]}
                """);
        return dir;
    }

    private static List<Finding> of(Report r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private long nationalPackServiceId() {
        ServiceReference<RulePack> ref = context.getServiceReference(RulePack.class);
        return (Long) ref.getProperty("service.id");
    }

    private void assertWithoutThePack(Report r) {
        assertEquals(List.of("national 1.0.0"), r.plugins());
        List<Finding> missing = of(r, "ENGINE-002");
        assertEquals(1, missing.size(), r.findings().toString());
        assertEquals(Severity.INFO, missing.get(0).severity());
        assertEquals(Subject.source("CN-BJ"), missing.get(0).subject());
        assertTrue(r.findings().stream().noneMatch(f -> f.rule().startsWith("BJ-")));
        assertEquals(Severity.INFO, of(r, "RATE-005").get(0).severity(), "RATE-005 has no local average");
    }

    @Test
    void installedAndRemovedWhileRunning() throws Exception {
        Path caseDir = beijingCase();
        long framework = context.getBundle(0).getLastModified();
        long nationalService = nationalPackServiceId();

        assertWithoutThePack(audit.audit(AuditRequest.of(caseDir)).report());

        Path download = Plugins.jar(context, Plugins.BEIJING, temp.resolve("downloads"));
        Plugins.Run installed = Plugins.verb(context, temp, "install", download.toString());
        assertEquals(0, installed.exit());
        assertTrue(installed.out().startsWith("installed feewatch.region.bj.jar"), installed.out());
        assertTrue(Plugins.eventually(() -> audit.plugins().contains(PACK)), "the pack never registered");

        String list = Plugins.verb(context, temp, "list").out();
        assertTrue(list.lines().anyMatch(l -> l.matches("\\s*region-cn-bj\\s+CN-BJ\\s+1\\.0\\.0\\s+active\\s+BJ-001, BJ-002\\s+.*")),
                list);

        Report with = audit.audit(AuditRequest.of(caseDir)).report();
        assertEquals(List.of("national 1.0.0", PACK), with.plugins());
        assertTrue(of(with, "ENGINE-002").isEmpty());
        List<Finding> bj001 = of(with, "BJ-001");
        assertEquals(1, bj001.size(), with.findings().toString());
        assertEquals(Subject.loan("N1"), bj001.get(0).subject());
        Finding rate005 = of(with, "RATE-005").get(0);
        assertEquals(Severity.HIGH, rate005.severity());
        assertEquals("4.85", rate005.metrics().get("benchmark"), "the pack's (illustrative) 2023Q1 average");
        assertTrue(rate005.evidence().get(0).source().contains("ILLUSTRATIVE"));

        Plugins.Run removed = Plugins.verb(context, temp, "remove", "region-cn-bj");
        assertEquals(0, removed.exit());
        assertTrue(Plugins.eventually(() -> !audit.plugins().contains(PACK)), "the removed pack stayed");
        assertFalse(Files.exists(Plugins.folder(context).resolve(Plugins.BEIJING)));

        assertWithoutThePack(audit.audit(AuditRequest.of(caseDir)).report());
        // the same framework and the same national pack service throughout: nothing restarted
        assertEquals(framework, context.getBundle(0).getLastModified());
        assertEquals(nationalService, nationalPackServiceId());
    }
}
