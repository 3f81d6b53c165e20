package org.feewatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void numbersInsideIdsCompareAsNumbers() {
        List<String> ids = new ArrayList<>(List.of("L10", "L2", "L0002", "bank-catalog:承诺费", "2023Q2", "2023Q10",
                "L1", "P01", "P1", "L", "L1a", "L1b"));
        ids.sort(NaturalOrder::compare);
        assertEquals(List.of("2023Q2", "2023Q10", "L", "L1", "L1a", "L1b", "L0002", "L2", "L10", "P01", "P1",
                "bank-catalog:承诺费"), ids);
    }
}
