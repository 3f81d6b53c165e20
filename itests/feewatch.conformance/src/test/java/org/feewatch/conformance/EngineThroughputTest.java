package org.feewatch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark's wiring works (no timing is asserted: figures come from running it by hand). */
class EngineThroughputTest {

    @Test
    void aSyntheticBookIsJudgedWholeWithADetailRowPerLoan() throws Exception {
        EngineThroughput.Result r = EngineThroughput.run(20_000, 2);
        assertEquals(20_000, r.rows());
        assertEquals(20_000, r.report().loans().accepted());
        assertTrue(r.report().byRule().getOrDefault("FEE-001", 0) > 0, r.report().byRule().toString());
        assertTrue(r.report().byRule().getOrDefault("FEE-004", 0) > 0, r.report().byRule().toString());
    }
}
