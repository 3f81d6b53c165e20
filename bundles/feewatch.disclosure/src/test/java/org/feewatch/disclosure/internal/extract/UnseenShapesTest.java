package org.feewatch.disclosure.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.feewatch.api.Disclosure;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Price;
import org.feewatch.api.ProductTerms;
import org.feewatch.api.Repayment;
import org.feewatch.api.SourceKind;
import org.feewatch.api.Snapshot;
import org.feewatch.disclosure.internal.encoding.DecodedPage;
import org.feewatch.disclosure.internal.encoding.PageDecoder;
import org.junit.jupiter.api.Test;

/**
 * Shapes of the third round of unseen pages (hardpages bank-u … bank-z), each reduced to the cause
 * that made it fail: a headless table continuing the one above, a 计费单位 column, superscript and
 * price-side footnote marks, several items on lines of one row, a tier table named by its heading,
 * tables typed as text (in {@code <pre>}, apart by bars, ideographic spaces or commas), numbered fee
 * labels, and product pages in traditional characters or with "as low as".
 */
class UnseenShapesTest {

    private static final TableCatalogueExtractor TABLES = new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, null);
    private static final BlockCatalogueExtractor BLOCKS = new BlockCatalogueExtractor(ExtractionLimits.DEFAULTS, null);
    private static final ProductPageExtractor PRODUCTS = new ProductPageExtractor(ExtractionLimits.DEFAULTS, null);

    private static Snapshot page(String html, Charset charset) {
        byte[] body = html.getBytes(charset);
        DecodedPage decoded = PageDecoder.decode(body, null, null);
        return new Snapshot("x", "x.html", "0".repeat(64), "text/html", decoded.charset(), decoded.origin(),
                java.time.Instant.EPOCH, body, decoded.text());
    }

    private static Disclosure catalogue(String html) {
        Snapshot s = page(html, StandardCharsets.UTF_8);
        Disclosure d = Pages.extract(Pages.source("x", SourceKind.PRICE_CATALOG), s, TABLES, BLOCKS);
        return d;
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertNotNull(actual, "expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void aTableWithoutHeaderAfterACatalogueTableOfTheSameWidthContinuesIt() {
        Disclosure d = catalogue("<h4>一、结算类</h4><table><tr><td>收费项目</td><td>服务内容</td><td>收费标准</td></tr>"
                + "<tr><td>转账汇款手续费</td><td>办理转账</td><td>每笔5元</td></tr></table>"
                + "<h4>二、贷款类</h4><table><tr><td>提前还款违约金</td><td>借款人提前还款</td><td>提前还款金额的1%</td></tr></table>"
                + "<table><tr><td>咨询电话</td><td>95500</td></tr></table>");
        assertEquals(List.of("转账汇款手续费", "提前还款违约金"), Pages.names(d));
        FeeItem penalty = Pages.item(d, "提前还款违约金");
        assertEquals("借款人提前还款", penalty.content());
        assertEquals("二、贷款类", penalty.section());
        assertTrue(penalty.locator().contains("table:nth-child(4)"), penalty.locator());
    }

    @Test
    void aTableOfTheSameWidthWhoseRowsAreNoPricedItemsIsNotAContinuation() {
        Disclosure d = catalogue("<table><tr><td>收费项目</td><td>服务内容</td><td>收费标准</td></tr>"
                + "<tr><td>转账汇款手续费</td><td>办理转账</td><td>每笔5元</td></tr></table>"
                + "<table><tr><td>地址</td><td>营业时间</td><td>电话</td></tr>"
                + "<tr><td>人民路1号</td><td>9:00-17:00</td><td>95500</td></tr></table>");
        assertEquals(List.of("转账汇款手续费"), Pages.names(d));
    }

    @Test
    void aUnitColumnCompletesTheBareFiguresOfThePriceColumn() {
        Disclosure d = catalogue("<table><tr><th>收费项目</th><th>服务内容</th><th>收费标准</th><th>计费单位</th></tr>"
                + "<tr><td>贷款展期手续费</td><td>办理展期</td><td>0.1</td><td>%/笔</td></tr>"
                + "<tr><td>工本费</td><td>复印资料</td><td>10</td><td>元/份</td></tr>"
                + "<tr><td>资信证明费</td><td>出具证明</td><td>每份200元</td><td>笔</td></tr></table>");
        Price extension = Pages.item(d, "贷款展期手续费").price();
        assertEquals(Price.Kind.PERCENT, extension.kind());
        assertAmount("0.1", extension.high());
        assertEquals("0.1%/笔", Pages.item(d, "贷款展期手续费").priceText());
        assertEquals("10元/份", Pages.item(d, "工本费").priceText());
        assertEquals("每份200元", Pages.item(d, "资信证明费").priceText(), "a price with its own unit is left alone");
    }

    @Test
    void superscriptMarksAreNotPartOfTheNameAndPointAtTheirNotes() {
        Disclosure d = catalogue("<table><tr><th>收费项目</th><th>服务内容</th><th>收费标准</th></tr>"
                + "<tr><td>贷款承诺费<sup>1</sup></td><td>承诺提供贷款</td><td>0.5%</td></tr>"
                + "<tr><td>资金管理费<sup>2</sup></td><td>资金管理</td><td>0.2%</td></tr></table>"
                + "<p>注：1. 对小微企业免收。2. 按实际使用天数计收。</p>");
        assertEquals(List.of("贷款承诺费", "资金管理费"), Pages.names(d));
        assertTrue(Pages.item(d, "贷款承诺费").remark().contains("对小微企业免收"));
        String other = Pages.item(d, "资金管理费").remark();
        assertTrue(other == null || !other.contains("小微"), "note 1 is not note 2's: " + other);
    }

    @Test
    void aMarkAfterThePricePointsAtTheNoteAsOneAfterTheName() {
        Disclosure d = catalogue("<table><tr><th>收费项目</th><th>服务内容</th><th>收费标准</th></tr>"
                + "<tr><td>提前还款违约金</td><td>提前还款</td><td>提前还款金额的1%*</td></tr>"
                + "<tr><td>资信证明费</td><td>出具证明</td><td>每份200元</td></tr></table><p>*对小微企业免收。</p>");
        assertEquals("*对小微企业免收", Pages.item(d, "提前还款违约金").remark());
        assertNull(Pages.item(d, "资信证明费").remark());
        assertEquals("提前还款金额的1%*", Pages.item(d, "提前还款违约金").priceText(), "the price stays as published");
    }

    @Test
    void itemsOnLinesOfOneRowAreOneItemALine() {
        Disclosure d = catalogue("<table><tr><th>类别</th><th>收费项目</th><th>服务内容</th><th>收费标准</th></tr>"
                + "<tr><td>贷款类</td><td>资金管理费<br>贷款展期手续费</td><td>资金监管<br>办理展期</td>"
                + "<td>每笔200元<br>每笔500元</td></tr>"
                + "<tr><td>结算类</td><td>转账汇款手续费</td><td>办理转账</td><td>1万元以下每笔5元<br>1万元以上每笔10元</td></tr>"
                + "</table>");
        assertEquals(List.of("资金管理费", "贷款展期手续费", "转账汇款手续费"), Pages.names(d));
        FeeItem extension = Pages.item(d, "贷款展期手续费");
        assertEquals("每笔500元", extension.priceText());
        assertEquals("办理展期", extension.content());
        assertEquals("贷款类", extension.section());
        assertTrue(extension.locator().endsWith("tr:nth-child(2)"), "located by the row it came from: " + extension.locator());
        assertEquals(Price.Kind.TIERED, Pages.item(d, "转账汇款手续费").price().kind(),
                "tiers on lines of one item's price cell stay one item");
    }

    @Test
    void aTableOfOneFeesTiersIsNamedByItsHeading() {
        Disclosure d = catalogue("<h3>小额贷款保证保险</h3><p>保费=贷款金额×费率×期限（年）</p>"
                + "<table><tr><th>贷款期限</th><th>年费率</th></tr><tr><td>6个月（含）以内</td><td>0.9%</td></tr>"
                + "<tr><td>6个月至12个月（含）</td><td>1.2%</td></tr></table>");
        FeeItem premium = Pages.item(d, "小额贷款保证保险");
        assertEquals(Price.Kind.TIERED, premium.price().kind());
        assertEquals(2, premium.price().parts().size());
        assertEquals(Price.Period.PER_YEAR, premium.price().parts().get(1).period());
        assertAmount("1.2", premium.price().parts().get(1).high());
    }

    @Test
    void aTierTableWithNothingToNameItIsNotRead() {
        Disclosure d = catalogue("<table><tr><th>贷款期限</th><th>年费率</th></tr><tr><td>12个月</td><td>1.2%</td></tr></table>");
        assertTrue(d.items().isEmpty(), Pages.names(d).toString());
    }

    @Test
    void aTableTypedInPreWithBarsIsReadAsATable() {
        Disclosure d = catalogue("<pre>\n收费项目｜服务内容｜收费标准\n贷款承诺费｜承诺提供贷款｜承诺金额的0.5%\n"
                + "工本费｜｜每份10元\n</pre>");
        assertEquals(List.of("贷款承诺费", "工本费"), Pages.names(d));
        assertNull(Pages.item(d, "工本费").content(), "an empty cell between bars stays in its place");
        assertEquals("每份10元", Pages.item(d, "工本费").priceText());
    }

    @Test
    void paragraphsWithIdeographicSpacesBetweenCellsAreRows() {
        Disclosure d = catalogue("<div><h2>关于公布服务价格的公告</h2>"
                + "<p>根据有关规定，现将我行收费项目公布如下：</p>"
                + "<p>收费项目　　服务内容　　收费标准</p><p>资金管理费　　对贷款资金进行管理　　每笔300元</p>"
                + "<p>特此公告。</p></div>");
        assertEquals(List.of("资金管理费"), Pages.names(d));
        assertEquals("每笔300元", Pages.item(d, "资金管理费").priceText());
    }

    @Test
    void linesWithCommasBetweenCellsAreRowsWhenTheHeaderIsWrittenSo() {
        Disclosure d = catalogue("<div>收费项目，服务内容，收费标准，备注<br>延迟用款违约金，未按约定用款，未用款金额的0.5%，<br>"
                + "信贷资信证明费，出具证明，每份100元，小微企业免收<br></div>");
        assertEquals(List.of("延迟用款违约金", "信贷资信证明费"), Pages.names(d));
        assertNull(Pages.item(d, "延迟用款违约金").remark());
        assertEquals("小微企业免收", Pages.item(d, "信贷资信证明费").remark());
    }

    @Test
    void proseWithACommaIsNoHeader() {
        Disclosure d = catalogue("<div>根据《服务价格管理办法》，现将收费项目公布如下：<br>特此公告<br>某某银行<br></div>");
        assertTrue(d.items().isEmpty(), Pages.names(d).toString());
    }

    @Test
    void theNumberOfANoticesClauseIsNoPartOfTheFeesName() {
        Disclosure d = catalogue("<div><p>一、担保费率：1%-2%/年。</p><p>（二）评审费：每笔2000元。</p></div>");
        assertEquals(List.of("担保费", "评审费"), Pages.names(d));
    }

    @Test
    void productPagesInTraditionalCharactersGiveTheirTermAndFees() {
        Snapshot s = page("<html><head><meta charset=\"big5\"></head><body><h1>商貸通</h1><p>年利率低至4.35%</p>"
                + "<p>貸款期限：12個月</p><p>還款方式：按月付息，到期還本</p><p>手續費：貸款金額的1%，放款時一次性收取</p>"
                + "</body></html>", Charset.forName("Big5"));
        ProductTerms t = PRODUCTS.extract(Pages.source("p", SourceKind.PRODUCT_PAGE), s).product();
        assertAmount("4.35", t.advertisedApr());
        assertEquals(12, t.termMonths());
        assertEquals(Repayment.INTEREST_MONTHLY, t.repayment());
        assertEquals(1, t.fees().size());
        assertEquals("貸款金額的1%，放款時一次性收取", t.fees().get(0).priceText(), "the price as published");
    }

    @Test
    void asLowAsBetweenTheRatesLabelAndItsFigure() {
        Snapshot s = page("<h1>Loan</h1><p>Annualized interest rate (simple): as low as 3.6%</p><p>Term: 12 months</p>",
                StandardCharsets.UTF_8);
        ProductTerms t = PRODUCTS.extract(Pages.source("p", SourceKind.PRODUCT_PAGE), s).product();
        assertAmount("3.6", t.advertisedApr());
        assertEquals("单利", t.aprLabel());
    }

    @Test
    void aUnitInThePriceHeadersBracketsCompletesItsBareFigures() {
        Disclosure d = Pages.extract(Pages.source("g", SourceKind.PARTNER_SCHEDULE), page(
                "<table><tr><th>担保产品</th><th>服务内容</th><th>担保费率（%/年）</th></tr>"
                        + "<tr><td>科创担</td><td>科技型企业担保</td><td>1.5</td></tr>"
                        + "<tr><td>惠农担</td><td>农户担保</td><td>年化0.8%</td></tr></table>", StandardCharsets.UTF_8),
                TABLES, BLOCKS);
        Price rate = Pages.item(d, "科创担").price();
        assertEquals(Price.Kind.PERCENT, rate.kind());
        assertEquals(Price.Period.PER_YEAR, rate.period());
        assertAmount("1.5", rate.high());
        assertEquals("年化0.8%", Pages.item(d, "惠农担").priceText(), "a price with its own unit is left alone");
        Disclosure fees = catalogue("<table><tr><th>收费项目</th><th>服务内容</th><th>费率（%）</th></tr>"
                + "<tr><td>银团贷款安排费</td><td>安排银团</td><td>0.5</td></tr></table>");
        assertEquals(Price.Kind.PERCENT, Pages.item(fees, "银团贷款安排费").price().kind());
    }

    @Test
    void aDashForThePriceAndAFreeRemarkIsFreeUnlessTheRemarkNamesWhomItIsFreeFor() {
        Disclosure d = catalogue("<table><tr><th>收费项目</th><th>服务内容</th><th>收费标准</th><th>备注</th></tr>"
                + "<tr><td>贷款意向书</td><td>出具意向书</td><td>—</td><td>暂不收费</td></tr>"
                + "<tr><td>资信证明费</td><td>出具证明</td><td>-</td><td>小微企业免收</td></tr>"
                + "<tr><td>工本费</td><td>复印</td><td>详询网点</td><td>免费</td></tr>"
                + "<tr><td>押品评估费</td><td>评估押品</td><td></td><td>由我行承担</td></tr></table>");
        assertEquals(Price.Kind.FREE, Pages.item(d, "贷款意向书").price().kind());
        assertEquals("—", Pages.item(d, "贷款意向书").priceText(), "the price stays as published");
        assertEquals(Price.Kind.UNSTATED, Pages.item(d, "资信证明费").price().kind());
        assertEquals(Price.Kind.UNSTATED, Pages.item(d, "工本费").price().kind(), "a price cell with words is its own");
        assertEquals(Price.Kind.UNSTATED, Pages.item(d, "押品评估费").price().kind(), "a blank price is a missing one");
    }
}
