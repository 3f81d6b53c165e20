package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.PartnerCase.fee;
import static org.feewatch.rules.national.internal.rules.PartnerCase.percent;
import static org.feewatch.rules.national.internal.rules.PartnerCase.percentRange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.Policy;
import org.feewatch.api.Price;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

class Part002PartnerExcessiveChargesTest {

    private final Part002PartnerExcessiveCharges rule = new Part002PartnerExcessiveCharges();

    @Test
    void aGuaranteeFeeAtThePolicyCapIsNotExcessive() {
        // 1.0 % of 500 000 a year, paid once a year on a 2-year loan: exactly the cap
        Map<Subject, Finding> findings = new PartnerCase().partner("P01", PartnerStatus.ACTIVE)
                .loan("L1", BorrowerType.MEDIUM, "500000", "2023-01-10", "2025-01-10", 5, 4.5, "3.65",
                        fee("P01", "担保费", "5000.00", FeeTiming.ANNUAL))
                .run(rule);
        assertTrue(findings.isEmpty());
    }

    @Test
    void theChargedRateIsEveryFeeOfThatKindOverTheLifeDividedByPrincipalAndYears() {
        // 0.6 % upfront + 0.05 % a month for 24 months = 1.8 % over 2 years = 0.9 % a year: under the cap;
        // with 0.1 % a month it is 3.0 % over 2 years = 1.5 % a year: over
        PartnerCase under = new PartnerCase().partner("P01", PartnerStatus.ACTIVE)
                .loan("L1", BorrowerType.LARGE, "100000", "2023-01-10", "2025-01-10", 5, 4.5, "3.65",
                        fee("P01", "担保费", "600", FeeTiming.UPFRONT), fee("P01", "保证费", "50", FeeTiming.MONTHLY));
        assertTrue(under.run(rule).isEmpty());
        PartnerCase over = new PartnerCase().partner("P01", PartnerStatus.ACTIVE)
                .loan("L1", BorrowerType.LARGE, "100000", "2023-01-10", "2025-01-10", 5, 4.5, "3.65",
                        fee("P01", "担保费", "600", FeeTiming.UPFRONT), fee("P01", "保证费", "100", FeeTiming.MONTHLY));
        Finding f = over.run(rule).get(Subject.partner("P01"));
        assertEquals("1.5000", f.metrics().get("chargedRate"));
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(Action.TERMINATE_PARTNERSHIP, f.action());
        assertEquals("Partner charges are excessive: partner P01 P01 有限公司", f.title());
        assertEquals(1, f.evidence().size());
        assertEquals("loan L1: P01 担保费 600 upfront, 保证费 100 monthly; a guarantee fee of 1.5000 % a year"
                + " (3000 over 24 months on 100000), above the policy cap of 1.0 %", f.evidence().get(0).text());
    }

    @Test
    void anInsuranceFeeIsJudgedAgainstItsOwnCap() {
        PartnerCase c = new PartnerCase().partner("P03", PartnerStatus.ACTIVE)
                .loan("L1", BorrowerType.LARGE, "100000", "2023-01-10", "2024-01-10", 5, 4.5, "3.65",
                        fee("P03", "保证保险费", "1500", FeeTiming.UPFRONT));
        c.policy = new Policy(300, new BigDecimal("1.0"), new BigDecimal("2.0"), new BigDecimal("0.10"));
        assertTrue(c.run(rule).isEmpty());
        c.policy = new Policy(300, new BigDecimal("2.0"), new BigDecimal("1.2"), new BigDecimal("0.10"));
        assertEquals("1.5000", c.run(rule).get(Subject.partner("P03")).metrics().get("chargedRate"));
    }

    @Test
    void aPublishedRateIsReadPerYearAndJudgedWithoutAnyLoan() {
        Finding f = new PartnerCase().partner("P03", PartnerStatus.PROSPECTIVE)
                .schedule("P03", "担保费", percentRange("0.5", "1.5", Price.Period.PER_YEAR),
                        "保险费", percent("0.1", Price.Period.PER_MONTH))
                .run(rule).get(Subject.partner("P03"));
        assertEquals(Action.REJECT_PARTNER, f.action());
        // the range's upper end 1.5 % a year, and 0.1 % a month = 1.2 % a year
        assertEquals(2, f.evidence().size());
        assertTrue(f.evidence().get(0).text().startsWith("担保费"), f.evidence().toString());
        assertTrue(f.evidence().get(1).text().startsWith("保险费"), f.evidence().toString());
        assertEquals("1.5", f.metrics().get("publishedRate"));
    }

    @Test
    void aPublishedRateUnderTheCapIsAllowed() {
        assertTrue(new PartnerCase().partner("P01", PartnerStatus.ACTIVE)
                .schedule("P01", "担保费", percent("0.8", Price.Period.PER_YEAR)).run(rule).isEmpty());
    }

    @Test
    void partnerFeesThatLiftASmallLoanOverTheRate003LineAreExcessive() {
        // line = 3.65 + 3.00 = 6.65; all-in 9.52 with the partner, 4.80 without
        Finding f = new PartnerCase().partner("P02", PartnerStatus.ACTIVE)
                .loan("L0003", BorrowerType.INDIVIDUAL_BUSINESS, "348000.00", "2023-06-09", "2024-06-09", 9.5166,
                        4.80, "3.65", fee("P02", "平台服务费", "696.00", FeeTiming.MONTHLY))
                .run(rule).get(Subject.partner("P02"));
        assertEquals("6.65", f.metrics().get("line"));
        assertEquals("9.5166", f.metrics().get("apr"));
        assertEquals(Severity.HIGH, f.severity());
        assertTrue(f.evidence().get(0).text().contains("all-in APR is 9.5166 %, over the line of 6.65 %"),
                f.evidence().get(0).text());
    }

    @Test
    void whenTheBankAloneIsOverTheLineThePartnerIsNotBlamed() {
        assertTrue(new PartnerCase().partner("P02", PartnerStatus.ACTIVE)
                .loan("L1", BorrowerType.MICRO, "100000", "2023-06-09", "2024-06-09", 9.5, 7.0, "3.65",
                        fee("P02", "平台服务费", "100", FeeTiming.MONTHLY))
                .run(rule).isEmpty());
    }

    @Test
    void theAprTestAppliesOnlyToSmallAndMicroLoans() {
        assertTrue(new PartnerCase().partner("P02", PartnerStatus.ACTIVE)
                .loan("L1", BorrowerType.MEDIUM, "100000", "2023-06-09", "2024-06-09", 9.5, 4.8, "3.65",
                        fee("P02", "平台服务费", "100", FeeTiming.MONTHLY))
                .run(rule).isEmpty());
    }

    @Test
    void withoutAnLprTheAprTestSaysSoAsInfo() {
        Finding f = new PartnerCase().partner("P02", PartnerStatus.ACTIVE)
                .loan("L1", BorrowerType.MICRO, "100000", "2031-06-09", "2032-06-09", 9.5, 4.8, null,
                        fee("P02", "平台服务费", "100", FeeTiming.MONTHLY))
                .run(rule).get(Subject.loan("L1"));
        // said about the loan, so that it never merges into (or retitles) a partner's breach
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.title().contains("no 1-year LPR"));
    }
}
