package org.feewatch.rules.national.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.feewatch.api.Finding;
import org.feewatch.api.ProductTerms;
import org.feewatch.api.Repayment;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

class Disc003NoAnnualRateTest {

    private final Disc003NoAnnualRate rule = new Disc003NoAnnualRate();

    private static ProductTerms terms(String id, String apr, List<String> periodic) {
        return new ProductTerms(id, "北辰商户贷", apr == null ? null : new BigDecimal(apr), null, periodic, null, 12,
                Repayment.INTEREST_MONTHLY, null, List.of(), "body > table", "贷款利率 月利率0.45%");
    }

    @Test
    void aPageShowingOnlyAMonthlyRateIsFlagged() {
        List<Finding> findings = new BankCase().product("prod-shangdai", terms("prod-shangdai", null, List.of("月利率0.45%")))
                .run(rule);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Subject.product("prod-shangdai"), f.subject());
        assertEquals(Severity.MEDIUM, f.severity());
        assertTrue(f.title().contains("月利率0.45%"), f.title());
        assertEquals("1", f.metrics().get("periodicRates"));
        assertEquals("body > table", f.evidence().get(0).locator());
        assertEquals("sha-prod-shangdai", f.evidence().get(0).sha256());
    }

    @Test
    void aPageWithNoRateAtAllIsFlagged() {
        List<Finding> findings = new BankCase().product("p", terms("p", null, List.of())).run(rule);
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).title().contains("no annualized rate"), findings.get(0).title());
    }

    @Test
    void aPageWithAnAnnualRateIsInOrderEvenWithADailyRateBesideIt() {
        assertEquals(List.of(), new BankCase().product("p", terms("p", "4.35", List.of("日利率0.012%"))).run(rule));
    }

    @Test
    void aPageWithNoReadableProductSaysSoAsInfo() {
        List<Finding> findings = new BankCase().product("p", null).run(rule);
        assertEquals(1, findings.size());
        assertEquals(Severity.INFO, findings.get(0).severity());
    }
}
