package org.feewatch.engine;

import static org.feewatch.engine.Fixtures.NOMINAL_APR;
import static org.feewatch.engine.Fixtures.caseInfo;
import static org.feewatch.engine.Fixtures.pack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.feewatch.api.Finding;
import org.feewatch.api.Policy;
import org.feewatch.api.Report;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.RulePack;
import org.junit.jupiter.api.Test;

class RegionCoverageTest {

    private static Report audit(String region, List<RulePack> packs) {
        return AuditEngine.audit(AuditInput.builder(caseInfo(region, Policy.EMPTY)).build(), packs, NOMINAL_APR,
                AuditOptions.builder().workerThreads(1).build());
    }

    private static List<Finding> missing(Report report) {
        return report.findings().stream().filter(f -> f.rule().equals("ENGINE-002")).toList();
    }

    @Test
    void aRegionWithoutItsPackGetsAnInfoFindingSayingSo() {
        List<Finding> found = missing(audit("CN-BJ", List.of(pack("national", "CN", List.of()))));
        assertEquals(1, found.size());
        Finding f = found.get(0);
        assertEquals(Severity.INFO, f.severity());
        assertEquals(Subject.source("CN-BJ"), f.subject());
        assertEquals("Region pack for CN-BJ missing: only the national rules were applied", f.title());
        assertTrue(f.evidence().get(0).text().startsWith("no region pack for CN-BJ is installed"),
                f.evidence().get(0).text());
    }

    @Test
    void aPackOfAnotherRegionDoesNotCount() {
        assertEquals(1, missing(audit("CN-BJ", List.of(pack("region-gd", "CN-GD", List.of())))).size());
    }

    @Test
    void aPackOfTheRegionNotInForceOnAsOfIsNamed() {
        RulePack later = new RulePack() {
            @Override public String id() { return "region-cn-bj"; }
            @Override public String version() { return "2.0.0"; }
            @Override public String region() { return "CN-BJ"; }
            @Override public java.time.LocalDate effectiveFrom() { return java.time.LocalDate.of(2030, 1, 1); }
            @Override public List<org.feewatch.api.spi.Rule> rules() { return List.of(); }
        };
        Finding f = missing(audit("CN-BJ", List.of(later))).get(0);
        assertEquals("the installed pack region CN-BJ 2.0.0 does not apply on " + Fixtures.AS_OF
                + "; its region rules and region data (such as the local averages RATE-005 compares with) were not"
                + " used. Install it with ./feewatch plugins install FILE", f.evidence().get(0).text());
    }

    @Test
    void theRegionsPackOrANationalCaseGivesNoSuchFinding() {
        assertTrue(missing(audit("CN-BJ", List.of(pack("region-bj", "CN-BJ", List.of())))).isEmpty());
        assertTrue(missing(audit("CN", List.of(pack("national", "CN", List.of())))).isEmpty());
    }
}
