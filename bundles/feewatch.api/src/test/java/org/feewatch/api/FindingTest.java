package org.feewatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FindingTest {

    private static Finding finding(Map<String, String> metrics) {
        return new Finding("FEE-001", Severity.HIGH, Subject.loan("L1"), "title",
                List.of(Evidence.of("loans.jsonl", "line 2", "text")), metrics, List.of("citation"), Action.REFUND);
    }

    @Test
    void metricsAreAnUnmodifiableCopyInTheOrderGivenThatAnswersAsTheMapGiven() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("zeta", "1.00");
        given.put("alpha", null);
        given.put(null, "3");
        given.put("名称", "服务费");
        Map<String, String> metrics = finding(given).metrics();
        given.put("later", "4");
        given.remove("zeta");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("zeta", "1.00");
        expected.put("alpha", null);
        expected.put(null, "3");
        expected.put("名称", "服务费");
        assertEquals(expected, metrics);
        assertEquals(metrics, expected);
        assertEquals(expected.hashCode(), metrics.hashCode());
        assertEquals(expected.toString(), metrics.toString());
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(metrics.keySet()));
        assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(metrics.values()));
        List<String> walked = new ArrayList<>();
        metrics.forEach((name, value) -> walked.add(name + "=" + value));
        assertEquals(List.of("zeta=1.00", "alpha=null", "null=3", "名称=服务费"), walked);
        assertEquals(4, metrics.size());
        assertEquals("服务费", metrics.get("名称"));
        assertEquals("3", metrics.get(null));
        assertNull(metrics.get("alpha"));
        assertNull(metrics.get("later"));
        assertTrue(metrics.containsKey("alpha"));
        assertTrue(metrics.containsKey(null));
        assertFalse(metrics.containsKey("later"));
        assertTrue(metrics.containsValue(null));
        assertTrue(metrics.containsValue("1.00"));
        assertFalse(metrics.containsValue("4"));
        assertThrows(UnsupportedOperationException.class, () -> metrics.put("x", "1"));
        assertThrows(UnsupportedOperationException.class, () -> metrics.remove("zeta"));
        assertThrows(UnsupportedOperationException.class, metrics::clear);
        assertThrows(UnsupportedOperationException.class, () -> metrics.entrySet().iterator().next().setValue("2"));
        assertThrows(UnsupportedOperationException.class, () -> metrics.keySet().iterator().remove());
    }

    @Test
    void findingsWithTheSameMetricsAreEqualWhateverMapTheyWereGivenIn() {
        Map<String, String> linked = new LinkedHashMap<>();
        linked.put("amount", "975.00");
        linked.put("publishedItems", "5");
        Finding a = finding(linked);
        Finding b = finding(new HashMap<>(Map.of("publishedItems", "5", "amount", "975.00")));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(finding(null), finding(Map.of()));
        assertTrue(finding(null).metrics().isEmpty());
        // a finding made from another's metrics shares them: they cannot change
        Finding c = finding(a.metrics());
        assertSame(a.metrics(), c.metrics());
    }

    @Test
    void manyMetricsAreKeptInTheirOrderToo() {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 40; i > 0; i--) {
            given.put("m" + i, Integer.toString(i));
        }
        Map<String, String> metrics = finding(given).metrics();
        assertEquals(given, metrics);
        assertEquals(new ArrayList<>(given.keySet()), new ArrayList<>(metrics.keySet()));
        assertEquals("7", metrics.get("m7"));
        assertThrows(UnsupportedOperationException.class, () -> metrics.put("x", "1"));
    }
}
