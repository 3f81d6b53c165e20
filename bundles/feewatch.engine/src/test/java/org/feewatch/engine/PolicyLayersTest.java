package org.feewatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.feewatch.api.Policy;
import org.junit.jupiter.api.Test;

class PolicyLayersTest {

    private static final Policy NATIONAL = new Policy(300, new BigDecimal("1.5"), new BigDecimal("1.5"),
            new BigDecimal("0.10"));

    @Test
    void caseOverRegionOverNational() {
        Policy region = new Policy(250, new BigDecimal("1.0"), null, null);
        Policy casePolicy = new Policy(null, new BigDecimal("0.8"), null, null);
        PolicyLayers.Result r = PolicyLayers.resolve(casePolicy,
                List.of(Fixtures.pack("region-cn-bj", "CN-BJ", List.of(), region, List.of())), NATIONAL);
        assertEquals(new Policy(250, new BigDecimal("0.8"), new BigDecimal("1.5"), new BigDecimal("0.10")),
                r.effective());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void aRegionPackCannotLoosenANationalThreshold() {
        Policy looser = new Policy(500, new BigDecimal("2.0"), new BigDecimal("1.2"), new BigDecimal("0.50"));
        PolicyLayers.Result r = PolicyLayers.resolve(Policy.EMPTY,
                List.of(Fixtures.pack("region-cn-bj", "CN-BJ", List.of(), looser, List.of())), NATIONAL);
        assertEquals(new Policy(300, new BigDecimal("1.5"), new BigDecimal("1.2"), new BigDecimal("0.10")),
                r.effective());
        assertEquals(3, r.warnings().size());
        String first = r.warnings().get(0).message();
        assertTrue(first.contains("region-cn-bj") && first.contains("maxSpreadBp") && first.contains("500")
                && first.contains("refused") && first.contains("300"), first);
    }

    @Test
    void caseJsonIsTakenAsWritten() {
        PolicyLayers.Result r = PolicyLayers.resolve(new Policy(450, null, null, null), List.of(), NATIONAL);
        assertEquals(450, r.effective().maxSpreadBp());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void aThresholdSetNowhereIsReported() {
        PolicyLayers.Result r = PolicyLayers.resolve(Policy.EMPTY, List.of(),
                new Policy(300, new BigDecimal("1.0"), new BigDecimal("1.0"), null));
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).message().contains("aprTolerancePp"));
    }
}
