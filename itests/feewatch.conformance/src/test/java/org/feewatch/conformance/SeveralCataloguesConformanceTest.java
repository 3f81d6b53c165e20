package org.feewatch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bank that publishes two price catalogues (对公 and 个人) as two price-catalog sources: through the
 * real reader, fetcher, extractor, engine and writers, each catalogue's incomplete items are findings,
 * a fee published in either is published, and a fee in neither cites both.
 */
class SeveralCataloguesConformanceTest {

    @TempDir
    Path tmp;

    private static String page(String title, String... rows) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
                + title + "</title></head><body><h1>" + title + "</h1><table border=\"1\"><thead><tr><th>序号</th>"
                + "<th>服务项目</th><th>服务内容</th><th>收费标准</th><th>定价依据</th><th>备注</th></tr></thead><tbody>");
        int n = 1;
        for (String row : rows) {
            b.append("<tr><td>").append(n++).append("</td>");
            for (String cell : row.split("\\|", -1)) {
                b.append("<td>").append(cell).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table></body></html>").toString();
    }

    private static String loan(String id, String item, String amount) {
        return "{\"id\":\"" + id + "\",\"borrower\":{\"id\":\"B" + id + "\",\"type\":\"medium\"},\"product\":\"流动资金贷款\","
                + "\"principal\":\"1000000.00\",\"contractDate\":\"2023-03-15\",\"maturityDate\":\"2024-03-15\","
                + "\"rate\":{\"type\":\"fixed\",\"nominal\":\"4.50\"},\"repayment\":\"interest-monthly\","
                + "\"fees\":[{\"payee\":\"BANK-A\",\"item\":\"" + item + "\",\"amount\":\"" + amount
                + "\",\"when\":\"upfront\"}]}\n";
    }

    @Test
    void eachCatalogueIsJudgedAndCited() throws IOException, Exception {
        Path dir = Files.createDirectories(tmp.resolve("case"));
        Files.writeString(dir.resolve("case.json"), "{\"institution\":{\"id\":\"BANK-A\",\"type\":\"rural-commercial\"},"
                + "\"region\":\"CN\",\"asOf\":\"2023-06-30\"}");
        Files.writeString(dir.resolve("sources.json"), "["
                + "{\"id\":\"corporate\",\"owner\":\"BANK-A\",\"kind\":\"price-catalog\",\"file\":\"pages/corporate.html\"},"
                + "{\"id\":\"personal\",\"owner\":\"BANK-A\",\"kind\":\"price-catalog\",\"file\":\"pages/personal.html\"}]");
        Files.createDirectories(dir.resolve("pages"));
        Files.writeString(dir.resolve("pages/corporate.html"), page("服务价格目录（对公业务）",
                "贷款承诺费|承诺在约定期限内按约定条件提供贷款|按承诺金额的0.5%收取|市场调节价|",
                "贷款意向书|根据客户申请出具贷款意向书||市场调节价|",
                "财务顾问费|为客户提供融资方案设计等顾问服务|每笔不超过20000元|市场调节价|"));
        Files.writeString(dir.resolve("pages/personal.html"), page("服务价格目录（个人业务）",
                "个人存款证明|根据客户申请出具存款证明|详询营业网点|市场调节价|",
                "个人账户挂失|根据客户申请办理账户挂失|每次10元|市场调节价|",
                "财务顾问费|为个人客户提供融资顾问服务|每笔不超过30000元|市场调节价|"));
        Files.writeString(dir.resolve("loans.jsonl"), loan("L1", "个人账户挂失", "10.00") + loan("L2", "资料工本费", "200.00")
                + loan("L3", "财务顾问费", "25000.00") + loan("L4", "财务顾问费", "35000.00"));

        Report r = CaseAudit.run(dir, tmp.resolve("out"), 1).report();

        List<Finding> disc002 = r.findings().stream().filter(f -> f.rule().equals("DISC-002"))
                .sorted(Comparator.comparing(f -> f.subject().id())).toList();
        assertEquals(List.of("corporate:贷款意向书", "personal:个人存款证明"),
                disc002.stream().map(f -> f.subject().id()).toList());
        assertEquals(List.of(List.of("corporate"), List.of("personal")),
                disc002.stream().map(f -> f.evidence().stream().map(Evidence::source).toList()).toList());

        List<Finding> disc001 = r.findings().stream().filter(f -> f.rule().equals("DISC-001")).toList();
        assertEquals(List.of("L2"), disc001.stream().map(f -> f.subject().id()).toList(),
                "个人账户挂失 is published in the personal catalogue");
        assertEquals(List.of("loans.jsonl", "corporate: none of the 3 published items is 资料工本费",
                "personal: none of the 3 published items is 资料工本费"), disc001.get(0).evidence().stream()
                        .map(e -> e.source().equals("loans.jsonl") ? e.source() : e.source() + ": " + e.text()).toList());

        List<Finding> fee003 = r.findings().stream().filter(f -> f.rule().equals("FEE-003")).toList();
        assertEquals(List.of("L4"), fee003.stream().map(f -> f.subject().id()).toList(),
                "25000 is within the personal catalogue's 30000");
        assertEquals("30000.00", fee003.get(0).metrics().get("published"));
    }
}
