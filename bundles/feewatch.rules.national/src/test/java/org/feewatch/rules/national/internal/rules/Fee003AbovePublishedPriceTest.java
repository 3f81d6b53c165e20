package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.BankCase.bankFee;
import static org.feewatch.rules.national.internal.rules.BankCase.fee;
import static org.feewatch.rules.national.internal.rules.BankCase.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

class Fee003AbovePublishedPriceTest {

    private final Fee003AbovePublishedPrice rule = new Fee003AbovePublishedPrice();

    private static List<String> flagged(List<Finding> findings) {
        return findings.stream().map(f -> f.subject().id()).toList();
    }

    @Test
    void chargesAboveThePublishedPriceOnThePrincipalAreFlagged() {
        List<Finding> findings = DemoCatalogue.newCase()
                // 1 % of the commitment amount against a published 0.5 %
                .loan("L37", BorrowerType.MEDIUM, "15550000.00", "2023-02-12", "2024-02-12", bankFee("贷款承诺费", "155500.00"))
                // within 0.5 %
                .loan("L13", BorrowerType.MEDIUM, "3910000.00", "2022-10-28", "2025-10-28", bankFee("贷款承诺费", "15640.00"))
                // exactly 0.5 %
                .loan("L14", BorrowerType.MEDIUM, "3910000.00", "2022-10-28", "2025-10-28", bankFee("贷款承诺费", "19550.00"))
                // 30000 against 每笔不超过20000元
                .loan("L42", BorrowerType.MEDIUM, "17840000.00", "2023-01-10", "2026-01-10", bankFee("财务顾问费", "30000.00"))
                // 0.8 % against the range 0.3 %-1 %
                .loan("L5", BorrowerType.LARGE, "96030000.00", "2022-12-21", "2025-12-21", bankFee("银团贷款安排费", "768240.00"))
                .run(rule);
        assertEquals(List.of("L37", "L42"), flagged(findings));
        Finding f = findings.get(0);
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("155500.00", f.metrics().get("charged"));
        assertEquals("77750.00", f.metrics().get("published"));
        assertEquals("77750.00", f.metrics().get("excess"));
        assertTrue(f.title().contains("按承诺金额的0.5%收取"), f.title());
        assertEquals(List.of("bank-catalog", "loans.jsonl"), f.evidence().stream().map(e -> e.source()).sorted().toList());
        assertEquals("20000.00", findings.get(1).metrics().get("published"));
    }

    @Test
    void anExemptionForSmallAndMicroBorrowersIsAPriceOfZeroForThem() {
        List<Finding> findings = DemoCatalogue.newCase()
                .loan("L1", BorrowerType.SMALL, "1000000", "2023-01-01", "2024-01-01", bankFee("资信证明", "200.00"))
                .loan("L2", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2024-01-01", bankFee("资信证明", "200.00"))
                // 财务顾问费 applies only to large and medium enterprises
                .loan("L3", BorrowerType.MICRO, "1000000", "2023-01-01", "2024-01-01", bankFee("财务顾问费", "100.00"))
                .run(rule);
        assertEquals(List.of("L1", "L3"), flagged(findings));
        assertTrue(findings.get(0).title().contains("exemption"), findings.get(0).title());
        assertEquals("0.00", findings.get(0).metrics().get("published"));
    }

    @Test
    void annualRatesAreCountedPerYearAndChargesOverTheLoanLife() {
        List<Finding> findings = new BankCase().catalogue("cat",
                row("非融资性保函手续费", "开立保函", "按保函金额的年费率1%收取，每笔最低300元", null),
                row("贷款承诺费", "承诺", "年费率0.5%", null))
                // two years at 1 %: 20000 allowed, 2 × 10000 charged annually
                .loan("L1", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2025-01-01",
                        fee("BANK-A", "非融资性保函手续费", "10000", FeeTiming.ANNUAL))
                // 25 months: three years begun, 30000 allowed, charged 3 × 10000.01
                .loan("L2", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2025-02-01",
                        fee("BANK-A", "非融资性保函手续费", "10000.01", FeeTiming.ANNUAL))
                // the minimum of 300 applies to a small guarantee
                .loan("L3", BorrowerType.MEDIUM, "10000", "2023-01-01", "2024-01-01", bankFee("非融资性保函手续费", "300"))
                // monthly charge of 0.05 % against 0.5 % a year: 12 × 500 = 6000 > 5000
                .loan("L4", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2024-01-01",
                        fee("BANK-A", "贷款承诺费", "500", FeeTiming.MONTHLY))
                .run(rule);
        assertEquals(List.of("L2", "L4"), flagged(findings));
        assertEquals("30000.03", findings.get(0).metrics().get("charged"));
        assertEquals("6000", findings.get(1).metrics().get("charged"));
    }

    @Test
    void freeIsZeroAndNegotiatedOrUnstatedPricesGiveNoBound() {
        List<Finding> findings = new BankCase().catalogue("cat",
                row("企业网上银行服务", "网银", "免费", null),
                row("非融资性保函手续费", "保函", "协议定价", null),
                row("贷款意向书", "意向书", "", null),
                row("票据代理贴现服务费", "贴现", "详询营业网点", null))
                .loan("L1", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2024-01-01", bankFee("企业网上银行服务", "1"))
                .loan("L2", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2024-01-01", bankFee("保函手续费", "99999"),
                        bankFee("贷款意向书", "99999"), bankFee("票据代理贴现服务费", "99999"))
                .run(rule);
        assertEquals(List.of("L1"), flagged(findings));
    }

    @Test
    void unpublishedItemsAndPartnerFeesAreLeftToOtherRules() {
        List<Finding> findings = DemoCatalogue.newCase()
                .loan("L1", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2024-01-01", bankFee("资料工本费", "99999"),
                        fee("P01", "贷款承诺费", "99999", FeeTiming.UPFRONT))
                .run(rule);
        assertEquals(List.of(), findings);
    }

    @Test
    void anUnreadableCatalogueGivesOneInfoFinding() {
        List<Finding> findings = new BankCase().failedCatalogue("bank-catalog", "HTTP 500")
                .loan("L1", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2024-01-01", bankFee("贷款承诺费", "99999"))
                .run(rule);
        assertEquals(1, findings.size());
        assertEquals(Severity.INFO, findings.get(0).severity());
        assertEquals(Subject.source("bank-catalog"), findings.get(0).subject());
    }
}
