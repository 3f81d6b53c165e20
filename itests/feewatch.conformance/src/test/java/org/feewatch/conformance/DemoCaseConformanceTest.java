package org.feewatch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The shared demo case through the whole pipeline (case reader → fetcher and extractors → loan
 * book → engine with the national pack → JSON report and detail CSV), scored by the shared
 * check-case.py against expected.json. Outputs stay in target/conformance/ for a look.
 */
class DemoCaseConformanceTest {

    private static Path shared;
    private static Path demo;
    private static final Path OUT = Path.of("target", "conformance");

    @BeforeAll
    static void findSharedFolder() {
        shared = Shared.folder().orElse(null);
        Assumptions.assumeTrue(shared != null,
                "the shared folder (examples/demo-case, tools/check-case.py) is not here: a user's clone has none");
        demo = shared.resolve("examples/demo-case");
    }

    private static String check(CaseAudit.Result r) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("python3", shared.resolve("tools/check-case.py").toString(),
                    demo.resolve("expected.json").toString(), r.json().toString(), r.detail().toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not installed: check-case.py cannot score the report");
            throw e;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(2, TimeUnit.MINUTES);
        System.out.println(output);
        assertEquals(0, p.exitValue(), "check-case.py found differences:\n" + output);
        return output;
    }

    @Test
    void theJsonlBookGivesTheExpectedFindingsVerdictsAndAprs() throws Exception {
        CaseAudit.Result r = CaseAudit.run(demo, OUT.resolve("jsonl"), 2);
        assertEquals(List.of(), ReportSchema.errors(r.json()));
        assertEquals("national 1.0.0", r.report().plugins().get(0));
        assertEquals(List.of(), r.report().findings().stream()
                .filter(f -> f.severity() == org.feewatch.api.Severity.INFO).toList(),
                "no rule of the demo case may fail or lack data");
        check(r);
    }

    @Test
    void theCsvBookGivesTheSameResult() throws Exception {
        Path copy = OUT.resolve("demo-csv-case");
        copyCase(demo, copy);
        Files.delete(copy.resolve("loans.jsonl"));
        Files.delete(copy.resolve("expected.json"));
        CaseAudit.Result r = CaseAudit.run(copy, OUT.resolve("csv"), 2);
        check(r);
    }

    @Test
    void theJsonlBookAsAnotherSystemWritesItGivesTheSameResult() throws Exception {
        // keys in reverse order at every level, money as JSON numbers with a trailing zero more, an unknown
        // field, an explicit null, a byte-order mark and CRLF: the same book (CASE-FORMAT.md)
        Path copy = OUT.resolve("demo-jsonl-rewritten");
        copyCase(demo, copy);
        Files.delete(copy.resolve("expected.json"));
        Files.delete(copy.resolve("loans.csv"));
        Files.delete(copy.resolve("fees.csv"));
        StringBuilder book = new StringBuilder("\uFEFF");
        for (String line : Files.readAllLines(demo.resolve("loans.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonObject loan = JsonParser.parseString(line).getAsJsonObject();
                loan.addProperty("remark", "导出系统备注");
                if (!loan.has("channel")) {
                    loan.add("channel", com.google.gson.JsonNull.INSTANCE);
                }
                book.append(rewritten(loan, null)).append("\r\n");
            }
        }
        Files.writeString(copy.resolve("loans.jsonl"), book, StandardCharsets.UTF_8);
        check(CaseAudit.run(copy, OUT.resolve("jsonl-rewritten"), 2));
    }

    /** The element with object keys reversed and money fields as JSON numbers ("152000.00" → 152000.000). */
    private static com.google.gson.JsonElement rewritten(com.google.gson.JsonElement e, String key) {
        if (e.isJsonObject()) {
            List<String> keys = new java.util.ArrayList<>(e.getAsJsonObject().keySet());
            java.util.Collections.reverse(keys);
            JsonObject o = new JsonObject();
            for (String k : keys) {
                o.add(k, rewritten(e.getAsJsonObject().get(k), k));
            }
            return o;
        }
        if (e.isJsonArray()) {
            com.google.gson.JsonArray a = new com.google.gson.JsonArray();
            e.getAsJsonArray().forEach(x -> a.add(rewritten(x, null)));
            return a;
        }
        if (List.of("principal", "amount", "premium", "nominal", "compensatingDeposit").contains(key)
                && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            String v = e.getAsString();
            return new com.google.gson.JsonPrimitive(new java.math.BigDecimal(v.contains(".") ? v + "0" : v + ".0"));
        }
        return e;
    }

    @Test
    void theCsvBookAsAChineseGbkExportGivesTheSameResult() throws Exception {
        // a core-banking export: Chinese headers of the default mapping, columns in reverse order, a note
        // column with a quoted comma, GB18030, CRLF, and fees.csv rows in reverse order
        Path copy = OUT.resolve("demo-csv-chinese");
        copyCase(demo, copy);
        Files.delete(copy.resolve("loans.jsonl"));
        Files.delete(copy.resolve("expected.json"));
        java.util.Map<String, String> zh = java.util.Map.ofEntries(java.util.Map.entry("id", "贷款编号"),
                java.util.Map.entry("borrower_id", "客户号"), java.util.Map.entry("borrower_type", "借款人类型"),
                java.util.Map.entry("borrower_established", "成立日期"), java.util.Map.entry("product", "产品名称"),
                java.util.Map.entry("channel", "合作机构"), java.util.Map.entry("principal", "合同金额"),
                java.util.Map.entry("contract_date", "放款日期"), java.util.Map.entry("maturity_date", "合同到期日"),
                java.util.Map.entry("rate_type", "定价方式"), java.util.Map.entry("rate_tenor", "期限品种"),
                java.util.Map.entry("spread_bp", "加点（基点）"), java.util.Map.entry("nominal_rate", "执行年利率"),
                java.util.Map.entry("repayment", "还款方式"), java.util.Map.entry("on_lending", "是否转贷款"),
                java.util.Map.entry("compensating_deposit", "存款要求"), java.util.Map.entry("loan_id", "借据号"),
                java.util.Map.entry("payee", "收款方"), java.util.Map.entry("item", "费用名称"),
                java.util.Map.entry("amount", "费用金额"), java.util.Map.entry("when", "收费时点"));
        for (String name : List.of("loans.csv", "fees.csv")) {
            List<String> lines = Files.readAllLines(demo.resolve(name), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            StringBuilder out = new StringBuilder();
            List<List<String>> rows = new java.util.ArrayList<>();
            for (String line : lines) {
                // the demo's CSV has no quoted fields: a split on commas is exact
                List<String> fields = new java.util.ArrayList<>(List.of(line.split(",", -1)));
                java.util.Collections.reverse(fields);
                rows.add(fields);
            }
            List<String> header = rows.get(0).stream().map(h -> zh.getOrDefault(h, h)).toList();
            out.append(String.join(",", header)).append(",备注\r\n");
            List<List<String>> body = new java.util.ArrayList<>(rows.subList(1, rows.size()));
            if (name.equals("fees.csv")) {
                java.util.Collections.reverse(body);
            }
            for (List<String> row : body) {
                out.append(String.join(",", row)).append(",\"导出,备注\"\r\n");
            }
            Files.write(copy.resolve(name), out.toString().getBytes(java.nio.charset.Charset.forName("GB18030")));
        }
        check(CaseAudit.run(copy, OUT.resolve("csv-chinese"), 2));
    }

    @Test
    void theReportIsTheSameWhateverTheNumberOfThreads() throws Exception {
        CaseAudit.Result one = CaseAudit.run(demo, OUT.resolve("threads-1"), 1);
        CaseAudit.Result four = CaseAudit.run(demo, OUT.resolve("threads-4"), 4);
        assertEquals(withoutTime(one.json()), withoutTime(four.json()));
        assertEquals(Files.readString(one.detail()), Files.readString(four.detail()));
    }

    private static JsonObject withoutTime(Path json) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        o.remove("generatedAt");
        return o;
    }

    private static void copyCase(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> s = Files.walk(to)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
