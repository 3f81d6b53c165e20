package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bank's own values of the enumerated columns (等额本息, 小型企业, 1年期, 是, 按年 …) read exactly as the
 * canonical values they are mapped to (config value.* of org.feewatch.loanbook.columns); an unmapped
 * value is rejected naming the value, the allowed values and the mapping that could take it.
 */
class ValueMappingTest {
    private static final String HEADER = "id,borrower_type,principal,contract_date,maturity_date,rate_type,"
            + "rate_tenor,spread_bp,nominal_rate,repayment,on_lending";
    /** A canonical line; {@code %s} is the id. Columns 1, 5, 6, 9, 10 are the mappable ones. */
    private static final String[] LINE = {"%s", "micro", "100000.00", "2023-03-15", "2024-03-15", "lpr", "1Y", "50",
        "4.15", "bullet", "false"};
    private static final String FEE = "%s,P1,担保费,100.00,%s";

    /** column of LINE (or -1: the fee's when) → the value written, the canonical value it means. */
    private record Case(int column, String written, String canonical) {
    }

    /** The defaults shipped (the values bank exports write). */
    private static final List<Case> DEFAULTS = List.of(
            new Case(1, "小微企业", "small"), new Case(1, "小型企业", "small"), new Case(1, "微型企业", "micro"),
            new Case(1, "个体工商户", "individual-business"), new Case(1, "小微企业主", "micro-owner"),
            new Case(1, "中型企业", "medium"), new Case(1, "大型企业", "large"),
            new Case(5, "LPR", "lpr"), new Case(5, "贷款市场报价利率", "lpr"), new Case(5, "基准利率", "benchmark"),
            new Case(5, "固定利率", "fixed"),
            new Case(6, "1年期", "1Y"), new Case(6, "一年期", "1Y"), new Case(6, "5年期以上", "5Y"),
            new Case(6, "五年期以上", "5Y"),
            new Case(9, "等额本息", "equal-installment"), new Case(9, "等额本金", "equal-principal"),
            new Case(9, "按月付息到期还本", "interest-monthly"), new Case(9, "按月付息、到期还本", "interest-monthly"),
            new Case(9, "到期一次还本付息", "bullet"), new Case(9, "利随本清", "bullet"),
            new Case(10, "是", "true"), new Case(10, "否", "false"),
            new Case(-1, "一次性", "upfront"), new Case(-1, "期初", "upfront"), new Case(-1, "按年", "annual"),
            new Case(-1, "按月", "monthly"), new Case(-1, "到期", "maturity"),
            // full-width Latin and surrounding spaces are normalised as headers are
            new Case(5, "ＬＰＲ", "lpr"), new Case(9, "\" 等额本息 \"", "equal-installment"));

    /** One book line per case: with the written value, or with its canonical value. */
    private static void writeBook(Path dir, List<Case> cases, boolean written, Charset cs) throws IOException {
        StringBuilder loans = new StringBuilder(HEADER).append('\n');
        StringBuilder fees = new StringBuilder("loan_id,payee,item,amount,when\n");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String id = "V" + i;
            String[] line = LINE.clone();
            line[0] = id;
            String value = written ? c.written() : c.canonical();
            if (c.column() >= 0) {
                line[c.column()] = value;
            }
            loans.append(String.join(",", line)).append('\n');
            fees.append(String.format(FEE, id, c.column() >= 0 ? "upfront" : value)).append('\n');
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve("loans.csv"), loans.toString().getBytes(cs));
        Files.write(dir.resolve("fees.csv"), fees.toString().getBytes(cs));
    }

    private static CollectingListener read(Path dir, ColumnMapping columns) throws IOException {
        CollectingListener l = new CollectingListener();
        new CsvLoanBookReader(Books.smallChunks(), columns, "auto").readCounting(dir, l);
        return l;
    }

    @Test
    void eachDefaultValueReadsExactlyAsItsCanonicalValue(@TempDir Path tmp) throws IOException {
        writeBook(tmp.resolve("written"), DEFAULTS, true, StandardCharsets.UTF_8);
        writeBook(tmp.resolve("canonical"), DEFAULTS, false, StandardCharsets.UTF_8);
        CollectingListener written = read(tmp.resolve("written"), ColumnMapping.defaults());
        CollectingListener canonical = read(tmp.resolve("canonical"), ColumnMapping.defaults());
        assertEquals(List.of(), canonical.rejections());
        assertEquals(List.of(), written.rejections());
        assertEquals(DEFAULTS.size(), canonical.loans().size());
        // the same loans, field for field (file and line included)
        assertEquals(canonical.loans(), written.loans());
        assertEquals(canonical.warningTexts(), written.warningTexts());
    }

    @Test
    void theDefaultsAreTheValuesOfTheShippedConfiguration() throws IOException {
        // config/org.feewatch.loanbook.columns.cfg and the built-in defaults say the same
        Path cfg = Path.of("..", "..", "config", "org.feewatch.loanbook.columns.cfg");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(cfg), "no config/ beside the module");
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(cfg)) {
            p.load(in);
        }
        Map<String, Object> props = new java.util.HashMap<>();
        p.forEach((k, v) -> props.put((String) k, v));
        ValueMapping shipped = ValueMapping.of(props);
        assertEquals(List.of(), shipped.problems);
        for (int k = 0; k < ValueMapping.KEYS.size(); k++) {
            assertTrue(props.containsKey(ValueMapping.KEYS.get(k)), ValueMapping.KEYS.get(k));
            assertEquals(ValueMapping.defaults().values(k), shipped.values(k), ValueMapping.KEYS.get(k));
        }
    }

    @Test
    void aValueTheUserAddsIsReadAsItsCanonicalValue(@TempDir Path tmp) throws IOException {
        List<Case> added = List.of(new Case(9, "按揭", "equal-installment"), new Case(-1, "搭售", "bundled"));
        writeBook(tmp.resolve("written"), added, true, StandardCharsets.UTF_8);
        writeBook(tmp.resolve("canonical"), added, false, StandardCharsets.UTF_8);
        ColumnMapping user = ColumnMapping.of(Map.of(
                "value.repayment", ValueMapping.REPAYMENTS + ", 按揭=equal-installment",
                "value.fee.when", ValueMapping.FEE_TIMINGS + "，搭售=bundled"));
        CollectingListener written = read(tmp.resolve("written"), user);
        CollectingListener canonical = read(tmp.resolve("canonical"), ColumnMapping.defaults());
        assertEquals(List.of(), written.rejections());
        assertEquals(canonical.loans(), written.loans());
        assertEquals(1, written.loans().get(1).bundled().size());

        // without it, the value is rejected as before
        CollectingListener plain = read(tmp.resolve("written"), ColumnMapping.defaults());
        assertEquals(List.of(
                "2: repayment \"按揭\" is not one of bullet, interest-monthly, equal-installment, equal-principal"
                        + " (nor mapped to one by value.repayment in config/org.feewatch.loanbook.columns.cfg)",
                "3: fees.csv line 3: when \"搭售\" is not one of upfront, annual, monthly, maturity, bundled"
                        + " (nor mapped to one by value.fee.when in config/org.feewatch.loanbook.columns.cfg)"),
                plain.rejections());
    }

    @Test
    void aConfiguredLineReplacesItsDefaultAndABadEntryIsAWarning(@TempDir Path tmp) throws IOException {
        List<Case> cases = List.of(new Case(9, "等额本息", "equal-installment"));
        writeBook(tmp, cases, true, StandardCharsets.UTF_8);
        CollectingListener l = read(tmp, ColumnMapping.of(Map.of("value.repayment", "按揭=equal-installment, 月供=weekly")));
        assertEquals(List.of("2: repayment \"等额本息\" is not one of bullet, interest-monthly, equal-installment, "
                + "equal-principal (nor mapped to one by value.repayment in config/org.feewatch.loanbook.columns.cfg)"),
                l.rejections());
        assertTrue(l.warningTexts().contains("loans.csv: value mapping value.repayment: \"月供=weekly\" is not "
                + "VALUE=CANONICAL with CANONICAL one of bullet, interest-monthly, equal-installment, equal-principal; "
                + "it is ignored"), l.warningTexts().toString());
    }

    @Test
    void anUnmappedValueIsRejectedNamingLineFieldValueAllowedValuesAndTheMapping(@TempDir Path tmp)
            throws IOException {
        List<Case> cases = List.of(new Case(1, "超大企业", null), new Case(5, "浮动利率", null),
                new Case(6, "3年期", null), new Case(10, "不详", null), new Case(-1, "每周", null));
        List<Case> written = new ArrayList<>();
        for (Case c : cases) {
            written.add(new Case(c.column(), c.written(), c.written()));
        }
        writeBook(tmp, written, true, StandardCharsets.UTF_8);
        CollectingListener l = read(tmp, ColumnMapping.defaults());
        String map = " (nor mapped to one by value.%s in config/org.feewatch.loanbook.columns.cfg)";
        assertEquals(List.of(
                "2: borrower_type \"超大企业\" is not one of micro, small, individual-business, micro-owner, medium, large"
                        + String.format(map, "borrower_type"),
                "3: rate_type \"浮动利率\" is not one of lpr, fixed, benchmark" + String.format(map, "rate_type"),
                "4: rate_tenor \"3年期\" is not one of 1Y, 5Y" + String.format(map, "rate_tenor"),
                "5: on_lending \"不详\" is not true or false" + String.format(map, "on_lending"),
                "6: fees.csv line 6: when \"每周\" is not one of upfront, annual, monthly, maturity, bundled"
                        + String.format(map, "fee.when")),
                l.rejections());
        assertTrue(l.loans().isEmpty());
    }

    @Test
    void aGbkBookWithChineseHeadersAndValuesReadsAsItsCanonicalCopy(@TempDir Path tmp) throws IOException {
        writeBook(tmp.resolve("canonical"), DEFAULTS, false, StandardCharsets.UTF_8);
        writeBook(tmp.resolve("gbk"), DEFAULTS, true, Charset.forName("GBK"));
        Path gbk = tmp.resolve("gbk");
        // the bank's headers too: 借据号 for id, 借款人类型, 还款方式 …
        String loans = new String(Files.readAllBytes(gbk.resolve("loans.csv")), Charset.forName("GBK"))
                .replace(HEADER, "借据号,借款人类型,贷款金额,合同日期,到期日,利率类型,LPR期限,加点,执行利率,还款方式,是否转贷款");
        Files.write(gbk.resolve("loans.csv"), loans.getBytes(Charset.forName("GBK")));
        CollectingListener canonical = read(tmp.resolve("canonical"), ColumnMapping.defaults());
        CollectingListener read = read(gbk, ColumnMapping.defaults());
        assertEquals(List.of(), read.rejections());
        assertEquals(canonical.loans(), read.loans());
    }

    @Test
    void theConfiguredDefaultsOfTheComponentIncludeTheValues() {
        ColumnsConfig c = ComponentDefaultsTest.defaults(ColumnsConfig.class);
        ValueMapping fromComponent = ColumnMapping.of(c).values();
        for (int k = 0; k < ValueMapping.KEYS.size(); k++) {
            assertEquals(ValueMapping.defaults().values(k), fromComponent.values(k), ValueMapping.KEYS.get(k));
        }
        assertEquals(List.of(), fromComponent.problems);
    }

    @Test
    void theSameMappingAppliesToTheEnumeratedFieldsOfLoansJsonl(@TempDir Path tmp) throws IOException {
        String loan = "{\"id\":\"J1\",\"borrower\":{\"type\":\"%s\"},\"principal\":\"100000.00\","
                + "\"contractDate\":\"2023-03-15\",\"maturityDate\":\"2024-03-15\",\"rate\":{\"type\":\"%s\","
                + "\"tenor\":\"%s\",\"spreadBp\":50,\"nominal\":\"4.15\"},\"repayment\":\"%s\","
                + "\"fees\":[{\"payee\":\"P1\",\"item\":\"担保费\",\"amount\":\"100.00\",\"when\":\"%s\"}]}\n";
        Path zh = Files.createDirectories(tmp.resolve("zh"));
        Path canonical = Files.createDirectories(tmp.resolve("canonical"));
        Files.writeString(zh.resolve("loans.jsonl"), String.format(loan, "小型企业", "LPR", "5年期以上", "等额本息", "按年")
                + String.format(loan, "个体工商户", "\\u56fa\\u5b9a\\u5229\\u7387", "1年期", "利随本清", "按月")
                        .replace("J1", "J2"));
        Files.writeString(canonical.resolve("loans.jsonl"),
                String.format(loan, "small", "lpr", "5Y", "equal-installment", "annual")
                + String.format(loan, "individual-business", "fixed", "1Y", "bullet", "monthly").replace("J1", "J2"));
        CollectingListener read = Books.readJsonl(zh, Books.smallChunks());
        CollectingListener expected = Books.readJsonl(canonical, Books.smallChunks());
        assertEquals(List.of(), read.rejections());
        assertEquals(2, expected.loans().size());
        assertEquals(expected.loans(), read.loans());

        // an unmapped value: the reject names the mapping too
        Files.writeString(zh.resolve("loans.jsonl"), String.format(loan, "超大企业", "lpr", "1Y", "bullet", "upfront"));
        assertEquals(List.of("1: borrower.type \"超大企业\" is not one of micro, small, individual-business, micro-owner, "
                + "medium, large (nor mapped to one by value.borrower_type in config/org.feewatch.loanbook.columns.cfg)"),
                Books.readJsonl(zh, Books.smallChunks()).rejections());
    }
}
