package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.BankCase.bankFee;
import static org.feewatch.rules.national.internal.rules.BankCase.fee;
import static org.feewatch.rules.national.internal.rules.BankCase.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

class Fee001ProhibitedFeeTest {

    private final Fee001ProhibitedFee rule = new Fee001ProhibitedFee();

    @Test
    void demoCatalogueFlagsOnlyTheCommitmentFeeWithoutExemption() {
        List<Finding> findings = DemoCatalogue.newCase().run(rule);
        assertEquals(1, findings.size(), findings.toString());
        Finding f = findings.get(0);
        assertEquals(Subject.feeItem("bank-catalog", "贷款承诺费"), f.subject());
        assertEquals(Severity.CRITICAL, f.severity());
        assertTrue(f.title().contains("贷款承诺费 (commitment fee)"), f.title());
        assertEquals("sha-bank-catalog", f.evidence().get(0).sha256());
        assertTrue(f.citations().stream().anyMatch(c -> c.contains("18号")), f.citations().toString());
    }

    @Test
    void everyProhibitedKindIsFlaggedOnASmallOrMicroLoan() {
        BankCase c = DemoCatalogue.newCase();
        String[] items = {"贷款承诺费", "法人账户透支承诺费", "资金管理费", "信贷资信证明费", "提前还款违约金", "延迟用款违约金",
            "信贷资金受托支付划拨费"};
        BorrowerType[] types = {BorrowerType.MICRO, BorrowerType.SMALL, BorrowerType.INDIVIDUAL_BUSINESS,
            BorrowerType.MICRO_OWNER};
        for (int i = 0; i < items.length; i++) {
            c.loan("L" + i, types[i % types.length], "1000000", "2023-01-01", "2024-01-01", bankFee(items[i], "100.00"));
        }
        List<Finding> findings = c.run(rule).stream().filter(f -> f.subject().type() == Subject.loan("x").type()).toList();
        assertEquals(items.length, findings.size());
        for (Finding f : findings) {
            assertEquals(Severity.CRITICAL, f.severity());
            assertEquals("line " + (Integer.parseInt(f.subject().id().substring(1)) + 1), f.evidence().get(0).locator());
        }
    }

    @Test
    void largeAndMediumBorrowersAndPartnerFeesAreNotThisRule() {
        List<Finding> findings = new BankCase()
                .loan("L1", BorrowerType.MEDIUM, "3910000", "2022-10-28", "2025-10-28", bankFee("贷款承诺费", "15640"))
                .loan("L2", BorrowerType.LARGE, "3910000", "2022-10-28", "2025-10-28", bankFee("资金管理费", "15640"))
                .loan("L3", BorrowerType.MICRO, "342000", "2023-03-06", "2026-03-06",
                        fee("P02", "资金管理费", "1710", FeeTiming.UPFRONT), bankFee("贷款意向书", "100"))
                .run(rule);
        assertEquals(List.of(), findings);
    }

    @Test
    void aLoanContractedBeforeTheProhibitionIsNotFlagged() {
        List<Finding> findings = new BankCase()
                .loan("L1", BorrowerType.MICRO, "1000000", "2020-05-31", "2021-05-31", bankFee("资金管理费", "1000"))
                .loan("L2", BorrowerType.MICRO, "1000000", "2020-06-01", "2021-06-01", bankFee("资金管理费", "1000"))
                .run(rule);
        assertEquals(List.of("L2"), findings.stream().map(f -> f.subject().id()).toList());
    }

    @Test
    void loanFindingShowsWhatWasCharged() {
        Finding f = new BankCase()
                .loan("L47", BorrowerType.MICRO, "342000", "2023-03-06", "2026-03-06", bankFee("贷款承诺费", "1368.00"))
                .run(rule).get(0);
        assertEquals(Subject.loan("L47"), f.subject());
        assertEquals("1368.00", f.metrics().get("amount"));
        assertTrue(f.title().contains("贷款承诺费 (commitment fee)") && f.title().contains("micro"), f.title());
        assertTrue(f.evidence().get(0).text().contains("贷款承诺费 1368.00"), f.evidence().get(0).text());
    }

    @Test
    void publishedItemsExemptingSmallAndMicroBorrowersAreNotFlagged() {
        Map<Subject, Finding> findings = BankCase.bySubject(new BankCase().catalogue("cat",
                row("贷款承诺费", "承诺提供贷款", "按承诺金额的0.5%收取", "仅适用于大中型企业客户"),
                row("资信证明", "出具资信证明书", "每份200元", "小微企业免收"),
                row("提前还款违约金", "提前还款", "按提前还款金额的1%收取", "对小微企业免收"),
                row("资金管理费", "管理资金", "按贷款金额的0.1%收取", null),
                row("授信承诺费", "承诺授信", "按承诺金额的0.3%收取", "小微企业按5折收取"),
                row("贷款意向书", "出具贷款意向书", "每份100元", null),
                row("信贷资金受托支付划拨费", "受托支付划拨", "取消收费", null),
                row("法人账户透支承诺费", "透支承诺", "免费", null)).run(rule));
        assertEquals(2, findings.size(), findings.keySet().toString());
        assertTrue(findings.containsKey(Subject.feeItem("cat", "资金管理费")));
        assertTrue(findings.containsKey(Subject.feeItem("cat", "授信承诺费")), "a discount is not an exemption");
    }
}
