package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.PricingCase.loan;
import static org.feewatch.rules.national.internal.rules.PricingCase.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.Repayment;
import org.feewatch.api.Severity;
import org.feewatch.rules.national.internal.PricingLimits;
import org.junit.jupiter.api.Test;

class Rate004JudicialProtectionLineTest {

    private final Rate004JudicialProtectionLine rule = new Rate004JudicialProtectionLine();

    @Test
    void aboveFourTimesLprIsHigh() {
        Finding f = only(new PricingCase().add(loan().id("L0052").borrower(BorrowerType.MEDIUM)
                .fixed("15.60").dates("2023-12-09", "2026-12-09")).run(rule));
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("All-in APR 15.6000 % exceeds 4 × 1Y LPR 3.45 % = 13.80 %", f.title());
        assertEquals("13.80", f.metrics().get("line"));
        assertEquals("15.6000", f.metrics().get("apr"));
    }

    @Test
    void alsoAbove24PercentIsCritical() {
        Finding f = only(new PricingCase().add(loan().id("L0015").principal("674000.00").lpr("1Y", 75, "4.40")
                .dates("2023-06-12", "2024-06-12").fee("P02", "服务费", "100000.00", FeeTiming.UPFRONT)).run(rule));
        assertEquals(Severity.CRITICAL, f.severity());
        assertTrue(f.title().endsWith("= 14.60 % and 24 %"), f.title());
        assertTrue(f.citations().contains("法发〔2017〕22号（24%）"));
    }

    @Test
    void theLinesAreData() {
        PricingLimits tighter = new PricingLimits(new BigDecimal("0.5"), new BigDecimal("1"), new BigDecimal("4"), "test");
        Finding f = only(new PricingCase().add(loan().lpr("1Y", 100, "4.65").repayment(Repayment.INTEREST_MONTHLY))
                .run(new Rate004JudicialProtectionLine(tighter)));
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals("3.65", f.metrics().get("line"));
    }

    @Test
    void belowTheLinePasses() {
        assertTrue(new PricingCase().add(loan().fixed("14.50").dates("2023-03-15", "2024-03-15")
                .repayment(Repayment.INTEREST_MONTHLY)).run(rule).isEmpty());
    }

    @Test
    void contractAfterTheTableGivesInfo() {
        Finding f = only(new PricingCase().add(loan().fixed("30").dates("2026-04-20", "2027-04-20")).run(rule));
        assertEquals(Severity.INFO, f.severity());
    }
}
