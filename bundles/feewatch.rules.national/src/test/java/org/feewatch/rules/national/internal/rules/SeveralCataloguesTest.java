package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.BankCase.bankFee;
import static org.feewatch.rules.national.internal.rules.BankCase.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

/**
 * A bank that publishes several price catalogues (对公 and 个人, or a catalogue and a supplement): the
 * catalogue rules read them together, and each finding cites the catalogue it is about.
 */
class SeveralCataloguesTest {

    /** 对公 catalogue with one incomplete item, 个人 catalogue with another, a supplement that failed. */
    private static BankCase bank() {
        return new BankCase()
                .catalogue("corporate",
                        row("贷款承诺费", "承诺在约定期限内提供贷款", "按承诺金额的0.5%收取", null),
                        row("贷款意向书", "出具贷款意向书", "", null),
                        row("财务顾问费", "融资方案设计", "每笔不超过20000元", null))
                .catalogue("personal",
                        row("个人存款证明", "出具存款证明", "详询营业网点", null),
                        row("财务顾问费", "个人融资顾问", "每笔不超过30000元", null),
                        row("个人账户挂失", "办理挂失", "每次10元", null));
    }

    @Test
    void anIncompleteItemInEachCatalogueIsAFindingWithThatCataloguesEvidence() {
        List<Finding> findings = bank().run(new Disc002IncompleteCatalogueItem());
        assertEquals(List.of(Subject.feeItem("corporate", "贷款意向书"), Subject.feeItem("personal", "个人存款证明")),
                findings.stream().map(Finding::subject).sorted(java.util.Comparator.comparing(Subject::id)).toList());
        for (Finding f : findings) {
            String catalogue = f.subject().id().substring(0, f.subject().id().indexOf(':'));
            assertEquals(List.of(catalogue), f.evidence().stream().map(Evidence::source).toList(), f.toString());
        }
    }

    @Test
    void aFeePublishedInEitherCatalogueIsPublished() {
        List<Finding> findings = bank()
                .loan("L1", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2024-01-01", bankFee("个人账户挂失", "10"))
                .loan("L2", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2024-01-01", bankFee("贷款承诺费", "5000"))
                .run(new Disc001UndisclosedFee());
        assertEquals(List.of(), findings);
    }

    @Test
    void aFeeInNoCatalogueCitesEveryCatalogueWithItsOwnCountAndOneThatCouldNotBeRead() {
        List<Finding> findings = bank().failedCatalogue("supplement", "HTTP 404")
                .loan("L1", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2024-01-01", bankFee("资料工本费", "200"))
                .run(new Disc001UndisclosedFee());
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("6", f.metrics().get("publishedItems"));
        List<String> cited = f.evidence().stream().filter(e -> !e.source().equals("loans.jsonl"))
                .map(e -> e.source() + ": " + e.text()).toList();
        assertEquals(List.of("corporate: none of the 3 published items is 资料工本费",
                "personal: none of the 3 published items is 资料工本费",
                "supplement: could not be read (HTTP 404), so it is not known whether it publishes 资料工本费"), cited);
    }

    @Test
    void aFeeAboveThePriceInEveryCatalogueIsJudgedAgainstTheMostPermissiveOne() {
        List<Finding> findings = bank()
                // 财务顾问费: 20000 in the corporate catalogue, 30000 in the personal one
                .loan("L1", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2024-01-01", bankFee("财务顾问费", "25000"))
                .loan("L2", BorrowerType.MEDIUM, "1000000", "2023-01-01", "2024-01-01", bankFee("财务顾问费", "35000"))
                .run(new Fee003AbovePublishedPrice());
        assertEquals(List.of("L2"), findings.stream().map(f -> f.subject().id()).toList());
        Finding f = findings.get(0);
        assertEquals("30000.00", f.metrics().get("published"));
        assertEquals(List.of("loans.jsonl", "personal"), f.evidence().stream().map(Evidence::source).toList());
    }
}
