package org.feewatch.disclosure.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.feewatch.api.Disclosure;
import org.feewatch.api.Price;
import org.feewatch.api.SourceKind;
import org.feewatch.api.Snapshot;
import org.feewatch.disclosure.internal.encoding.DecodedPage;
import org.feewatch.disclosure.internal.encoding.PageDecoder;
import org.junit.jupiter.api.Test;

/**
 * Shapes of the fourth round of unseen pages (hardpages bank-zb …), each reduced to the cause that made
 * it fail: struck-through old prices, {@code <details>} panels, a flat CSS grid of cells, header levels
 * three deep, one price over two borrower columns, and footnotes far from their marks.
 */
class FourthRoundShapesTest {

    private static final TableCatalogueExtractor TABLES = new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, null);
    private static final BlockCatalogueExtractor BLOCKS = new BlockCatalogueExtractor(ExtractionLimits.DEFAULTS, null);

    static Snapshot page(String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        DecodedPage decoded = PageDecoder.decode(body, null, null);
        return new Snapshot("x", "x.html", "0".repeat(64), "text/html", decoded.charset(), decoded.origin(),
                java.time.Instant.EPOCH, body, decoded.text());
    }

    static Disclosure catalogue(String html) {
        return Pages.extract(Pages.source("x", SourceKind.PRICE_CATALOG), page(html), TABLES, BLOCKS);
    }

    private static final String HEAD = "<table><tr><th>收费项目</th><th>服务内容</th><th>收费标准</th></tr>";

    @Test
    void aStruckThroughOldPriceIsWithdrawnAndTheNewOneRead() {
        Disclosure d = catalogue("<style>.was{text-decoration:line-through} .nav a:hover{text-decoration:line-through}"
                + "</style>" + HEAD
                + "<tr><td>贷款展期手续费</td><td>办理展期</td><td><del>1000元/笔</del> 500元/笔</td></tr>"
                + "<tr><td>银团贷款安排费</td><td>组建银团</td><td><s>1%</s><br>0.5%</td></tr>"
                + "<tr><td>工本费</td><td>复印资料</td><td><strike>20元/份</strike>10元/份</td></tr>"
                + "<tr><td>资信证明费</td><td>出具证明</td><td><span style=\"text-decoration: line-through\">200元/份</span>免费</td></tr>"
                + "<tr><td>贷款意向书</td><td>出具意向书</td><td><span class=\"was\">300元/份</span> 100元/份</td></tr>"
                + "<tr class=\"nav\"><td>贷款承诺函</td><td>出具承诺函</td><td>每份500元</td></tr></table>");
        assertEquals("500元/笔", Pages.item(d, "贷款展期手续费").priceText());
        assertEquals("0.5%", Pages.item(d, "银团贷款安排费").priceText());
        assertEquals("10元/份", Pages.item(d, "工本费").priceText());
        assertEquals(Price.Kind.FREE, Pages.item(d, "资信证明费").price().kind());
        assertEquals("100元/份", Pages.item(d, "贷款意向书").priceText());
        assertEquals("每份500元", Pages.item(d, "贷款承诺函").priceText(), "a rule for links in a class strikes no row");
    }

    @Test
    void aStruckItemIsNotPublished() {
        Disclosure d = catalogue(HEAD + "<tr><td><del>资金管理费</del></td><td><del>资金监管</del></td><td><del>每笔200元</del></td></tr>"
                + "<tr><td>贷款展期手续费</td><td>办理展期</td><td>500元/笔</td></tr></table>");
        assertEquals(List.of("贷款展期手续费"), Pages.names(d));
    }

    @Test
    void theSummaryOfADetailsPanelIsTheSectionOfItsTable() {
        Disclosure d = catalogue("<h1>价格目录</h1><details open><summary>贷款业务类</summary>" + HEAD
                + "<tr><td>贷款展期手续费</td><td>办理展期</td><td>500元/笔</td></tr></table></details>"
                + "<details><summary>二、结算业务类</summary>" + HEAD
                + "<tr><td>转账汇款手续费</td><td>办理转账</td><td>每笔5元</td></tr></table></details>");
        assertEquals("贷款业务类", Pages.item(d, "贷款展期手续费").section());
        assertEquals("二、结算业务类", Pages.item(d, "转账汇款手续费").section());
    }

    @Test
    void aCssGridOfCellsWithoutRowsIsReadByItsHeaderCells() {
        Disclosure d = catalogue("<div style=\"display:grid;grid-template-columns:repeat(3,1fr)\">"
                + "<div>收费项目</div><div>服务内容</div><div>收费标准</div>"
                + "<div>资金管理费</div><div>资金监管</div><div>每笔2000元</div>"
                + "<div>贷款意向书</div><div>出具意向书</div><div></div></div>");
        assertEquals(List.of("资金管理费", "贷款意向书"), Pages.names(d));
        assertEquals("资金监管", Pages.item(d, "资金管理费").content());
        assertEquals("每笔2000元", Pages.item(d, "资金管理费").priceText());
        assertEquals(Price.Kind.UNSTATED, Pages.item(d, "贷款意向书").price().kind(), "an empty cell is a missing price");
    }

    @Test
    void divsThatDoNotFillWholeRowsUnderTheirHeaderAreNoGrid() {
        Disclosure d = catalogue("<div><div>收费项目</div><div>收费标准</div><div>资金管理费</div></div>");
        assertTrue(d.items().isEmpty(), Pages.names(d).toString());
    }

    @Test
    void aThirdHeaderLevelKeepsEveryLevelInTheTierLabel() {
        Disclosure d = catalogue("<table><tr><td rowspan=3><b>收费项目</b></td><td rowspan=3><b>服务内容</b></td>"
                + "<td colspan=4><b>收费标准</b></td></tr>"
                + "<tr><td colspan=2><b>对公客户</b></td><td colspan=2><b>个人客户</b></td></tr>"
                + "<tr><td><b>柜面</b></td><td><b>网上银行</b></td><td><b>柜面</b></td><td><b>网上银行</b></td></tr>"
                + "<tr><td>贷款展期手续费</td><td>办理展期</td><td>500元/笔</td><td>300元/笔</td><td>200元/笔</td><td>100元/笔</td></tr>"
                + "<tr><td>资信证明费</td><td>出具证明</td><td colspan=2>200元/份</td><td colspan=2>免费</td></tr></table>");
        assertEquals("对公客户柜面：500元/笔；对公客户网上银行：300元/笔；个人客户柜面：200元/笔；个人客户网上银行：100元/笔",
                Pages.item(d, "贷款展期手续费").priceText());
        assertEquals("对公客户：200元/份；个人客户：免费", Pages.item(d, "资信证明费").priceText(),
                "a cell over both channels keeps the level they share");
    }

    @Test
    void onePriceOverEveryBorrowerColumnHasNoBorrowerLabel() {
        Disclosure d = catalogue("<table><tr><th rowspan=2>收费项目</th><th rowspan=2>服务内容</th><th colspan=2>收费标准</th></tr>"
                + "<tr><th>大中型企业</th><th>小微企业</th></tr>"
                + "<tr><td>资金管理费</td><td>资金监管</td><td colspan=2>每笔800元</td></tr>"
                + "<tr><td>银团贷款代理费</td><td>代理行</td><td>每年10000元</td><td>每年5000元</td></tr></table>");
        assertEquals("每笔800元", Pages.item(d, "资金管理费").priceText());
        assertEquals("大中型企业：每年10000元；小微企业：每年5000元", Pages.item(d, "银团贷款代理费").priceText());
    }

    @Test
    void marksAfterPricesFindTheirNotesAtTheFootOfThePage() {
        Disclosure d = catalogue(HEAD
                + "<tr><td>贷款承诺费</td><td>承诺提供贷款</td><td>承诺金额的0.5%①</td></tr>"
                + "<tr><td>延迟用款违约金</td><td>未按约定用款</td><td>未用金额的0.3%<sup>注1</sup></td></tr>"
                + "<tr><td>提前还款违约金</td><td>提前还款</td><td>提前还款金额的1%<sup><a href=\"#n3\">[3]</a></sup></td></tr>"
                + "<tr><td>资金管理费</td><td>资金监管</td><td>每笔1000元</td></tr></table>"
                + "<h3>结算类</h3>" + HEAD + "<tr><td>转账汇款手续费</td><td>办理转账</td><td>每笔5元</td></tr></table>"
                + "<p>本目录自2024年1月1日起执行。</p>"
                + "<div class=\"notes\"><p>① 对小微企业免收。</p><p>注1：对小型、微型企业免收。</p>"
                + "<p id=\"n3\">[3] 借款合同另有约定的从其约定。</p></div>");
        assertEquals("① 对小微企业免收", Pages.item(d, "贷款承诺费").remark());
        assertEquals("注1：对小型、微型企业免收", Pages.item(d, "延迟用款违约金").remark());
        assertEquals("[3] 借款合同另有约定的从其约定", Pages.item(d, "提前还款违约金").remark());
        assertNull(Pages.item(d, "资金管理费").remark(), "an item without a mark gets no note");
        assertNull(Pages.item(d, "转账汇款手续费").remark());
    }

    private static final ProductPageExtractor PRODUCTS = new ProductPageExtractor(ExtractionLimits.DEFAULTS, null);

    @Test
    void aTableFilledByAScriptIsNotReadAndTheNoteSaysWhy() {
        Disclosure d = catalogue("<table id=\"t\"><thead><tr><th>收费项目</th><th>收费标准</th></tr></thead><tbody></tbody></table>"
                + "<script>var fees=[{\"item\":\"贷款承诺费\",\"price\":\"承诺金额的0.5%\"}];render(fees);</script>");
        assertTrue(d.items().isEmpty());
        assertEquals(List.of(ScriptPages.CATALOGUE_NOTE), d.notes());
    }

    @Test
    void anEmptyPageWithoutScriptsKeepsItsPlainNote() {
        Disclosure d = catalogue("<table><tr><td>联系电话</td><td>95500</td></tr></table>");
        assertTrue(d.notes().get(0).startsWith("no fee items were found on the page"), d.notes().toString());
    }

    @Test
    void aProductPageWithNoTextOutsideItsScriptsGivesNoProduct() {
        Disclosure d = Pages.extract(Pages.source("p", SourceKind.PRODUCT_PAGE),
                page("<div id=\"root\"></div><script>window.__STATE__={\"apr\":\"年化利率3.85%\"}</script>"
                        + "<noscript>请开启JavaScript</noscript>"), PRODUCTS);
        assertNull(d.product(), "nothing of the product is in the page as served");
        assertEquals(List.of(ScriptPages.PRODUCT_NOTE), d.notes());
    }

    @Test
    void aProductPageWithItsOwnTextIsReadWhateverItsScripts() {
        Disclosure d = Pages.extract(Pages.source("p", SourceKind.PRODUCT_PAGE),
                page("<h1>泽丰e贷</h1><p>年化利率（单利）3.85%起</p><script>track('view');</script>"), PRODUCTS);
        assertEquals(0, new java.math.BigDecimal("3.85").compareTo(d.product().advertisedApr()));
    }

    @Test
    void aPageWithExactlyAsManyItemsAsTheLimitIsReadWholeWithoutANote() {
        ExtractionLimits three = new ExtractionLimits(3_000_000, 256, 3, 200_000, 64, 1_000, 2_000);
        TableCatalogueExtractor tables = new TableCatalogueExtractor(three, null);
        StringBuilder rows = new StringBuilder(HEAD);
        for (int i = 1; i <= 3; i++) {
            rows.append("<tr><td>第").append(i).append("项服务费</td><td>服务</td><td>每笔").append(i).append("元</td></tr>");
        }
        Disclosure exact = Pages.extract(Pages.source("x", SourceKind.PRICE_CATALOG), page(rows + "</table>"), tables);
        assertEquals(3, exact.items().size());
        assertTrue(exact.notes().isEmpty(), exact.notes().toString());
        Disclosure over = Pages.extract(Pages.source("x", SourceKind.PRICE_CATALOG),
                page(rows + "<tr><td>第4项服务费</td><td>服务</td><td>每笔4元</td></tr></table>"), tables);
        assertEquals(3, over.items().size());
        assertTrue(over.notes().stream().anyMatch(n -> n.contains("more fee items than the extraction limit")),
                over.notes().toString());
    }

    @Test
    void aPriceListPrintedTwoUpIsOneItemAHalfRow() {
        Disclosure d = catalogue("<table><tr><th>收费项目</th><th>收费标准</th><th>收费项目</th><th>收费标准</th></tr>"
                + "<tr><td colspan=4>一、贷款类</td></tr>"
                + "<tr><td>贷款展期手续费</td><td>每笔200元</td><td>资信证明费</td><td>每份100元</td></tr>"
                + "<tr><td>工本费</td><td>每份10元</td><td></td><td></td></tr></table>");
        assertEquals(List.of("贷款展期手续费", "工本费", "资信证明费"), Pages.names(d));
        assertEquals("每份100元", Pages.item(d, "资信证明费").priceText());
        assertEquals("一、贷款类", Pages.item(d, "资信证明费").section());
    }

    @Test
    void twoNameColumnsUnderDifferentHeadersAreNoTwoUpList() {
        Disclosure d = catalogue("<table><tr><th>类别</th><th>收费项目</th><th>收费标准</th></tr>"
                + "<tr><td>贷款类</td><td>贷款展期手续费</td><td>每笔200元</td></tr></table>");
        assertEquals(List.of("贷款展期手续费"), Pages.names(d));
    }
}
