package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.PricingCase.loan;
import static org.feewatch.rules.national.internal.rules.PricingCase.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.feewatch.api.Action;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.junit.jupiter.api.Test;

class Rate001BenchmarkPricingTest {

    private final Rate001BenchmarkPricing rule = new Rate001BenchmarkPricing();

    @Test
    void benchmarkPricedLoanFromNewYear2020IsFound() {
        Finding f = only(new PricingCase().add(loan().id("L0032").benchmark("1.10", "4.785")
                .dates("2020-01-01", "2021-01-01").line(32)).run(rule));
        assertEquals("RATE-001", f.rule());
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals(Action.REPRICE, f.action());
        assertEquals("4.785", f.metrics().get("nominalRate"));
        assertEquals("1.10", f.metrics().get("multiplier"));
        assertTrue(f.title().contains("retired benchmark lending rate (4.785 % = 1.10 × benchmark)"), f.title());
        assertEquals("line 32", f.evidence().get(0).locator());
        assertEquals("loans.jsonl", f.evidence().get(0).source());
        assertTrue(f.citations().contains("中国人民银行公告〔2019〕第15号"));
    }

    @Test
    void benchmarkLoanContractedBefore2020IsNot() {
        assertTrue(new PricingCase().add(loan().benchmark("1.00", "4.75").dates("2019-12-31", "2024-12-31"))
                .run(rule).isEmpty());
    }

    @Test
    void lprAndFixedLoansAreNot() {
        assertTrue(new PricingCase().add(loan().id("A")).add(loan().id("B").fixed("4.20")).run(rule).isEmpty());
    }
}
