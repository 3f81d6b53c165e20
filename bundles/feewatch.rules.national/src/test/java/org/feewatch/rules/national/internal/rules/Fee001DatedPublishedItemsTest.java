package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.BankCase.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.feewatch.api.Finding;
import org.junit.jupiter.api.Test;

/**
 * FEE-001 on a published catalogue item that states dates: judged as published on the case's asOf (the
 * audit date), the rows in force then and the waivers in force then; the evidence names the dated row.
 */
class Fee001DatedPublishedItemsTest {

    private final Fee001ProhibitedFee rule = new Fee001ProhibitedFee();

    private static List<Finding> run(String asOf, BankCase.Row... rows) {
        BankCase c = new BankCase().catalogue("cat", rows);
        c.asOf = LocalDate.parse(asOf);
        return c.run(new Fee001ProhibitedFee());
    }

    private static String evidence(Finding f) {
        return f.evidence().get(0).text();
    }

    @Test
    void aWaiverForAPeriodExemptsOnlyWithinIt() {
        BankCase.Row waived = row("资金管理费", "资金监管", "每笔1000元", "2023年1月1日至2023年12月31日，对小微企业免收");
        assertEquals(List.of(), run("2023-06-30", waived), "in force on the audit date");
        assertEquals(List.of(), run("2023-12-31", waived), "its last day is in the period");
        List<Finding> expired = run("2024-06-30", waived);
        assertEquals(1, expired.size(), "an expired waiver no longer exempts");
        assertEquals("cat:资金管理费", expired.get(0).subject().id());
        assertTrue(evidence(expired.get(0)).endsWith(
                "（2023-01-01至2023-12-31优惠：小微企业免收; not in force on the audit date 2024-06-30）"),
                evidence(expired.get(0)));
        assertTrue(expired.get(0).title().endsWith("does not exempt them on the audit date 2024-06-30"),
                expired.get(0).title());
        assertEquals(1, run("2022-12-31", waived).size(), "nor does one that starts later");
    }

    @Test
    void aWaiverForEveryoneForAPeriodExemptsWithinIt() {
        BankCase.Row waived = row("资金管理费", "资金监管", "每笔1000元", "2023年1月1日至2023年12月31日免收");
        assertEquals(List.of(), run("2023-06-30", waived));
        assertEquals(1, run("2024-01-01", waived).size());
    }

    @Test
    void aWaiverThatStartsAfterTheAuditDateDoesNotExemptYet() {
        BankCase.Row later = row("资金管理费", "资金监管", "每笔1000元", "自2024年1月1日起对小微企业免收");
        assertEquals(1, run("2023-06-30", later).size());
        assertEquals(List.of(), run("2024-01-01", later));
    }

    @Test
    void theRowInForceOnTheAuditDateIsJudged() {
        BankCase.Row old = row("贷款承诺费", "承诺贷款", "按承诺金额的1%收取", "2022年1月1日至2022年12月31日");
        BankCase.Row free = row("贷款承诺费", "承诺贷款", "免费", "2023年1月1日起执行");
        assertEquals(List.of(), run("2023-06-30", old, free), "the row in force charges nobody");
        List<Finding> f = run("2022-06-30", old, free);
        assertEquals(1, f.size());
        assertEquals(1, f.get(0).evidence().size(), "only the row in force then");
        assertTrue(evidence(f.get(0)).endsWith("按承诺金额的1%收取 市场调节价 2022年1月1日至2022年12月31日（2022-01-01至2022-12-31执行）"),
                evidence(f.get(0)));
    }

    @Test
    void aPriceNotYetInForceOnTheAuditDateIsNotJudgedYet() {
        BankCase.Row later = row("资金管理费", "资金监管", "每笔1000元", "2024年1月1日起执行");
        assertEquals(List.of(), run("2023-06-30", later));
        assertEquals(1, run("2024-06-30", later).size());
    }

    @Test
    void datesInNumeralsAreRead() {
        BankCase.Row waived = row("资金管理费", "资金监管", "每笔1000元", "二〇二三年一月一日至二〇二三年十二月三十一日，对小微企业免收");
        assertEquals(List.of(), run("2023-06-30", waived));
        assertEquals(1, run("2024-06-30", waived).size());
    }

    @Test
    void anUndatedItemIsJudgedAsBefore() {
        assertEquals(List.of(), run("2030-01-01", row("资金管理费", "资金监管", "每笔1000元", "对小微企业免收")),
                "an undated waiver for small and micro borrowers is their standing exemption");
        List<Finding> half = run("2030-01-01", row("资金管理费", "资金监管", "每笔1000元", "减半收取"));
        assertEquals(1, half.size(), "a discount is no exemption");
        assertTrue(evidence(half.get(0)).endsWith("每笔1000元 市场调节价 减半收取"), "no note: " + evidence(half.get(0)));
        assertTrue(half.get(0).title().endsWith("does not exempt them"), half.get(0).title());
        assertEquals(List.of(), run("2030-01-01", row("资金管理费", "资金监管", "每笔1000元", "暂免收取")),
                "a waiver for everyone without a period charges nobody");
    }
}
