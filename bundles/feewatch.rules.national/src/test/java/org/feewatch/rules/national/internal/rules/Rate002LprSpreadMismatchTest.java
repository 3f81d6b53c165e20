package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.PricingCase.loan;
import static org.feewatch.rules.national.internal.rules.PricingCase.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.junit.jupiter.api.Test;

class Rate002LprSpreadMismatchTest {

    private final Rate002LprSpreadMismatch rule = new Rate002LprSpreadMismatch();

    @Test
    void rateMatchingLprPlusSpreadPasses() {
        // 2023-06-20 is a publication day: the new 3.55 applies
        assertTrue(new PricingCase().add(loan().lpr("1Y", 100, "4.55").dates("2023-06-20", "2026-06-20"))
                .run(rule).isEmpty());
    }

    @Test
    void publicationDayUsesTheNewFixing() {
        Finding f = only(new PricingCase().add(loan().id("L0029").lpr("1Y", 100, "4.65")
                .dates("2023-06-20", "2025-06-20")).run(rule));
        assertEquals(Severity.MEDIUM, f.severity());
        assertEquals("3.55", f.metrics().get("lpr"));
        assertEquals("4.55", f.metrics().get("expectedRate"));
        assertEquals("10", f.metrics().get("differenceBp"));
        assertEquals("Contract rate 4.65 % differs from 1Y LPR 3.55 % (fixing of 2023-06-20) + 100 bp = 4.55 % by 10 bp",
                f.title());
    }

    @Test
    void fiveYearLoansUseTheFiveYearFigureAndNegativeSpreads() {
        assertTrue(new PricingCase().add(loan().lpr("5Y", -5, "4.25").dates("2023-02-11", "2028-02-11"))
                .run(rule).isEmpty());
        Finding f = only(new PricingCase().add(loan().lpr("5Y", -5, "4.30").dates("2023-02-11", "2028-02-11"))
                .run(rule));
        assertEquals("4.30", f.metrics().get("lpr"));
        assertTrue(f.title().contains("5Y LPR 4.30 %"), f.title());
        assertTrue(f.title().contains("− 5 bp = 4.25 %"), f.title());
    }

    @Test
    void toleranceIsHalfABasisPoint() {
        assertTrue(new PricingCase().add(loan().lpr("1Y", 50, "4.155").dates("2023-03-15", "2024-03-15"))
                .run(rule).isEmpty());
        assertEquals("0.6", only(new PricingCase().add(loan().lpr("1Y", 50, "4.156")
                .dates("2023-03-15", "2024-03-15")).run(rule)).metrics().get("differenceBp"));
    }

    @Test
    void contractAfterTheLastKnownFixingIsAnInfoFindingNotAGuess() {
        Finding f = only(new PricingCase().add(loan().lpr("1Y", 50, "3.50").dates("2026-05-06", "2027-05-06"))
                .run(rule));
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.title().contains("no 1Y LPR known for the contract date 2026-05-06"), f.title());
    }

    @Test
    void missingSpreadIsAnInfoFinding() {
        Finding f = only(new PricingCase().add(loan().lpr("1Y", null, "4.15")).run(rule));
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.title().contains("spread"), f.title());
    }

    @Test
    void fixedRateLoansAreNotJudged() {
        assertTrue(new PricingCase().add(loan().fixed("9.99")).run(rule).isEmpty());
    }
}
