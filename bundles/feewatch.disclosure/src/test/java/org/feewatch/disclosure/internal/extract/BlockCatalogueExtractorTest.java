package org.feewatch.disclosure.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.feewatch.api.Disclosure;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Price;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.Snapshot;
import org.feewatch.api.spi.DisclosureExtractor;
import org.junit.jupiter.api.Test;

/** Catalogues and schedules laid out as dl/dt/dd, cards, labelled lines and per-item tables. */
class BlockCatalogueExtractorTest {

    private static final DisclosureExtractor TABLES = new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, null);
    private static final DisclosureExtractor BLOCKS = new BlockCatalogueExtractor(ExtractionLimits.DEFAULTS, null);

    /** Reads a page and checks that every item's locator finds the item's block. */
    private static Disclosure read(String page, SourceKind kind) {
        String id = page.replace(".html", "");
        Snapshot s = Pages.decoded(id, page);
        Disclosure d = Pages.extract(Pages.source(id, kind), s, TABLES, BLOCKS);
        d.items().forEach(item -> Pages.assertLocates(s, item));
        return d;
    }

    @Test
    void pagesWithoutTablesGoToTheBlockExtractor() {
        Snapshot s = Pages.decoded("dl", "dl-layout.html");
        SourceRef source = Pages.source("dl", SourceKind.PRICE_CATALOG);
        assertTrue(BLOCKS.suitability(source, s) > TABLES.suitability(source, s));
        Snapshot withTable = Pages.decoded("t", "two-catalogues.html");
        assertTrue(TABLES.suitability(source, withTable) > BLOCKS.suitability(source, withTable));
        assertEquals(0, BLOCKS.suitability(Pages.source("p", SourceKind.PRODUCT_PAGE), s));
    }

    @Test
    void dlItemsAndDtDdLabelPairsBecomeItems() {
        Disclosure d = read("dl-layout.html", SourceKind.PRICE_CATALOG);
        assertEquals(List.of("单位网银证书费", "信贷证明费", "单位跨行转账（网银）", "本票手续费"), Pages.names(d));
        FeeItem certificate = Pages.item(d, "单位网银证书费");
        assertEquals("每个证书60元", certificate.priceText());
        assertEquals("为企业网银用户提供数字证书", certificate.content());
        assertEquals("企业客户", certificate.remark());
        assertEquals("市场调节价项目", certificate.section());
        assertEquals("市场调节价", certificate.basis());
        assertEquals("小微企业免收", Pages.item(d, "信贷证明费").remark());

        FeeItem transfer = Pages.item(d, "单位跨行转账（网银）");
        assertEquals("每笔不超过5.5元", transfer.priceText());
        assertEquals("按柜面价格的一定比例收取", transfer.remark());
        assertEquals("政府指导价", transfer.basis());
        assertEquals(Price.Kind.FREE, Pages.item(d, "本票手续费").price().kind());
    }

    @Test
    void cardsLabelledLinesAndPerItemTablesBecomeItems() {
        Disclosure d = read("cards-layout.html", SourceKind.PRICE_CATALOG);
        assertEquals(List.of("融资顾问费", "押品评估费", "电子商业汇票承兑手续费", "账户资金监管服务费"), Pages.names(d));
        FeeItem advisory = Pages.item(d, "融资顾问费");
        assertEquals("每笔不超过10000元", advisory.priceText());
        assertEquals("提供融资方案设计、财务分析", advisory.content());
        assertEquals("小微企业免收", advisory.remark());
        assertEquals("白沙银行普惠金融服务收费", advisory.section(), "a card's title is its name, not a section");
        assertEquals("白沙银行普惠金融服务收费", Pages.item(d, "押品评估费").section());
        assertEquals("白沙银行普惠金融服务收费", Pages.item(d, "电子商业汇票承兑手续费").section());

        FeeItem bill = Pages.item(d, "电子商业汇票承兑手续费");
        assertEquals("按票面金额的0.05%收取", bill.priceText());
        assertEquals("政府指导价", bill.remark());
        FeeItem escrow = Pages.item(d, "账户资金监管服务费");
        assertEquals("按监管金额的0.1%-0.3%收取", escrow.priceText());
        assertEquals("对监管账户资金进行监管", escrow.content());
        assertEquals(Price.Kind.PERCENT, escrow.price().kind());
    }

    @Test
    void partnerScheduleAsItemPriceLines() {
        Disclosure d = read("partner-list.html", SourceKind.PARTNER_SCHEDULE);
        FeeItem guarantee = Pages.item(d, "担保费");
        assertEquals(List.of("担保费", "保后管理费", "评审费", "提前还款违约金", "技术服务费"), Pages.names(d));
        assertEquals("按提前还款本金的1%收取", Pages.item(d, "提前还款违约金").priceText());
        FeeItem platform = Pages.item(d, "技术服务费");
        assertEquals("按贷款本金的0.2%/月，按月收取", platform.priceText());
        assertEquals("合作平台收费", platform.section());
        assertEquals("北湖融资担保有限公司收费标准", guarantee.section());
        assertEquals("年担保费率1.5%（按担保金额计收）", guarantee.priceText());
        assertEquals(Price.Period.PER_YEAR, guarantee.price().period());
        assertEquals(Price.Period.PER_MONTH, Pages.item(d, "保后管理费").price().period());
        assertEquals(Price.Kind.FREE, Pages.item(d, "评审费").price().kind());
        assertNull(guarantee.basis());
        assertTrue(guarantee.locator().endsWith("li:nth-child(1)"), guarantee.locator());
    }

    @Test
    void aLabelTheFeeDictionaryKnowsIsAnItemEvenWithoutTheWordFee() {
        String html = "<ul><li>资信证明：每份100元</li><li>咨询电话：0000-1234567</li><li>开户许可：免费</li></ul>";
        Snapshot s = Pages.snapshotOf("x", "x", html.getBytes(java.nio.charset.StandardCharsets.UTF_8), html,
                java.nio.charset.StandardCharsets.UTF_8);
        SourceRef source = Pages.source("x", SourceKind.PRICE_CATALOG);
        assertTrue(BLOCKS.extract(source, s).items().isEmpty(), "without a dictionary 资信证明 is just a label");
        BlockCatalogueExtractor withDictionary = new BlockCatalogueExtractor(ExtractionLimits.DEFAULTS,
                new org.feewatch.engine.fees.SynonymFeeDictionary(java.util.Map.of("资信证明", "credit-certificate-fee"),
                        java.util.Set.of(), java.util.Set.of()));
        Disclosure d = withDictionary.extract(source, s);
        assertEquals(List.of("资信证明"), Pages.names(d));
        assertEquals("credit-certificate-fee", d.items().get(0).category());
        assertEquals("每份100元", d.items().get(0).priceText());
    }

    @Test
    void aRateLabelNamesItsFee() {
        Disclosure d = read("partner-rate-label.html", SourceKind.PARTNER_SCHEDULE);
        FeeItem guarantee = Pages.item(d, "担保费");
        assertEquals(Price.Period.PER_YEAR, guarantee.price().period(), "担保费率：0.8%/年");
        assertEquals(0, new java.math.BigDecimal("0.8").compareTo(guarantee.price().high()));
    }
    // ---- variants of pages not seen before (itests hardpages bank-f, bank-i) ----

    @Test
    void inlineRecordParagraphsAreSplitByTheirLabels() {
        // a CMS article (GBK, no charset): 「1.收费项目：… 服务内容：… 收费标准：… 定价方式：… 备注：…」 on one line,
        // the labels apart by spaces, ideographic spaces or &nbsp;
        Disclosure d = read("unseen-inline-records.html", SourceKind.PRICE_CATALOG);
        assertEquals(List.of("信贷资信证明费", "提前还款违约金", "贷款展期手续费"), Pages.names(d));
        FeeItem certificate = Pages.item(d, "信贷资信证明费");
        assertEquals("为客户出具信贷资信证明", certificate.content());
        assertEquals("每份200元", certificate.priceText());
        assertEquals("市场调节价", certificate.basis());
        assertEquals("小微企业免收", certificate.remark());
        FeeItem penalty = Pages.item(d, "提前还款违约金");
        assertEquals("按提前还款金额的1%收取", penalty.priceText());
        assertNull(penalty.remark());
        assertEquals(Price.Kind.FIXED, Pages.item(d, "贷款展期手续费").price().kind());
    }

    @Test
    void inlineRecordsOfAPartnerNoticeKeepAnUnknownLabelInTheValue() {
        // 「一、收费项目：平台服务费 收费标准：按借款金额的0.3%/月 收费方式：按月收取」: 收费方式 is no column word
        Disclosure d = read("unseen-partner-inline-records.html", SourceKind.PARTNER_SCHEDULE);
        assertEquals(List.of("平台服务费", "提前还款手续费"), Pages.names(d));
        assertEquals(Price.Period.PER_MONTH, Pages.item(d, "平台服务费").price().period());
        assertEquals("按剩余本金的2%收取", Pages.item(d, "提前还款手续费").priceText());
    }

    @Test
    void aListItemPricedInFractionWordsIsAnItem() {
        // 「延期提款违约金：按未按约定提款金额的千分之三收取」 has no digit before its unit
        Disclosure d = read("unseen-list-fraction-words.html", SourceKind.PRICE_CATALOG);
        assertEquals(List.of("法人账户透支承诺费", "延期提款违约金", "银团贷款安排费"), Pages.names(d));
        Price late = Pages.item(d, "延期提款违约金").price();
        assertEquals(Price.Kind.PERCENT, late.kind());
        assertEquals(0, new java.math.BigDecimal("0.3").compareTo(late.high()));
    }

    @Test
    void aPdfDumpOfBrokenLinesIsReadAsItsTable() {
        // pdftohtml's plain output: a row a <br/>, cells apart by &#160;, trailing empty cells left out
        Disclosure d = read("unseen-pdf-lines.html", SourceKind.PRICE_CATALOG);
        assertEquals(List.of("贷款承诺费", "信贷资金受托支付划拨费", "抵押登记费"), Pages.names(d));
        FeeItem commitment = Pages.item(d, "贷款承诺费");
        assertEquals("承诺在约定期限内提供贷款", commitment.content());
        assertEquals("承诺金额的0.3%", commitment.priceText());
        assertEquals("市场调节价", commitment.basis());
        assertEquals("小微企业免收", commitment.remark());
        FeeItem transfer = Pages.item(d, "信贷资金受托支付划拨费");
        assertEquals("每笔50元", transfer.priceText());
        assertNull(transfer.remark());
        assertEquals(Price.Kind.FREE, Pages.item(d, "抵押登记费").price().kind(), "不向客户收取");
    }

    @Test
    void aPdfDumpOfPositionedCellsIsReadByRowsAndColumns() {
        // pdftohtml -c: one absolutely positioned <p> a cell; a content cell wrapped onto a second line
        Disclosure d = read("unseen-pdf-positioned.html", SourceKind.PRICE_CATALOG);
        assertEquals(List.of("延迟用款违约金", "贷款展期手续费"), Pages.names(d));
        FeeItem late = Pages.item(d, "延迟用款违约金");
        assertEquals("未用款金额的0.05%/日", late.priceText());
        assertEquals(Price.Period.PER_DAY, late.price().period());
        assertTrue(late.content().startsWith("借款人未按合同约定") && late.content().endsWith("用款"), late.content());
        assertEquals("每笔200元", Pages.item(d, "贷款展期手续费").priceText());
    }

    @Test
    void textThatOnlyLooksLikeLinesIsNoTable() {
        String html = "<div>地址：某市某路1号<br>电话：0000-1234567<br>营业时间：9:00&#160;&#160;17:00<br></div>";
        Snapshot s = Pages.snapshotOf("x", "x", html.getBytes(java.nio.charset.StandardCharsets.UTF_8), html,
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(BLOCKS.extract(Pages.source("x", SourceKind.PRICE_CATALOG), s).items().isEmpty());
    }

    @Test
    void aDefinitionThatStatesAPriceIsTheTermsPrice() {
        // <dt>融资担保费</dt><dd>年化1.2%，按年收取</dd>: no 收费标准 label
        Disclosure d = read("unseen-dt-dd-price.html", SourceKind.PARTNER_SCHEDULE);
        assertEquals(List.of("融资担保费", "保证金"), Pages.names(d));
        FeeItem guarantee = Pages.item(d, "融资担保费");
        assertEquals("年化1.2%，按年收取", guarantee.priceText());
        assertEquals(Price.Period.PER_YEAR, guarantee.price().period());
        assertEquals(Price.Kind.FREE, Pages.item(d, "保证金").price().kind());
    }
    @Test
    void aTableOfDivsIsReadAsATable() {
        // <div role=table> of <div role=row> of <div class=fee-cell>, the header the first row
        Disclosure d = read("unseen-div-grid-utf8-says-gb2312.html", SourceKind.PRICE_CATALOG);
        assertEquals(List.of("贷款承诺费", "资金管理费", "信贷资信证明费"), Pages.names(d));
        FeeItem fund = Pages.item(d, "资金管理费");
        assertEquals("对贷款资金使用进行监督管理", fund.content());
        assertEquals("每笔800元", fund.priceText());
        assertEquals("小微企业客户不再收取", fund.remark());
        assertTrue(fund.locator().endsWith("div:nth-child(3)"), "the row itself: " + fund.locator());
        assertNull(Pages.item(d, "信贷资信证明费").remark());
    }

    @Test
    void twoFeesOnOneLineAreTwoItems() {
        // 「担保费：年化0.8%；保证金：担保金额的10%（担保责任解除后全额退还）。」
        Disclosure d = read("unseen-two-fees-one-line.html", SourceKind.PARTNER_SCHEDULE);
        assertEquals(List.of("担保费", "保证金", "提前还款违约金"), Pages.names(d));
        assertEquals("年化0.8%", Pages.item(d, "担保费").priceText());
        assertEquals(Price.Kind.PERCENT, Pages.item(d, "担保费").price().kind());
        assertEquals(0, new java.math.BigDecimal("0.8").compareTo(Pages.item(d, "担保费").price().high()));
    }

    @Test
    void aFeeWrittenAsAFormulaIsAnItem() {
        // 「担保费＝担保金额×1.5%×担保期限（年）」: 1.5 % a year
        Disclosure d = read("unseen-fee-formula.html", SourceKind.PARTNER_SCHEDULE);
        FeeItem guarantee = Pages.item(d, "担保费");
        assertEquals("担保金额×1.5%×担保期限（年）", guarantee.priceText());
        assertEquals(Price.Period.PER_YEAR, guarantee.price().period());
        assertEquals(0, new java.math.BigDecimal("1.5").compareTo(guarantee.price().high()));
    }

    @Test
    void aPdf2htmlexPageIsReadByItsSpacedLines() {
        // one <div class="t"> a line, cells apart by spacer <span class="_ _N"> elements, a background <img>
        Disclosure d = read("unseen-pdf2htmlex.html", SourceKind.PRICE_CATALOG);
        assertEquals(List.of("提前还款违约金", "信贷资金受托支付划拨费", "贷款承诺费"), Pages.names(d));
        FeeItem transfer = Pages.item(d, "信贷资金受托支付划拨费");
        assertEquals("划拨信贷资金", transfer.content());
        assertEquals("每笔20元", transfer.priceText());
        assertNull(transfer.remark());
        assertEquals("仅对大中型企业收取", Pages.item(d, "贷款承诺费").remark());
    }

    @Test
    void paragraphsBrokenIntoLinesAreNoTable() {
        // 「项目1<br>说明1<br>其他1」 holds column words but figures too, and no gap between cells
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 1; i <= 20; i++) {
            html.append("<p>项目").append(i).append("<br>说明").append(i).append("<br>其他").append(i).append("</p>");
        }
        String page = html.append("</body></html>").toString();
        Snapshot s = Pages.snapshotOf("x", "x", page.getBytes(java.nio.charset.StandardCharsets.UTF_8), page,
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(BLOCKS.extract(Pages.source("x", SourceKind.PRICE_CATALOG), s).items().isEmpty());
    }
}
