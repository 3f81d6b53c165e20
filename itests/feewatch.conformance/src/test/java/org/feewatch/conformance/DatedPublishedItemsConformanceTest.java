package org.feewatch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.feewatch.api.Finding;
import org.feewatch.api.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue and partner schedules whose prices and waivers state their periods, audited as of 2024-06-30:
 * FEE-001, PART-001 and PART-002 judge each published item as it stands on the audit date (an expired
 * waiver no longer exempts, one that starts later does not exempt yet, a price not yet in force does not
 * apply yet, the row in force of an item listed twice binds), and the evidence names the dated row. Every
 * expectation below is worked out by hand from RULES.md and docs/pricing.md.
 */
class DatedPublishedItemsConformanceTest {

    @TempDir
    Path tmp;

    private static String page(String title, String header, String... rows) {
        return DatedPricesConformanceTest.page(title, header, rows);
    }

    private static String loan(String id, String type, String contract, String maturity, String item, String amount) {
        return DatedPricesConformanceTest.loan(id, type, contract, maturity, "BANK-A", item, amount);
    }

    @Test
    void publishedItemsAreJudgedAsTheyStandOnTheAuditDate() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("case"));
        Files.writeString(dir.resolve("case.json"), "{\"institution\":{\"id\":\"BANK-A\",\"type\":\"rural-commercial\"},"
                + "\"region\":\"CN\",\"asOf\":\"2024-06-30\",\"policy\":{\"maxGuaranteeFeeRate\":\"1.0\","
                + "\"maxInsuranceFeeRate\":\"1.0\"}}");
        Files.writeString(dir.resolve("partners.json"), "["
                + "{\"id\":\"P01\",\"name\":\"甲融资担保有限公司\",\"type\":\"guarantee\",\"status\":\"active\"},"
                + "{\"id\":\"P02\",\"name\":\"乙保险股份有限公司\",\"type\":\"insurance\",\"status\":\"active\"},"
                + "{\"id\":\"P03\",\"name\":\"丙融资担保有限公司\",\"type\":\"guarantee\",\"status\":\"prospective\"}]");
        Files.writeString(dir.resolve("sources.json"), "["
                + "{\"id\":\"catalog\",\"owner\":\"BANK-A\",\"kind\":\"price-catalog\",\"file\":\"pages/catalog.html\"},"
                + "{\"id\":\"p01\",\"owner\":\"P01\",\"kind\":\"partner-schedule\",\"file\":\"pages/p01.html\"},"
                + "{\"id\":\"p02\",\"owner\":\"P02\",\"kind\":\"partner-schedule\",\"file\":\"pages/p02.html\"},"
                + "{\"id\":\"p03\",\"owner\":\"P03\",\"kind\":\"partner-schedule\",\"file\":\"pages/p03.html\"}]");
        Files.createDirectories(dir.resolve("pages"));
        Files.writeString(dir.resolve("pages/catalog.html"), page("服务价格目录（对公业务）",
                "序号|服务项目|服务内容|收费标准|定价依据|优惠措施|生效日期",
                // prohibited, its waiver ended 2023-12-31: FEE-001
                "1|资金管理费|为客户提供信贷资金归集、管理服务|每笔1000元|市场调节价|2023年1月1日至2023年12月31日，对小微企业免收|",
                // prohibited, its waiver runs from 2024-01-01: exempt on the audit date
                "2|信贷资信证明费|出具信贷资信证明|每份200元|市场调节价|自2024年1月1日起，对小微企业免收|",
                // prohibited, in force only from 2025: no price in force on the audit date
                "3|提前还款违约金|借款人提前偿还贷款|按提前还款金额的1%收取|市场调节价||2025年1月1日起执行",
                // prohibited, old row charged, new row free from 2024: free on the audit date
                "4|贷款承诺费|承诺在约定期限内提供贷款|按承诺金额的0.5%收取|市场调节价||2023.1.1-2023.12.31",
                "5|贷款承诺费|承诺在约定期限内提供贷款|免费|市场调节价||2024年1月1日起执行",
                // prohibited, a waiver in numerals that ended 2023-12-31: FEE-001
                "6|延迟用款违约金|借款人未按约定用款|按未用款金额的0.5%收取|市场调节价|二〇二三年一月一日至二〇二三年十二月三十一日，对小微企业免收|",
                // a discount without a period: half of 20000 binds FEE-003
                "7|财务顾问费|提供融资方案设计等顾问服务|每笔20000元|市场调节价|减半收取|"));
        // 2 % until 2023, 0.8 % from 2024: 0.8 % on the audit date, under the 1 % cap
        Files.writeString(dir.resolve("pages/p01.html"), page("担保收费标准", "收费项目|收费标准|执行日期",
                "担保费|按担保金额的2%收取（年化）|2023年12月31日前",
                "担保费|按担保金额的0.8%收取（年化）|自2024年1月1日起"));
        // 1.6 % halved through 2024: 0.8 %; a prohibited item whose waiver ended: PART-001
        Files.writeString(dir.resolve("pages/p02.html"), page("保险收费标准", "收费项目|收费标准|优惠措施",
                "保险费|年化1.6%|2024年1月1日至2024年12月31日减半收取",
                "资金管理费|每笔500元|2023年1月1日至2023年12月31日对小微企业免收"));
        // 1.5 %, halved only from 2025: 1.5 % on the audit date, over the cap: PART-002
        Files.writeString(dir.resolve("pages/p03.html"), page("担保收费标准", "收费项目|收费标准|优惠措施",
                "担保费|年化1.5%|2025年1月1日起减半收取"));
        Files.writeString(dir.resolve("loans.jsonl"),
                loan("G1", "medium", "2024-03-01", "2025-03-01", "财务顾问费", "15000.00")
                        + loan("G2", "medium", "2024-03-01", "2025-03-01", "财务顾问费", "10000.00"));

        Report r = CaseAudit.run(dir, tmp.resolve("out"), 1).report();

        List<String> found = r.findings().stream().map(f -> f.rule() + " " + f.subject().id()).sorted().toList();
        assertEquals(List.of("FEE-001 catalog:延迟用款违约金", "FEE-001 catalog:资金管理费", "FEE-003 G1", "PART-001 P02",
                "PART-002 P03"), found);

        Map<String, Finding> byKey = r.findings().stream()
                .collect(Collectors.toMap(f -> f.rule() + " " + f.subject().id(), f -> f));
        Finding fund = byKey.get("FEE-001 catalog:资金管理费");
        assertEquals(1, fund.evidence().size());
        assertTrue(fund.evidence().get(0).text().endsWith(
                "（2023-01-01至2023-12-31优惠：小微企业免收; not in force on the audit date 2024-06-30）"),
                fund.evidence().get(0).text());
        assertTrue(fund.title().endsWith("on the audit date 2024-06-30"), fund.title());
        assertTrue(byKey.get("FEE-001 catalog:延迟用款违约金").evidence().get(0).text()
                .endsWith("; not in force on the audit date 2024-06-30）"));

        Finding g1 = byKey.get("FEE-003 G1");
        assertEquals("10000.00", g1.metrics().get("published"));
        assertTrue(g1.title().contains("（优惠：减半收取）"), g1.title());

        Finding p02 = byKey.get("PART-001 P02");
        assertEquals("资金管理费", p02.metrics().get("published"));
        assertTrue(p02.evidence().get(0).text().endsWith("; not in force on the audit date 2024-06-30）"),
                p02.evidence().get(0).text());

        Finding p03 = byKey.get("PART-002 P03");
        assertEquals("1.5", p03.metrics().get("publishedRate"));
        assertTrue(p03.evidence().get(0).text().endsWith(
                "（2025-01-01起优惠：减半收取; not in force on the audit date 2024-06-30）"), p03.evidence().get(0).text());

        assertEquals(Map.of("P01", "approve", "P02", "terminate", "P03", "reject"), r.partners().stream()
                .collect(Collectors.toMap(p -> p.id(), p -> p.verdict().wireName())));
    }
}
