package org.feewatch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue and a partner schedule that say when their prices and discounts apply (生效日期 and 优惠措施
 * columns, an item listed twice with its old and new price): through the real reader, extractor, engine
 * and writers, each loan is judged against the price in force on its contract date, with the discounts
 * in force then for its borrower, and the evidence names the dated row used.
 */
class DatedPricesConformanceTest {

    @TempDir
    Path tmp;

    /** A page of one table; a row starting with {@code <tr} is taken as written, any other is cells split at |. */
    static String page(String title, String header, String... rows) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
                + title + "</title></head><body><h1>" + title + "</h1><table border=\"1\"><thead><tr>");
        for (String h : header.split("\\|")) {
            b.append("<th>").append(h).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (String row : rows) {
            if (row.startsWith("<tr")) {
                b.append(row); // a row written out, with its spans
                continue;
            }
            b.append("<tr>");
            for (String cell : row.split("\\|", -1)) {
                b.append("<td>").append(cell).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table></body></html>").toString();
    }

    /** A loan of 1,000,000 yuan at 4.50 %, interest monthly, with one fee paid up front. */
    static String loan(String id, String type, String contract, String maturity, String payee, String item,
            String amount) {
        return "{\"id\":\"" + id + "\",\"borrower\":{\"id\":\"B" + id + "\",\"type\":\"" + type + "\"},"
                + "\"product\":\"流动资金贷款\",\"principal\":\"1000000.00\",\"contractDate\":\"" + contract
                + "\",\"maturityDate\":\"" + maturity + "\",\"rate\":{\"type\":\"fixed\",\"nominal\":\"4.50\"},"
                + "\"repayment\":\"interest-monthly\",\"fees\":[{\"payee\":\"" + payee + "\",\"item\":\"" + item
                + "\",\"amount\":\"" + amount + "\",\"when\":\"upfront\"}]}\n";
    }

    @Test
    void eachLoanIsJudgedAgainstThePriceInForceOnItsContractDate() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("case"));
        Files.writeString(dir.resolve("case.json"), "{\"institution\":{\"id\":\"BANK-A\",\"type\":\"rural-commercial\"},"
                + "\"region\":\"CN\",\"asOf\":\"2026-06-30\"}");
        Files.writeString(dir.resolve("partners.json"), "[{\"id\":\"P01\",\"name\":\"某某融资担保有限公司\","
                + "\"type\":\"guarantee\",\"status\":\"active\"}]");
        Files.writeString(dir.resolve("sources.json"), "["
                + "{\"id\":\"catalog\",\"owner\":\"BANK-A\",\"kind\":\"price-catalog\",\"file\":\"pages/catalog.html\"},"
                + "{\"id\":\"p01\",\"owner\":\"P01\",\"kind\":\"partner-schedule\",\"file\":\"pages/p01.html\"}]");
        Files.createDirectories(dir.resolve("pages"));
        Files.writeString(dir.resolve("pages/catalog.html"), page("服务价格目录（对公业务）",
                "序号|服务项目|服务内容|收费标准|定价依据|优惠措施|生效日期",
                "1|贷款承诺费|承诺在约定期限内按约定条件提供贷款|按承诺金额的1%收取|市场调节价||2022.1.1-2022.12.31",
                "2|贷款承诺费|承诺在约定期限内按约定条件提供贷款|按承诺金额的0.5%收取|市场调节价||2023年1月1日起执行",
                "3|资信证明|根据客户申请出具资信证明书|每份200元|市场调节价|2021年9月30日至2024年9月30日，对小微企业免收|2021-01-01",
                "4|财务顾问费|为客户提供融资方案设计等顾问服务|每笔20000元|市场调节价|减半收取，优惠期至2025年12月31日|",
                // old and new price on two rows under one item cell
                "<tr><td rowspan=\"2\">5</td><td rowspan=\"2\">银团贷款安排费</td><td rowspan=\"2\">组织银团、安排贷款</td>"
                        + "<td>按安排金额的1%收取</td><td rowspan=\"2\">市场调节价</td><td rowspan=\"2\"></td>"
                        + "<td>2022年1月1日至2022年12月31日</td></tr>"
                        + "<tr><td>按安排金额的0.6%收取</td><td>2023/01/01起</td></tr>"));
        Files.writeString(dir.resolve("pages/p01.html"), page("担保收费标准", "收费项目|收费标准|执行日期",
                "担保费|按担保金额的1%收取|2023年6月30日前",
                "担保费|按担保金额的0.8%收取|自2023年7月1日起"));
        Files.writeString(dir.resolve("loans.jsonl"),
                // 贷款承诺费 0.8 %: within 2022's 1 %, above 2023's 0.5 %
                loan("C2022", "medium", "2022-12-31", "2023-12-31", "BANK-A", "贷款承诺费", "8000.00")
                        + loan("C2023", "medium", "2023-01-01", "2024-01-01", "BANK-A", "贷款承诺费", "8000.00")
                        // before every period: judged as without dates (the most permissive row, 1 %)
                        + loan("C2021", "medium", "2021-06-01", "2022-06-01", "BANK-A", "贷款承诺费", "8000.00")
                        // 银团贷款安排费 0.8 %: within 2022's 1 %, above 2023's 0.6 %
                        + loan("S2022", "large", "2022-06-01", "2023-06-01", "BANK-A", "银团贷款安排费", "8000.00")
                        + loan("S2023", "large", "2023-06-01", "2024-06-01", "BANK-A", "银团贷款安排费", "8000.00")
                        // 资信证明 200 to a small borrower: waived until 2024-09-30 only
                        + loan("Z2024", "small", "2024-09-30", "2025-09-30", "BANK-A", "资信证明", "200.00")
                        + loan("Z2025", "small", "2024-10-01", "2025-10-01", "BANK-A", "资信证明", "200.00")
                        + loan("Z2024M", "medium", "2024-03-01", "2025-03-01", "BANK-A", "资信证明", "200.00")
                        // 财务顾问费 15000: above half price until 2025, within the full price after
                        + loan("G2025", "medium", "2025-12-31", "2026-12-31", "BANK-A", "财务顾问费", "15000.00")
                        + loan("G2026", "medium", "2026-01-01", "2027-01-01", "BANK-A", "财务顾问费", "15000.00")
                        // 担保费 9000 (0.9 %): within 1 % to 2023-06-30, above 0.8 % from 2023-07-01
                        + loan("P0630", "medium", "2023-06-30", "2024-06-30", "P01", "担保费", "9000.00")
                        + loan("P0701", "medium", "2023-07-01", "2024-07-01", "P01", "担保费", "9000.00"));

        Report r = CaseAudit.run(dir, tmp.resolve("out"), 1).report();

        Map<String, Finding> fee003 = r.findings().stream().filter(f -> f.rule().equals("FEE-003"))
                .collect(Collectors.toMap(f -> f.subject().id(), f -> f, (a, b) -> a, TreeMap::new));
        assertEquals(List.of("C2023", "G2025", "S2023", "Z2024"), List.copyOf(fee003.keySet()));
        assertEquals("6000.00", fee003.get("S2023").metrics().get("published"));
        assertTrue(catalogueText(fee003.get("S2023")).endsWith("（2023-01-01起执行）"), catalogueText(fee003.get("S2023")));
        assertTrue(fee003.get("S2023").title().contains("(2023/01/01起:按安排金额的0.6%收取)"), fee003.get("S2023").title());
        assertEquals("5000.00", fee003.get("C2023").metrics().get("published"));
        assertEquals("10000.00", fee003.get("G2025").metrics().get("published"));
        assertEquals("0.00", fee003.get("Z2024").metrics().get("published"));
        assertTrue(catalogueText(fee003.get("C2023")).endsWith("（2023-01-01起执行）"), catalogueText(fee003.get("C2023")));
        assertTrue(catalogueText(fee003.get("G2025")).endsWith("（至2025-12-31优惠：减半收取）"),
                catalogueText(fee003.get("G2025")));
        assertTrue(catalogueText(fee003.get("Z2024")).contains("（2021-09-30至2024-09-30优惠：小微企业免收）"),
                catalogueText(fee003.get("Z2024")));

        List<Finding> part004 = r.findings().stream().filter(f -> f.rule().equals("PART-004")).toList();
        assertEquals(1, part004.size());
        Finding p = part004.get(0);
        assertEquals("8000.00", p.metrics().get("publishedMaximum"));
        assertEquals(List.of("loans.jsonl", "p01"), p.evidence().stream().map(Evidence::source).toList(),
                "the loan P0701 and the one row in force on its date");
        assertTrue(p.evidence().get(0).text().startsWith("loan P0701"), p.evidence().get(0).text());
        assertTrue(p.evidence().get(1).text().endsWith("（2023-07-01起执行）"), p.evidence().get(1).text());
    }

    private static String catalogueText(Finding f) {
        return f.evidence().stream().filter(e -> e.source().equals("catalog")).findFirst().orElseThrow().text();
    }
}
