package org.feewatch.region.bj.internal;

import static org.feewatch.region.bj.internal.RegionAudit.loan;
import static org.feewatch.region.bj.internal.RegionAudit.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.feewatch.api.Finding;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Report;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.engine.catalogue.RegionData;
import org.feewatch.engine.catalogue.RuleCatalogue;
import org.junit.jupiter.api.Test;

class BeijingRulePackTest {

    private final BeijingRulePack pack = new BeijingRulePack();

    @Test
    void declaresItsRegionVersionPeriodAndRulesUnderItsOwnPrefix() {
        assertEquals("region-cn-bj", pack.id());
        assertEquals("CN-BJ", pack.region());
        assertEquals("1.0.0", pack.version());
        assertEquals("2018-11-01", pack.effectiveFrom().toString());
        List<String> codes = pack.rules().stream().map(r -> r.info().code()).toList();
        assertEquals(List.of("BJ-001", "BJ-002"), codes);
        for (var rule : pack.rules()) {
            RuleInfo info = rule.info();
            assertTrue(!info.citations().isEmpty() && !info.titleZh().isBlank() && !info.titleEn().isBlank(),
                    info.code() + " lacks citations or titles");
        }
        assertEquals(List.of("www.beijing.gov.cn"), pack.allowedHosts());
    }

    @Test
    void aBeijingCaseListsThePackInEnginePlugins() {
        Report report = new RegionAudit().run(pack);
        assertEquals(List.of("national 1.0.0", "region CN-BJ 1.0.0"), report.plugins());
    }

    @Test
    void aCaseOfAnotherRegionDoesNotUseThePack() {
        Report report = new RegionAudit().region("CN-GD")
                .loan(loan("L1").fee("NOTARY-1", "公证费", "800", org.feewatch.api.FeeTiming.UPFRONT)).run(pack);
        assertEquals(List.of("national 1.0.0"), report.plugins());
        assertTrue(of(report, "BJ-001").isEmpty());
    }

    @Test
    void itsIllustrativeOnLendingAveragesFeedRate005() {
        // two on-lending loans in 2023Q2 at 5.00 %, above the pack's illustrative 2023Q1 figure 4.85 %
        Report report = new RegionAudit()
                .loan(loan("A").dates("2023-04-10", "2024-04-10").rate("5.00").onLending())
                .loan(loan("B").dates("2023-05-10", "2024-05-10").rate("5.00").onLending()).run(pack);
        List<Finding> rate005 = of(report, "RATE-005");
        assertEquals(1, rate005.size(), rate005.toString());
        Finding f = rate005.get(0);
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("4.85", f.metrics().get("benchmark"));
        assertTrue(f.evidence().get(0).source().contains("ILLUSTRATIVE"), f.evidence().get(0).source());
        // without the pack the same case has no average to compare with: an info finding says so
        Finding without = of(new RegionAudit()
                .loan(loan("A").dates("2023-04-10", "2024-04-10").rate("5.00").onLending()).run(), "RATE-005").get(0);
        assertEquals(Severity.INFO, without.severity());
    }

    @Test
    void everyIllustrativeAverageIsMarkedSoAndCoversTheInstitutionTypesItNames() {
        for (OnLendingAverage a : pack.onLendingAverages()) {
            assertEquals("CN-BJ", a.region());
            assertTrue(a.source().contains("ILLUSTRATIVE"), a.toString());
            assertTrue(a.rate().compareTo(BigDecimal.ZERO) > 0 && a.rate().compareTo(new BigDecimal("24")) < 0);
        }
    }

    @Test
    void aGuaranteeCapAtTheNationalValueIsKept() {
        Report report = new RegionAudit().nationalDefaults(RegionAudit.NATIONAL).run(pack);
        assertEquals(new BigDecimal("1.0"), report.caseInfo().policy().maxGuaranteeFeeRate());
        assertTrue(report.warnings().stream().noneMatch(w -> w.message().contains("refused")), report.warnings().toString());
    }

    @Test
    void aTighterCapReplacesALooserNationalOne() {
        var looseNational = new org.feewatch.api.Policy(300, new BigDecimal("2.0"), new BigDecimal("1.0"),
                new BigDecimal("0.10"));
        Report report = new RegionAudit().nationalDefaults(looseNational).run(pack);
        assertEquals(new BigDecimal("1.0"), report.caseInfo().policy().maxGuaranteeFeeRate());
    }

    @Test
    void theEngineRefusesAndReportsThePacksAttemptToLoosenANationalThreshold() {
        BeijingRulePack loosening = new BeijingRulePack(
                RuleCatalogue.fromResource(BeijingRulePack.class, BeijingRulePack.CATALOGUE),
                RegionData.fromResource(BeijingRulePackTest.class, "loosening-data.json"));
        Report report = new RegionAudit().run(loosening);
        // 2.5 % is looser than the national 1.0 %: refused, the national value applies
        assertEquals(new BigDecimal("1.0"), report.caseInfo().policy().maxGuaranteeFeeRate());
        // 200 bp is tighter than the national 300 bp: taken
        assertEquals(200, report.caseInfo().policy().maxSpreadBp());
        List<String> refusals = report.warnings().stream().map(w -> w.message()).filter(m -> m.contains("refused"))
                .toList();
        assertEquals(List.of("region pack region-cn-bj 1.0.0 sets policy maxGuaranteeFeeRate to 2.5, looser than the "
                + "national 1.0: refused, 1.0 applies"), refusals);
    }
}
