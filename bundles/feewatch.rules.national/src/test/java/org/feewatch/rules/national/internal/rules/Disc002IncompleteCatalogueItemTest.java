package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.BankCase.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

class Disc002IncompleteCatalogueItemTest {

    private final Disc002IncompleteCatalogueItem rule = new Disc002IncompleteCatalogueItem();

    @Test
    void demoCatalogueFlagsTheItemWithoutPriceAndTheItemWithoutContent() {
        Map<Subject, Finding> findings = BankCase.bySubject(DemoCatalogue.newCase().run(rule));
        assertEquals(2, findings.size(), findings.keySet().toString());
        Finding noPrice = findings.get(Subject.feeItem("bank-catalog", "贷款意向书"));
        assertEquals(Severity.MEDIUM, noPrice.severity());
        assertEquals("Published item 贷款意向书 has no price standard", noPrice.title());
        assertEquals("table > tbody > tr:nth-child(8)", noPrice.evidence().get(0).locator());
        assertEquals("sha-bank-catalog", noPrice.evidence().get(0).sha256());
        assertTrue(noPrice.evidence().get(0).text().contains("贷款意向书"));
        Finding noContent = findings.get(Subject.feeItem("bank-catalog", "银团贷款代理费"));
        assertEquals("Published item 银团贷款代理费 has no service content (收费标准: 每年不超过50000元)", noContent.title());
        assertTrue(noContent.title().contains("银团贷款代理费"), noContent.title());
    }

    @Test
    void textsThatStateNoPriceAreFlaggedButNegotiatedAndFreeAreNot() {
        List<Finding> findings = new BankCase().catalogue("cat",
                row("票据代理贴现服务费", "代理客户办理票据贴现", "详询营业网点", null),
                row("非融资性保函手续费", "开立投标、履约等非融资性保函", "协议定价", null),
                row("企业网上银行服务", "提供企业网上银行查询、转账等服务", "免费", null),
                row("账户管理费", null, "每户每年100元", "小微企业免收"),
                row("某项服务费", "  ", "  ", null)).run(rule);
        Map<Subject, Finding> bySubject = BankCase.bySubject(findings);
        assertEquals(3, findings.size(), bySubject.keySet().toString());
        assertEquals("Published item 票据代理贴现服务费 has no price standard (收费标准: 详询营业网点)",
                bySubject.get(Subject.feeItem("cat", "票据代理贴现服务费")).title());
        assertTrue(bySubject.get(Subject.feeItem("cat", "账户管理费")).title().contains("has no service content"));
        assertEquals("Published item 某项服务费 has no price standard and no service content",
                bySubject.get(Subject.feeItem("cat", "某项服务费")).title());
    }

    @Test
    void failedCataloguesAndOtherOwnersAreNotJudged() {
        BankCase c = new BankCase().failedCatalogue("bank-catalog", "timeout");
        assertEquals(List.of(), c.run(rule));
    }
}
