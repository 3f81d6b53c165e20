package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.BankCase.bankFee;
import static org.feewatch.rules.national.internal.rules.BankCase.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.Finding;
import org.junit.jupiter.api.Test;

/** FEE-003 against a catalogue that says when its prices and discounts apply: the one in force on the contract date binds. */
class Fee003DatedPricesTest {

    private final Fee003AbovePublishedPrice rule = new Fee003AbovePublishedPrice();

    private static List<String> flagged(List<Finding> findings) {
        return findings.stream().map(f -> f.subject().id()).toList();
    }

    private static String catalogueEvidence(Finding f) {
        return f.evidence().stream().filter(e -> e.source().equals("cat")).findFirst().orElseThrow().text();
    }

    /** 贷款承诺费 listed twice: 1 % in 2022, 0.5 % from 2023 on (an 生效日期 column in the remark). */
    private static BankCase oldAndNew() {
        return new BankCase().catalogue("cat",
                row("贷款承诺费", "承诺贷款", "按承诺金额的1%收取", "2022年1月1日至2022年12月31日"),
                row("贷款承诺费", "承诺贷款", "按承诺金额的0.5%收取", "2023年1月1日起执行"));
    }

    @Test
    void theNewPriceBindsLoansFromItsDateAndTheOldOneLoansBefore() {
        List<Finding> findings = oldAndNew()
                // 0.8 % in 2022: within the 1 % then in force
                .loan("L2022", BorrowerType.MEDIUM, "1000000", "2022-06-01", "2023-06-01", bankFee("贷款承诺费", "8000"))
                // 0.8 % in 2023: above the 0.5 % in force
                .loan("L2023", BorrowerType.MEDIUM, "1000000", "2023-06-01", "2024-06-01", bankFee("贷款承诺费", "8000"))
                // on the first day of the new price
                .loan("L0101", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2024-01-01", bankFee("贷款承诺费", "5001"))
                // on the last day of the old one
                .loan("L1231", BorrowerType.MEDIUM, "1000000", "2022-12-31", "2023-12-31", bankFee("贷款承诺费", "9000"))
                .run(rule);
        assertEquals(List.of("L0101", "L2023"), flagged(findings).stream().sorted().toList());
        Finding f = findings.stream().filter(x -> x.subject().id().equals("L2023")).findFirst().orElseThrow();
        assertEquals("5000.00", f.metrics().get("published"));
        assertTrue(catalogueEvidence(f).endsWith("（2023-01-01起执行）"), catalogueEvidence(f));
        assertTrue(f.title().contains("按承诺金额的0.5%收取）".substring(0, 10)) && f.title().contains("2023-01-01起执行"),
                f.title());
    }

    @Test
    void aLoanBeforeEveryPublishedPeriodIsJudgedAsOnAnUndatedPage() {
        List<Finding> findings = oldAndNew()
                // 2021: no row in force, the most permissive (1 %) bounds as without dates
                .loan("L-ok", BorrowerType.MEDIUM, "1000000", "2021-06-01", "2022-06-01", bankFee("贷款承诺费", "8000"))
                .loan("L-over", BorrowerType.MEDIUM, "1000000", "2021-06-01", "2022-06-01", bankFee("贷款承诺费", "12000"))
                .run(rule);
        assertEquals(List.of("L-over"), flagged(findings));
        assertEquals("10000.00", findings.get(0).metrics().get("published"));
        assertTrue(catalogueEvidence(findings.get(0)).contains("not in force on the contract date 2021-06-01"),
                catalogueEvidence(findings.get(0)));
    }

    /** 资信证明 200 a copy, waived for small and micro borrowers from 2021-09-30 to 2024-09-30 (银发〔2021〕169号). */
    private static BankCase timeLimitedWaiver() {
        return new BankCase().catalogue("cat",
                row("资信证明", "出具资信证明书", "每份200元", "2021年9月30日至2024年9月30日，对小微企业免收"));
    }

    @Test
    void aWaiverBindsOnlyInItsPeriodAndOnlyForSmallAndMicroBorrowers() {
        List<Finding> findings = timeLimitedWaiver()
                .loan("active", BorrowerType.SMALL, "1000000", "2023-03-01", "2024-03-01", bankFee("资信证明", "200"))
                .loan("lastDay", BorrowerType.MICRO, "1000000", "2024-09-30", "2025-09-30", bankFee("资信证明", "200"))
                .loan("expired", BorrowerType.SMALL, "1000000", "2025-03-01", "2026-03-01", bankFee("资信证明", "200"))
                .loan("future", BorrowerType.SMALL, "1000000", "2021-03-01", "2022-03-01", bankFee("资信证明", "200"))
                .loan("medium", BorrowerType.MEDIUM, "1000000", "2023-03-01", "2024-03-01", bankFee("资信证明", "200"))
                .run(rule);
        assertEquals(List.of("active", "lastDay"), flagged(findings).stream().sorted().toList());
        Finding f = findings.stream().filter(x -> x.subject().id().equals("active")).findFirst().orElseThrow();
        assertEquals("0.00", f.metrics().get("published"));
        assertTrue(f.title().contains("exemption for small and micro borrowers（2021-09-30至2024-09-30优惠：小微企业免收）"),
                f.title());
        assertTrue(catalogueEvidence(f).endsWith("（2021-09-30至2024-09-30优惠：小微企业免收）"), catalogueEvidence(f));
    }

    @Test
    void anExpiredWaiverIsCitedAsNotInForce() {
        List<Finding> findings = timeLimitedWaiver()
                .loan("expired", BorrowerType.SMALL, "1000000", "2025-03-01", "2026-03-01", bankFee("资信证明", "250"))
                .run(rule);
        assertEquals(List.of("expired"), flagged(findings));
        assertEquals("200.00", findings.get(0).metrics().get("published"));
        assertTrue(catalogueEvidence(findings.get(0)).contains("not in force on the contract date 2025-03-01"),
                catalogueEvidence(findings.get(0)));
    }

    @Test
    void aDiscountWithOnlyAnEndAppliesUntilItsEnd() {
        List<Finding> findings = new BankCase().catalogue("cat",
                row("财务顾问费", "顾问服务", "每笔20000元", "减半收取，优惠期至2025年12月31日"))
                .loan("during", BorrowerType.MEDIUM, "1000000", "2024-06-01", "2025-06-01", bankFee("财务顾问费", "15000"))
                .loan("after", BorrowerType.MEDIUM, "1000000", "2026-01-01", "2027-01-01", bankFee("财务顾问费", "15000"))
                .run(rule);
        assertEquals(List.of("during"), flagged(findings));
        assertEquals("10000.00", findings.get(0).metrics().get("published"));
        assertTrue(findings.get(0).title().contains("至2025-12-31优惠：减半收取"), findings.get(0).title());
    }

    @Test
    void aDiscountWithoutAPeriodIsInForceOnEveryDay() {
        // 减半收取 with no period is the price the bank publishes now and for as long as the page says so
        List<Finding> findings = new BankCase().catalogue("cat",
                row("财务顾问费", "顾问服务", "每笔20000元", "减半收取"))
                .loan("L1", BorrowerType.MEDIUM, "1000000", "2024-06-01", "2025-06-01", bankFee("财务顾问费", "15000"))
                .loan("L2", BorrowerType.MEDIUM, "1000000", "2024-06-01", "2025-06-01", bankFee("财务顾问费", "10000"))
                .run(rule);
        assertEquals(List.of("L1"), flagged(findings));
        assertEquals("10000.00", findings.get(0).metrics().get("published"));
        assertTrue(findings.get(0).evidence().get(1).text().endsWith("减半收取（优惠：减半收取）"),
                findings.get(0).evidence().get(1).text());
    }

    @Test
    void anUndatedDiscountForSmallAndMicroBorrowersIsTheirsOnly() {
        List<Finding> findings = new BankCase().catalogue("cat",
                row("财务顾问费", "顾问服务", "每笔20000元", "对小微企业减半收取"))
                .loan("small", BorrowerType.SMALL, "1000000", "2024-06-01", "2025-06-01", bankFee("财务顾问费", "15000"))
                .loan("medium", BorrowerType.MEDIUM, "1000000", "2024-06-01", "2025-06-01", bankFee("财务顾问费", "15000"))
                .run(rule);
        assertEquals(List.of("small"), flagged(findings));
    }

    @Test
    void anUndatedDiscountOnAConditionIsNotApplied() {
        List<Finding> findings = new BankCase().catalogue("cat",
                row("财务顾问费", "顾问服务", "每笔20000元", "通过手机银行办理的减半收取"))
                .loan("L1", BorrowerType.MEDIUM, "1000000", "2024-06-01", "2025-06-01", bankFee("财务顾问费", "15000"))
                .run(rule);
        assertEquals(List.of(), findings, "the loan book does not say through which channel the loan came");
    }

    @Test
    void oldAndNewPricesInOnePriceCell() {
        List<Finding> findings = new BankCase().catalogue("cat",
                row("资信证明", "出具资信证明书", "2022年1月1日至2022年12月31日：每份300元；2023年1月1日起：每份200元", null))
                .loan("L2022", BorrowerType.MEDIUM, "1000000", "2022-05-01", "2023-05-01", bankFee("资信证明", "300"))
                .loan("L2023", BorrowerType.MEDIUM, "1000000", "2023-05-01", "2024-05-01", bankFee("资信证明", "300"))
                .run(rule);
        assertEquals(List.of("L2023"), flagged(findings));
        assertEquals("200.00", findings.get(0).metrics().get("published"));
        assertTrue(findings.get(0).title().contains("每份200元") && !findings.get(0).title().contains("300元"),
                findings.get(0).title());
        assertTrue(catalogueEvidence(findings.get(0)).endsWith("（2023-01-01起执行）"), catalogueEvidence(findings.get(0)));
    }

    @Test
    void anUndatedRowBesideDatedOnesAlwaysApplies() {
        List<Finding> findings = new BankCase().catalogue("cat",
                row("贷款承诺费", "承诺贷款", "按承诺金额的0.5%收取", null),
                row("贷款承诺费", "承诺贷款", "按承诺金额的1%收取", "2022年1月1日至2022年12月31日"))
                .loan("L2022", BorrowerType.MEDIUM, "1000000", "2022-06-01", "2023-06-01", bankFee("贷款承诺费", "8000"))
                .loan("L2023", BorrowerType.MEDIUM, "1000000", "2023-06-01", "2024-06-01", bankFee("贷款承诺费", "8000"))
                .run(rule);
        assertEquals(List.of("L2023"), flagged(findings));
    }
}
