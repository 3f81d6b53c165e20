package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.PricingCase.loan;
import static org.feewatch.rules.national.internal.rules.PricingCase.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.SubjectType;
import org.junit.jupiter.api.Test;

class Rate005OnLendingAboveLocalAverageTest {

    private final Rate005OnLendingAboveLocalAverage rule = new Rate005OnLendingAboveLocalAverage();

    /** The demo case's 2023Q2 on-lending loans: weighted 4.720264 %. */
    private static PricingCase q2() {
        return new PricingCase()
                .add(loan().id("L0006").principal("249000.00").dates("2023-04-19", "2026-04-19").lpr("1Y", 105, "4.70").onLending().line(6))
                .add(loan().id("L0024").principal("446000.00").dates("2023-04-08", "2026-04-08").lpr("1Y", 115, "4.80").onLending().line(24))
                .add(loan().id("L0038").principal("716000.00").dates("2023-06-01", "2024-06-01").lpr("1Y", 105, "4.70").onLending().line(38))
                .add(loan().id("L0048").principal("790000.00").dates("2023-06-04", "2026-06-04").lpr("1Y", 105, "4.70").onLending().line(48));
    }

    @Test
    void quarterAboveThePreviousQuartersAverageIsFound() {
        Finding f = only(q2().average("2023Q1", "4.30").average("2023Q2", "9.99").run(rule));
        assertEquals(Subject.portfolio("2023Q2"), f.subject());
        assertEquals(SubjectType.PORTFOLIO, f.subject().type());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("4.720264", f.metrics().get("weightedRate"));
        assertEquals("4", f.metrics().get("loans"));
        assertEquals("2023Q1", f.metrics().get("previousQuarter"));
        assertEquals("4.30", f.metrics().get("benchmark"));
        assertEquals("On-lending rate 4.7203 % in 2023Q2 (4 small and micro loans, principal-weighted) above the "
                + "2023Q1 local average 4.30 % (CN-BJ, rural-commercial)", f.title());
        assertEquals("benchmarks.json", f.evidence().get(0).source());
        assertEquals("line 6", f.evidence().get(1).locator());
        assertEquals(5, f.evidence().size());
    }

    @Test
    void atOrBelowTheAverageGivesNothing() {
        assertTrue(q2().average("2023Q1", "4.720264").run(rule).isEmpty());
        assertTrue(q2().average("2023Q1", "5.00").run(rule).isEmpty());
    }

    @Test
    void averagesOfOtherRegionsOrInstitutionTypesDoNotCount() {
        PricingCase c = q2();
        c.averages.add(new org.feewatch.api.OnLendingAverage("CN-TJ", "2023Q1", "rural-commercial",
                new java.math.BigDecimal("1.00"), "benchmarks.json"));
        c.averages.add(new org.feewatch.api.OnLendingAverage("CN-BJ", "2023Q1", "city-commercial",
                new java.math.BigDecimal("1.00"), "benchmarks.json"));
        Finding f = only(c.run(rule));
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.title().startsWith("RATE-005 not evaluated for 2023Q2: no local average for 2023Q1 (CN-BJ, rural-commercial)"),
                f.title());
    }

    @Test
    void onlySmallAndMicroOnLendingLoansCount() {
        PricingCase c = q2().average("2023Q1", "4.75")
                .add(loan().id("BIG").borrower(BorrowerType.MEDIUM).principal("20000000").fixed("7.80")
                        .dates("2023-05-01", "2025-05-01").onLending())
                .add(loan().id("NOT").principal("20000000").fixed("9.80").dates("2023-05-01", "2025-05-01"));
        assertTrue(c.run(rule).isEmpty());
    }

    @Test
    void quartersAreJudgedSeparatelyAndTheFirstQuarterLooksAtTheYearBefore() {
        PricingCase c = q2().average("2023Q1", "4.30").average("2022Q4", "4.00")
                .add(loan().id("JAN").principal("100000").dates("2023-01-05", "2024-01-05").lpr("1Y", 85, "4.50").onLending());
        Map<Subject, Finding> findings = c.run(rule);
        assertEquals(2, findings.size());
        assertEquals("2022Q4", findings.get(Subject.portfolio("2023Q1")).metrics().get("previousQuarter"));
        assertEquals("4.500000", findings.get(Subject.portfolio("2023Q1")).metrics().get("weightedRate"));
    }

    @Test
    void noSuchLoansGiveNothing() {
        assertTrue(new PricingCase().add(loan()).run(rule).isEmpty());
    }

    @Test
    void quarterNames() {
        assertEquals("2023Q4", Rate005OnLendingAboveLocalAverage.quarterOf(java.time.LocalDate.parse("2023-12-31")));
        assertEquals("2022Q4", Rate005OnLendingAboveLocalAverage.previousQuarter("2023Q1"));
        assertEquals("2023Q2", Rate005OnLendingAboveLocalAverage.previousQuarter("2023Q3"));
    }
}
