package org.feewatch.region.gd.internal;

import static org.feewatch.region.gd.internal.RegionAudit.loan;
import static org.feewatch.region.gd.internal.RegionAudit.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

import org.feewatch.api.Finding;
import org.feewatch.api.Policy;
import org.feewatch.api.Report;
import org.feewatch.engine.catalogue.RegionData;
import org.junit.jupiter.api.Test;

class GuangdongRulePackTest {

    private final GuangdongRulePack pack = new GuangdongRulePack();

    @Test
    void declaresItsRegionVersionAndRulesUnderItsOwnPrefix() {
        assertEquals("region-cn-gd", pack.id());
        assertEquals("CN-GD", pack.region());
        assertEquals("1.0.0", pack.version());
        assertEquals(List.of("GD-001", "GD-002"), pack.rules().stream().map(r -> r.info().code()).toList());
        assertEquals(List.of("www.gdjr.gov.cn"), pack.allowedHosts());
    }

    @Test
    void aGuangdongCaseListsThePackAndItsDataFeedsRate005() {
        Report report = new RegionAudit().asOf("2023-12-31")
                .loan(loan("A").dates("2023-04-10", "2024-04-10").rate("5.10").onLending()).run(pack);
        assertEquals(List.of("national 1.0.0", "region CN-GD 1.0.0"), report.plugins());
        Finding f = of(report, "RATE-005").get(0);
        assertEquals("4.95", f.metrics().get("benchmark"));
        assertTrue(f.evidence().get(0).source().contains("ILLUSTRATIVE"));
    }

    @Test
    void theSampleRuleIsLabelledAsSuchInItsCatalogueEntry() {
        var info = pack.rules().get(1).info();
        assertTrue(info.titleEn().startsWith("[SAMPLE]") && info.titleZh().startsWith("【示例规则】"), info.toString());
    }

    @Test
    void aGuaranteeCapLooserNationallyIsTightenedToTheProvincialOnePercent() {
        Report report = new RegionAudit().nationalDefaults(new Policy(300, new BigDecimal("1.5"),
                new BigDecimal("1.0"), new BigDecimal("0.10"))).run(pack);
        assertEquals(new BigDecimal("1.0"), report.caseInfo().policy().maxGuaranteeFeeRate());
    }

    @Test
    void aDataFileWithoutCitationsIsRefusedNamingTheField() {
        String data = """
                {"schema": "feewatch.region-data/1", "pack": "p", "region": "CN-GD", "version": "1",
                 "caps": {"x": {"value": "1", "unit": "%", "citations": []}}}
                """;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegionData.parse(new StringReader(data), "region-data.json"));
        assertEquals("region-data.json: caps.x: citations is empty: every figure needs its source", e.getMessage());
    }
}
