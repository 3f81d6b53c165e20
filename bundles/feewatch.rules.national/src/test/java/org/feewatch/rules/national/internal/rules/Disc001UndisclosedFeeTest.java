package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.BankCase.bankFee;
import static org.feewatch.rules.national.internal.rules.BankCase.fee;
import static org.feewatch.rules.national.internal.rules.BankCase.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.Evidence;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.SubjectType;
import org.junit.jupiter.api.Test;

class Disc001UndisclosedFeeTest {

    private final Disc001UndisclosedFee rule = new Disc001UndisclosedFee();

    @Test
    void aBankFeeMissingFromTheCatalogueIsFlaggedWithTheLoanLineAndTheCatalogue() {
        List<Finding> findings = DemoCatalogue.newCase()
                .loan("L1", BorrowerType.SMALL, "2170000.00", "2023-09-18", "2024-09-18", bankFee("资料工本费", "200.00"))
                .run(rule);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("DISC-001", f.rule());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(Subject.loan("L1"), f.subject());
        assertTrue(f.title().contains("资料工本费"), f.title());
        assertEquals("200.00", f.metrics().get("amount"));
        assertEquals("10", f.metrics().get("publishedItems"));
        Evidence line = f.evidence().stream().filter(e -> e.source().equals("loans.jsonl")).findFirst().orElseThrow();
        assertEquals("line 1", line.locator());
        assertTrue(line.text().contains("资料工本费 200.00"), line.text());
        Evidence page = f.evidence().stream().filter(e -> e.source().equals("bank-catalog")).findFirst().orElseThrow();
        assertEquals("sha-bank-catalog", page.sha256());
        assertEquals(List.of("银监发〔2012〕3号（四公开：收费项目公开）",
                "商业银行服务价格管理办法（中国银监会、国家发展改革委令2014年第1号）"), f.citations());
    }

    @Test
    void publishedItemsMatchBySynonymNotByTheExactName() {
        List<Finding> findings = DemoCatalogue.newCase()
                .loan("L1", BorrowerType.MEDIUM, "27200000", "2023-07-10", "2025-07-10", bankFee("信贷资信证明费", "200"))
                .loan("L2", BorrowerType.MEDIUM, "3910000", "2022-10-28", "2025-10-28", bankFee("授信承诺费", "15640"))
                .loan("L3", BorrowerType.MEDIUM, "29480000", "2022-09-01", "2025-09-01", bankFee("融资顾问费", "5000"))
                .run(rule);
        assertEquals(List.of(), findings);
    }

    @Test
    void aProhibitedItemNotPublishedIsAlsoUndisclosed() {
        List<Finding> findings = DemoCatalogue.newCase()
                .loan("L20", BorrowerType.SMALL, "1610000", "2022-12-24", "2024-12-24", bankFee("资金管理费", "4830.00"))
                .loan("L53", BorrowerType.SMALL, "2960000", "2023-01-02", "2026-01-02", bankFee("抵押登记费", "550.00"))
                .run(rule);
        assertEquals(List.of("L20", "L53"), findings.stream().map(f -> f.subject().id()).toList());
    }

    @Test
    void partnerFeesAndBundledProductsAreNotBankFees() {
        List<Finding> findings = DemoCatalogue.newCase()
                .loan("L1", BorrowerType.MICRO, "208000", "2023-03-19", "2026-03-19",
                        fee("P02", "押品评估费", "624.00", FeeTiming.UPFRONT))
                .run(rule);
        assertEquals(List.of(), findings);
    }

    @Test
    void anUnknownItemIsPublishedWhenTheCatalogueHasTheSameName() {
        List<Finding> findings = new BankCase()
                .catalogue("cat", row("票据鉴定服务费", "鉴定票据真伪", "每张10元", null))
                .loan("L1", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2024-01-01", bankFee("票据鉴定服务费", "10"),
                        bankFee("票据保管费", "10"))
                .run(rule);
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).title().contains("票据保管费") && !findings.get(0).title().contains("票据鉴定服务费"),
                findings.get(0).title());
    }

    @Test
    void severalUndisclosedFeesOnOneLoanMakeOneFinding() {
        List<Finding> findings = DemoCatalogue.newCase()
                .loan("L1", BorrowerType.MEDIUM, "27410000", "2022-09-21", "2024-09-21", bankFee("贷款展期手续费", "2000"),
                        fee("BANK-A", "资料工本费", "100", FeeTiming.ANNUAL))
                .run(rule);
        assertEquals(1, findings.size());
        assertEquals("2200", findings.get(0).metrics().get("amount"), "the annual fee is paid in months 0 and 12");
        assertEquals(3, findings.get(0).evidence().size());
    }

    @Test
    void anUnreadableCatalogueGivesOneInfoFindingInsteadOfFlaggingEveryFee() {
        List<Finding> findings = new BankCase()
                .failedCatalogue("bank-catalog", "HTTP 404")
                .loan("L1", BorrowerType.SMALL, "1000000", "2023-01-01", "2024-01-01", bankFee("资料工本费", "200"))
                .loan("L2", BorrowerType.SMALL, "1000000", "2023-01-01", "2024-01-01", bankFee("贷款承诺费", "200"),
                        bankFee("资信证明", "200"))
                .loan("L3", BorrowerType.SMALL, "1000000", "2023-01-01", "2024-01-01")
                .run(rule);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Severity.INFO, f.severity());
        assertEquals(new Subject(SubjectType.SOURCE, "bank-catalog"), f.subject());
        assertEquals("3", f.metrics().get("feesNotJudged"));
        assertEquals("2", f.metrics().get("loansNotJudged"));
        assertTrue(f.evidence().get(0).text().contains("HTTP 404"));
    }

    @Test
    void noCatalogueAndNoBankFeesGiveNothing() {
        assertEquals(List.of(), new BankCase()
                .loan("L1", BorrowerType.SMALL, "1000000", "2023-01-01", "2024-01-01").run(rule));
    }
}
