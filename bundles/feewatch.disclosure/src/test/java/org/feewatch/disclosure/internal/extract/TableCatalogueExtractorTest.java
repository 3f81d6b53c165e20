package org.feewatch.disclosure.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.Disclosure;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Price;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.Snapshot;
import org.feewatch.engine.fees.SynonymFeeDictionary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Price catalogues as HTML tables: spans, multi-row headers, sections, category rows, encodings. */
class TableCatalogueExtractorTest {

    private final TableCatalogueExtractor extractor = new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, null);

    /** Reads a test page decoded as the fetcher decodes it (BOM, meta declaration, detection). */
    private Disclosure read(String page) {
        String id = page.replace(".html", "");
        Snapshot s = Pages.decoded(id, page);
        SourceRef source = Pages.source(id, SourceKind.PRICE_CATALOG);
        assertEquals(TableCatalogueExtractor.TABLE_PAGE, extractor.suitability(source, s));
        Disclosure d = extractor.extract(source, s);
        d.items().forEach(item -> Pages.assertLocates(s, item));
        return d;
    }

    private static void assertLocatesRow(Snapshot s, FeeItem item) {
        // as a browser does, a byte-order mark is not part of the page
        Document doc = Jsoup.parse(s.text().replace("\ufeff", ""));
        String rowText = doc.select(item.locator()).text();
        assertTrue(rowText.contains(item.name()), item.locator() + " should point at the row of " + item.name()
                + " but holds \"" + rowText + "\"");
    }

    @Test
    void gbkPageWithNoDeclaredCharsetReadsItsItems() {
        Snapshot s = Pages.decoded("gbk", "gbk-undeclared.html");
        assertEquals("detected", s.charsetOrigin());
        assertTrue(s.charset().startsWith("GB"), s.charset());
        Disclosure d = read("gbk-undeclared.html");
        assertEquals(List.of("对公账户管理费", "信贷资信证明费", "贷款承诺费", "电子回单打印"), Pages.names(d));
        FeeItem fee = Pages.item(d, "贷款承诺费");
        assertEquals("按承诺金额的0.3%收取", fee.priceText());
        assertEquals("市场调节价", fee.basis());
        assertEquals("对小微企业免收", fee.remark());
        assertEquals(Price.Kind.PERCENT, fee.price().kind());
        assertEquals(Price.Kind.FREE, Pages.item(d, "电子回单打印").price().kind());
        assertLocatesRow(s, fee);
    }

    @Test
    void twoLevelHeaderJoinsChannelPricesUnderTheirSubLabels() {
        assertEquals("meta", Pages.decoded("gb", "gb2312-http-equiv.html").charsetOrigin());
        Disclosure d = read("gb2312-http-equiv.html");
        assertEquals(List.of("单位账户余额查询", "单位同行转账", "对账单邮寄"), Pages.names(d));
        assertEquals("柜面：每次2元；网上银行：免费", Pages.item(d, "单位账户余额查询").priceText());
        FeeItem transfer = Pages.item(d, "单位同行转账");
        assertEquals("柜面：每笔5元；网上银行：每笔1元", transfer.priceText());
        assertEquals("小微企业按9折收取", transfer.remark());
        assertEquals("临溪银行结算服务价格表", transfer.section());
    }

    @Test
    void rowspanTiersBecomeOneItemAndContinuationRowsJoinTheItemAbove() {
        Snapshot s = Pages.decoded("utf8-bom-rowspan", "utf8-bom-rowspan.html");
        assertEquals("bom", s.charsetOrigin());
        Disclosure d = read("utf8-bom-rowspan.html");
        assertEquals(List.of("单位人民币跨行转账（柜面）", "银行汇票手续费", "保函手续费"), Pages.names(d));
        FeeItem transfer = Pages.item(d, "单位人民币跨行转账（柜面）");
        assertEquals("1万元（含）以下每笔5元；1万元至10万元（含）每笔10元；10万元至50万元（含）每笔15元；"
                + "50万元至100万元（含）每笔20元；100万元以上按汇款金额的0.002%收取，每笔最高200元", transfer.priceText());
        assertEquals(Price.Kind.TIERED, transfer.price().kind());
        assertEquals("发改价格〔2014〕268号", transfer.basis());
        assertEquals("为单位客户办理跨行转账", transfer.content());
        assertEquals("小微企业10万元（含）以下按9折收取", transfer.remark());
        assertEquals(5, transfer.text().split("\n").length, "evidence keeps every tier row");
        assertLocatesRow(s, transfer);

        FeeItem guarantee = Pages.item(d, "保函手续费");
        assertEquals("按保函金额的年费率0.5%-2%收取；每笔最低300元", guarantee.priceText());
        assertEquals("保函修改每次300元", guarantee.remark());
        assertEquals(Price.Kind.FREE, Pages.item(d, "银行汇票手续费").price().kind());
    }

    @Test
    void sectionHeadingsGiveTheBasisOfEveryRowBelow() {
        Disclosure d = read("sections-gov-guided.html");
        assertEquals(List.of("人民币转账汇款", "银行汇票", "支票工本费", "贷款承诺费", "财务顾问费"), Pages.names(d));
        FeeItem transfer = Pages.item(d, "人民币转账汇款");
        assertEquals("一、政府指导价", transfer.section());
        assertEquals("发改价格〔2014〕268号", transfer.basis(), "the basis column wins over the heading");
        assertEquals("2021年9月30日至2024年12月31日对小微企业按9折收取", transfer.remark());
        assertTrue(transfer.text().startsWith("11001"), "the 5-digit code stays in the evidence");
        assertEquals("发改价格〔2014〕268号", Pages.item(d, "银行汇票").basis(), "rowspan basis covers the next row");

        FeeItem cheque = Pages.item(d, "支票工本费");
        assertEquals("二、政府定价", cheque.section());
        assertEquals(Price.Kind.FREE, cheque.price().kind());

        FeeItem commitment = Pages.item(d, "贷款承诺费");
        assertEquals("三、市场调节价", commitment.section());
        assertEquals("市场调节价", commitment.basis(), "an empty basis cell takes the section's basis");
        assertEquals("仅适用于大中型企业", commitment.remark());
        assertEquals(Price.Kind.NEGOTIATED, Pages.item(d, "财务顾问费").price().kind());
    }

    @Test
    void categoryRowsAcrossTheTableOpenSectionsAndSubsections() {
        Disclosure d = read("category-rows.html");
        assertEquals(List.of("单位结算账户管理费", "单位账户开户手续费", "单位同城转账", "授信承诺费", "银团贷款安排费"),
                Pages.names(d));
        FeeItem account = Pages.item(d, "单位结算账户管理费");
        assertEquals("（一）账户管理", account.section());
        assertEquals("政府指导价", account.basis());
        assertEquals("小微企业免收", account.remark());
        assertTrue(account.locator().startsWith("#catalogue"), account.locator());
        assertEquals("（二）转账汇款", Pages.item(d, "单位同城转账").section());
        assertEquals("政府指导价", Pages.item(d, "单位同城转账").basis());
        FeeItem credit = Pages.item(d, "授信承诺费");
        assertEquals("二、市场调节价类", credit.section());
        assertEquals("市场调节价", credit.basis());
        assertEquals("协议定价", Pages.item(d, "银团贷款安排费").basis(), "定价方式 column as published");
    }

    @Test
    void bilingualTabsSplitIntoGovernmentGuidedAndMarketAdjustedItems() {
        Disclosure d = read("bilingual-tabs.html");
        assertEquals(4, d.items().size(), Pages.names(d).toString());
        FeeItem transfer = Pages.item(d, "Corporate cross-bank transfer (counter) 单位跨行转账（柜面）");
        assertEquals("政府指导价", transfer.basis());
        assertEquals("RMB 5-20 per transaction 每笔5-20元", transfer.priceText());
        assertEquals("10% off for small and micro enterprises 小微企业9折；Valid until 2024-09-30", transfer.remark());
        assertEquals("Government-Guided Pricing Items 政府指导价项目", transfer.section());
        FeeItem account = Pages.item(d, "Account management fee 账户管理费");
        assertEquals("市场调节价", account.basis());
        FeeItem commitment = Pages.item(d, "Commitment fee 承诺费");
        assertEquals("市场调节价", commitment.basis());
        assertEquals("Not applicable to small and micro enterprises 不适用于小微企业", commitment.remark());
        assertEquals(Price.Kind.PERCENT, commitment.price().kind());
    }

    @Test
    void twoCataloguesOnOnePageKeepTheirOwnColumnsAndCategories() {
        Disclosure d = read("two-catalogues.html");
        assertEquals(List.of("境内保函", "保函修改", "银团贷款安排费", "个人存款证明", "个人账户挂失"), Pages.names(d));
        FeeItem guarantee = Pages.item(d, "境内保函");
        assertEquals("担保与承诺", guarantee.section(), "the business-category column names the section");
        assertEquals("开立境内保函", guarantee.content());
        assertEquals("按保函金额的0.5‰-4%/年，最低300元", guarantee.priceText());
        assertEquals("担保与承诺", Pages.item(d, "保函修改").section(), "rowspan category covers the next row");
        assertEquals("按项目收取", Pages.item(d, "银团贷款安排费").remark());
        FeeItem certificate = Pages.item(d, "个人存款证明");
        assertEquals("个人服务价格", certificate.section());
        assertEquals("每份20元", certificate.priceText());
        assertEquals("个人客户", certificate.remark());
        assertNull(certificate.basis());
    }

    @Test
    void categoriesComeFromTheFeeDictionaryWhenOneIsGiven() {
        SynonymFeeDictionary dictionary = new SynonymFeeDictionary(
                Map.of("承诺费", "commitment-fee", "资信证明", "credit-certificate-fee"), Set.of("commitment-fee"), Set.of());
        TableCatalogueExtractor withDictionary = new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, dictionary);
        Snapshot s = Pages.decoded("gbk", "gbk-undeclared.html");
        Disclosure d = withDictionary.extract(Pages.source("gbk", SourceKind.PRICE_CATALOG), s);
        assertEquals("commitment-fee", Pages.item(d, "贷款承诺费").category());
        assertEquals("credit-certificate-fee", Pages.item(d, "信贷资信证明费").category());
        assertNull(Pages.item(d, "电子回单打印").category());
        assertNull(read("gbk-undeclared.html").items().get(0).category(),
                "without a dictionary the category is left to the engine");
    }

    @Test
    void aByteOrderMarkLeftInTheTextIsNotPartOfThePage() {
        Snapshot s = Pages.snapshot("bom", "utf8-bom-rowspan.html", StandardCharsets.UTF_8);
        assertEquals('\ufeff', s.text().charAt(0));
        Disclosure d = extractor.extract(Pages.source("bom", SourceKind.PRICE_CATALOG), s);
        assertEquals(List.of("单位人民币跨行转账（柜面）", "银行汇票手续费", "保函手续费"), Pages.names(d));
        assertTrue(d.items().get(0).locator().startsWith("html > body"), d.items().get(0).locator());
    }

    @Test
    void tieredTransferPriceIsParsedIntoItsTiers() {
        FeeItem transfer = Pages.item(read("utf8-bom-rowspan.html"), "单位人民币跨行转账（柜面）");
        assertEquals(5, transfer.price().parts().size());
        assertEquals(0, new BigDecimal("5").compareTo(transfer.price().parts().get(0).high()));
    }

    @Test
    void categoryRowsThatDoNotSpanTheTableAreSectionsNotItems() {
        Disclosure d = read("category-rows-unspanned.html");
        assertEquals(List.of("贷款承诺费", "贷款展期手续费", "提前还款违约金", "单位账户管理费"), Pages.names(d));
        assertEquals("（一）贷款类", Pages.item(d, "贷款承诺费").section());
        assertEquals("（二）结算类", Pages.item(d, "单位账户管理费").section());
        FeeItem penalty = Pages.item(d, "提前还款违约金");
        assertTrue(penalty.priceText().contains("1年以上：1%"), "the tier on the next row joins its item: " + penalty.priceText());
    }
    // ---- variants of pages not seen before (itests hardpages bank-f, bank-g) ----

    @Test
    void aClassCellOnARowspanUnderATwoColumnItemHeaderIsASection() {
        // 「收费项目」 over two columns: 贷款类 (rowspan 4) | 贷款承诺费; the header is the table's third row, under a
        // 单位 row and a title row; layout and notice tables come first and a second catalogue table follows
        Disclosure d = read("unseen-class-rowspan.html");
        assertEquals(List.of("贷款承诺费", "资金管理费", "贷款展期手续费", "银团贷款安排费", "信贷资信证明费", "贷款意向书",
                "单位结算账户管理费", "受托支付手续费"), Pages.names(d));
        FeeItem commitment = Pages.item(d, "贷款承诺费");
        assertEquals("贷款类", commitment.section());
        assertEquals("按承诺金额的0.3%/年", commitment.priceText());
        assertEquals("大中型企业", commitment.remark(), "the 适用对象 column");
        assertTrue(org.feewatch.engine.fees.SmallMicroExemption.exempts(commitment),
                "an item for large and medium enterprises only does not apply to small and micro ones");
        assertFalse(org.feewatch.engine.fees.SmallMicroExemption.exempts(Pages.item(d, "资金管理费")), "全部对公客户");
        assertEquals("证明类", Pages.item(d, "贷款意向书").section());
        assertEquals(Price.Kind.UNSTATED, Pages.item(d, "贷款意向书").price().kind(), "按次收取");
        assertEquals("二、结算业务", Pages.item(d, "受托支付手续费").section());
    }

    @Test
    void keyValueTablesOfOneItemEachUnderAByteOrderMarkThatContradictsTheMeta() {
        Snapshot s = Pages.decoded("kv", "unseen-kv-bom-wrong-meta.html");
        assertEquals("bom", s.charsetOrigin());
        Disclosure d = Pages.extract(Pages.source("kv", SourceKind.PRICE_CATALOG), s, extractor,
                new BlockCatalogueExtractor(ExtractionLimits.DEFAULTS, null));
        assertEquals(List.of("贷款承诺费", "资金管理费", "贷款意向书"), Pages.names(d));
        FeeItem fund = Pages.item(d, "资金管理费");
        assertEquals(0, new BigDecimal("1000").compareTo(fund.price().high()), "每笔１０００元");
        assertEquals("小微企业按5折收取", fund.remark());
        assertEquals(Price.Kind.UNSTATED, Pages.item(d, "贷款意向书").price().kind(), "详见营业网点公告");
    }

    @Test
    void aTransposedTableHasOneItemAColumn() {
        // labels down the first column (收费项目, 服务内容, 收费标准, 定价方式, 备注); GB18030 with a four-byte
        // character, its meta after 4 KB of script, so the charset is detected
        Snapshot s = Pages.decoded("t", "unseen-transposed-late-meta.html");
        assertTrue(s.charset().startsWith("GB"), s.charset());
        assertTrue(s.text().contains("䶮山支行"));
        Disclosure d = read("unseen-transposed-late-meta.html");
        assertEquals(List.of("贷款承诺费", "资金管理费", "贷款展期手续费"), Pages.names(d));
        FeeItem commitment = Pages.item(d, "贷款承诺费");
        assertEquals("承诺在约定期限内提供贷款", commitment.content());
        assertEquals("承诺金额的0.5%", commitment.priceText());
        assertEquals("市场调节价", commitment.basis());
        assertEquals("对小微企业免收", commitment.remark());
        assertNull(Pages.item(d, "资金管理费").remark());
        assertEquals("table:nth-child(2)", commitment.locator().substring(commitment.locator().lastIndexOf(' ') + 1),
                "a turned row is located by its table");
    }

    @Test
    void aColumnInYuanReadsItsBareFiguresAsYuan() {
        // 收费标准（元）: 200/份, 500/笔; the item column is headed 业务名称
        Disclosure d = read("unseen-yuan-column.html");
        assertEquals(List.of("信贷资信证明", "贷款展期手续费", "提前还款违约金", "贷款意向书"), Pages.names(d));
        FeeItem extension = Pages.item(d, "贷款展期手续费");
        assertEquals("500/笔", extension.priceText(), "the text as published");
        assertEquals(Price.Kind.FIXED, extension.price().kind());
        assertEquals(0, new BigDecimal("500").compareTo(extension.price().high()));
        assertEquals("笔", extension.price().unit());
        assertEquals(Price.Kind.PERCENT, Pages.item(d, "提前还款违约金").price().kind());
        assertEquals("200元/份，最高50元", TableReader.inMoney("200/份，最高50", "元"));
        assertEquals("按金额的1%；千分之三", TableReader.inMoney("按金额的1%；千分之三", "元"), "percentages stay");
    }

    @Test
    void footnoteMarksPointAtTheNotesUnderTheTable() {
        // 贷款承诺费* and 延迟用款违约金① with 「注：1.标“*”的项目对小微企业免收。」 and 「2.①项目仅对大中型企业收取。」
        Disclosure d = read("unseen-footnotes.html");
        assertEquals(List.of("贷款承诺费", "资金管理费", "延迟用款违约金"), Pages.names(d), "the marks are not the names");
        FeeItem commitment = Pages.item(d, "贷款承诺费");
        assertTrue(commitment.remark().contains("对小微企业免收"), commitment.remark());
        assertTrue(org.feewatch.engine.fees.SmallMicroExemption.exempts(commitment));
        assertTrue(Pages.item(d, "延迟用款违约金").remark().contains("仅对大中型企业收取"));
        assertNull(Pages.item(d, "资金管理费").remark(), "an unmarked item gets no note");
    }

    @Test
    void aPriceHeaderThatNamesItsFeeGivesTheItemsCategory() {
        // 担保产品 | 担保费率: 科创担保 and 商户担保 are guarantee fees
        TableCatalogueExtractor withDictionary = new TableCatalogueExtractor(ExtractionLimits.DEFAULTS,
                new SynonymFeeDictionary(Map.of("担保费", "guarantee-fee"), Set.of(), Set.of()));
        Snapshot s = Pages.decoded("g", "unseen-fee-named-by-header.html");
        Disclosure d = withDictionary.extract(Pages.source("g", SourceKind.PARTNER_SCHEDULE), s);
        assertEquals(List.of("科创担保", "商户担保"), Pages.names(d));
        assertEquals("guarantee-fee", Pages.item(d, "商户担保").category());
        assertEquals(Price.Period.PER_YEAR, Pages.item(d, "商户担保").price().period());
    }

    @Test
    void aNameAndRateHeaderIsACatalogueHeader() {
        // 名称 | 费率 | 说明 in <td>s
        Disclosure d = read("unseen-name-header.html");
        assertEquals(List.of("平台服务费", "提前结清手续费"), Pages.names(d));
        assertEquals("借款满6个月后免收", Pages.item(d, "提前结清手续费").remark());
    }
    @Test
    void tiersOnLinesOfOneCellStayApart() {
        // 展期金额100万元（含）以下：每笔500元<br>展期金额100万元以上：每笔1000元; <p>按…0.1%收取</p><p>最低500元</p>;
        // item names in <th scope="row">; UTF-8 behind a meta that says gb2312
        Disclosure d = read("unseen-tiers-on-lines.html");
        assertEquals(List.of("贷款展期手续费", "委托贷款手续费", "提前还款违约金"), Pages.names(d));
        Price extension = Pages.item(d, "贷款展期手续费").price();
        assertEquals(Price.Kind.TIERED, extension.kind());
        assertEquals(2, extension.parts().size());
        assertEquals(0, new BigDecimal("1000").compareTo(extension.parts().get(1).high()));
        Price entrusted = Pages.item(d, "委托贷款手续费").price();
        assertEquals(Price.Kind.PERCENT, entrusted.kind());
        assertEquals(0, new BigDecimal("500").compareTo(entrusted.minimum()));
    }

    @Test
    void gbkBehindALatinLabelIsReadAsChinese() {
        Snapshot s = Pages.decoded("l", "unseen-gbk-says-latin1.html");
        assertEquals("GB18030", s.charset());
        assertEquals(List.of("延期提款违约金"), Pages.names(read("unseen-gbk-says-latin1.html")));
    }
    @Test
    void minimumAndMaximumColumnsInYuanBoundThePercentage() {
        // 收费标准 over 费率 | 最低（元） | 最高（元）: the second header row is header, not data
        Disclosure d = read("unseen-min-max-columns.html");
        assertEquals(List.of("银团贷款安排费", "贷款展期手续费"), Pages.names(d));
        Price extension = Pages.item(d, "贷款展期手续费").price();
        assertEquals(Price.Kind.PERCENT, extension.kind());
        assertEquals(0, new BigDecimal("0.1").compareTo(extension.high()));
        assertEquals(0, new BigDecimal("200").compareTo(extension.minimum()));
        assertEquals(0, new BigDecimal("2000").compareTo(extension.maximum()));
    }
    @Test
    void dataRowsWrittenInThCellsAreNotASecondHeaderRow() {
        // every cell a <th>; the first data row (贷款意向书 | 出具贷款意向书 | 面议) has no figure
        Disclosure d = read("unseen-all-th-cells.html");
        assertEquals(List.of("贷款意向书", "提前还款违约金"), Pages.names(d));
        assertEquals(Price.Kind.NEGOTIATED, Pages.item(d, "贷款意向书").price().kind());
    }

    @Test
    void anItemWithOldAndNewPricesKeepsEachRowsEffectiveDateWithItsPrice() {
        Disclosure d = read("dated-rows.html");
        assertEquals(List.of("贷款承诺费", "资信证明", "单位人民币跨行转账"), Pages.names(d));
        FeeItem commitment = Pages.item(d, "贷款承诺费");
        assertEquals("2022.1.1-2022.12.31：按承诺金额的1%收取；2023年1月1日起：按承诺金额的0.5%收取", commitment.priceText());
        assertEquals(Price.Kind.TIERED, commitment.price().kind());
        assertEquals(2, org.feewatch.engine.price.DatedTerms.parts(commitment.price()).size());
        // the discount and the effective date of a one-row item stay in its remark
        assertEquals("2021年9月30日至2024年9月30日，对小微企业免收；2021-01-01", Pages.item(d, "资信证明").remark());
        // one effective date over tiers by amount: the tiers are as before
        assertEquals("1万元（含）以下每笔5元；1万元以上每笔10元", Pages.item(d, "单位人民币跨行转账").priceText());
    }
}
