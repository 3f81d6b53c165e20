package org.feewatch.engine.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.OnLendingAverage;
import org.junit.jupiter.api.Test;

class RegionDataTest {

    private static final String FULL = """
            {"schema": "feewatch.region-data/1", "pack": "region-cn-xx", "region": "CN-XX", "version": "1.2.0",
             "asOf": "2026-01-01", "effectiveFrom": "2024-01-01", "effectiveTo": null,
             "policyDefaults": {"maxSpreadBp": {"value": "250", "citations": ["doc A"]},
                                "aprTolerancePp": {"value": "0.05", "citations": ["doc B"]}},
             "caps": {"cap1": {"value": "1.5", "unit": "percent", "citations": ["doc C"], "effectiveFrom": "2024-07-01"}},
             "feeGroups": {"g": {"categories": ["notary-fee", "advisory-fee"], "citations": ["doc D"]}},
             "feeSynonyms": [{"category": "notary-fee", "synonyms": ["公证手续费", "赋强公证费"], "citations": ["doc E"]}],
             "allowedHosts": [{"host": "www.example.gov.cn", "why": "docs"}],
             "onLendingAverages": {"illustrative": true, "citations": ["none"],
               "rows": [{"quarter": "2024Q1", "institutionType": "rural-commercial", "rate": "4.50"}]}}
            """;

    private static RegionData parse(String json) {
        return RegionData.parse(new StringReader(json), "region-data.json");
    }

    @Test
    void everySectionIsRead() {
        RegionData d = parse(FULL);
        assertEquals("region-cn-xx", d.pack());
        assertEquals("CN-XX", d.region());
        assertEquals("2024-01-01", d.effectiveFrom().toString());
        assertEquals(null, d.effectiveTo());
        assertEquals(250, d.policyDefaults().maxSpreadBp());
        assertEquals(new BigDecimal("0.05"), d.policyDefaults().aprTolerancePp());
        assertEquals(null, d.policyDefaults().maxGuaranteeFeeRate());
        assertEquals(new BigDecimal("1.5"), d.cap("cap1").value());
        assertEquals(List.of("doc C"), d.cap("cap1").citations());
        assertEquals(Set.of("notary-fee", "advisory-fee"), d.feeGroup("g"));
        assertEquals(Map.of("公证手续费", "notary-fee", "赋强公证费", "notary-fee"), d.feeSynonyms());
        assertEquals(List.of("www.example.gov.cn"), d.allowedHosts());
        assertEquals(List.of(new OnLendingAverage("CN-XX", "2024Q1", "rural-commercial", new BigDecimal("4.50"),
                "region-data.json (ILLUSTRATIVE figures, not official statistics)")), d.onLendingAverages());
    }

    @Test
    void aMissingCapOrGroupIsNamedWithTheFile() {
        RegionData d = parse(FULL);
        assertEquals("region-data.json: caps.other is missing",
                assertThrows(IllegalArgumentException.class, () -> d.cap("other")).getMessage());
        assertEquals("region-data.json: feeGroups.other is missing",
                assertThrows(IllegalArgumentException.class, () -> d.feeGroup("other")).getMessage());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWhatIsWrong() {
        assertEquals("region-data.json: schema is feewatch.region-data/9, expected feewatch.region-data/1",
                assertThrows(IllegalArgumentException.class,
                        () -> parse(FULL.replace("region-data/1", "region-data/9"))).getMessage());
        assertEquals("region-data.json: onLendingAverages.rows[0]: quarter 2024-Q1 is not of the form 2023Q1",
                assertThrows(IllegalArgumentException.class,
                        () -> parse(FULL.replace("\"2024Q1\"", "\"2024-Q1\""))).getMessage());
        assertEquals("region-data.json: caps.cap1: field value is \"1,5\", not a number",
                assertThrows(IllegalArgumentException.class,
                        () -> parse(FULL.replace("\"1.5\"", "\"1,5\""))).getMessage());
        assertEquals("region-data.json: policyDefaults.maxSpread: unknown policy field (maxSpreadBp, "
                + "maxGuaranteeFeeRate, maxInsuranceFeeRate or aprTolerancePp)",
                assertThrows(IllegalArgumentException.class,
                        () -> parse(FULL.replace("\"maxSpreadBp\"", "\"maxSpread\""))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("[1, 2"))
                .getMessage().startsWith("region-data.json: not a JSON object"));
    }
}
