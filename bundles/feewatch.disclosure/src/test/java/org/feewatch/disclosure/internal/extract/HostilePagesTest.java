package org.feewatch.disclosure.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.feewatch.api.Disclosure;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Price;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.Snapshot;
import org.feewatch.api.spi.DisclosureExtractor;
import org.junit.jupiter.api.Test;

/** Broken, empty, huge and deeply nested pages end with what could be read and a note, never an exception. */
class HostilePagesTest {

    private static final DisclosureExtractor TABLES = new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, null);
    private static final DisclosureExtractor BLOCKS = new BlockCatalogueExtractor(ExtractionLimits.DEFAULTS, null);
    private static final DisclosureExtractor PRODUCTS = new ProductPageExtractor(ExtractionLimits.DEFAULTS, null);
    private static final SourceRef CATALOGUE = Pages.source("hostile", SourceKind.PRICE_CATALOG);

    private static Snapshot page(String html) {
        return Pages.snapshotOf("hostile", "hostile.html", html.getBytes(StandardCharsets.UTF_8), html,
                StandardCharsets.UTF_8);
    }

    @Test
    void brokenMarkupStillGivesTheCatalogueRows() {
        Disclosure d = Pages.extract(CATALOGUE, Pages.decoded("hostile", "broken-markup.html"), TABLES, BLOCKS);
        assertEquals(List.of("贷款资金管理费", "提前还款违约金", "押品评估费", "账户 开户费"), Pages.names(d));
        assertEquals("按贷款金额的0.2%", Pages.item(d, "贷款资金管理费").priceText());
        assertEquals("已停止", Pages.item(d, "贷款资金管理费").remark());
        assertEquals("小微企业免收", Pages.item(d, "提前还款违约金").remark(), "a bad rowspan counts as 1");
        FeeItem appraisal = Pages.item(d, "押品评估费");
        assertNull(appraisal.priceText(), "a name cell spanning 99999 columns is no price");
        assertEquals(Price.Kind.UNSTATED, appraisal.price().kind());
        assertEquals("每户100元", Pages.item(d, "账户 开户费").priceText());
    }

    @Test
    void emptyPagesGiveNoItemsAndSaySo() {
        for (String html : new String[] {"", "   \n\t ", "<html><head></head><body></body></html>"}) {
            Snapshot s = page(html);
            Disclosure d = Pages.extract(CATALOGUE, s, TABLES, BLOCKS);
            assertTrue(d.items().isEmpty());
            assertTrue(d.notes().stream().anyMatch(n -> n.contains("no fee items")), d.notes().toString());
            Disclosure product = PRODUCTS.extract(Pages.source("p", SourceKind.PRODUCT_PAGE), s);
            assertNull(product.product().advertisedApr());
            assertTrue(product.product().fees().isEmpty());
        }
        Disclosure fromFile = Pages.extract(CATALOGUE, Pages.decoded("empty", "empty.html"), TABLES, BLOCKS);
        assertTrue(fromFile.items().isEmpty());
        assertTrue(fromFile.notes().contains("the page is empty"), fromFile.notes().toString());
    }

    @Test
    void aSnapshotWithoutTextOrBodyIsAnEmptyPage() {
        Snapshot s = new Snapshot("x", "x", null, null, null, null, null, null, null);
        assertTrue(TABLES.extract(CATALOGUE, s).items().isEmpty());
        assertTrue(PRODUCTS.extract(Pages.source("p", SourceKind.PRODUCT_PAGE), s).product().fees().isEmpty());
    }

    @Test
    void aSnapshotWithOnlyItsBytesIsDecodedBeforeReading() {
        byte[] gbk = Pages.bytes("gbk-undeclared.html");
        Snapshot s = new Snapshot("gbk", "gbk.html", null, "text/html", null, null, null, gbk, null);
        Disclosure d = TABLES.extract(CATALOGUE, s);
        assertEquals(List.of("对公账户管理费", "信贷资信证明费", "贷款承诺费", "电子回单打印"), Pages.names(d));
    }

    @Test
    void twentyMegabytePageIsReadUpToTheLimits() {
        StringBuilder b = new StringBuilder(21_000_000);
        b.append("<html><body><h1>超大价目表</h1><table><tr><th>序号</th><th>服务项目</th><th>收费标准</th></tr>");
        int row = 0;
        while (b.length() < 20_000_000) {
            row++;
            b.append("<tr><td>").append(row).append("</td><td>测试项目").append(row)
                    .append("</td><td>每笔").append(row % 500).append("元，按次收取，详见营业网点公告</td></tr>\n");
        }
        b.append("</table></body></html>");
        Snapshot s = page(b.toString());
        Disclosure d = Pages.extract(CATALOGUE, s, TABLES, BLOCKS);
        assertEquals(ExtractionLimits.DEFAULTS.maxItems(), d.items().size());
        assertEquals("测试项目1", d.items().get(0).name());
        assertEquals("每笔1元，按次收取，详见营业网点公告", d.items().get(0).priceText());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("only the first " + ExtractionLimits.DEFAULTS.maxPageChars())),
                d.notes().toString());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("more fee items than the extraction limit")),
                d.notes().toString());
        assertTrue(Pages.extract(Pages.source("p", SourceKind.PRODUCT_PAGE), s, PRODUCTS).product() != null);
    }

    private static String nested(int depth) {
        return "<html><body>" + "<div>".repeat(depth) + "<span>".repeat(depth / 2)
                + "<table><tr><th>服务项目</th><th>收费标准</th></tr><tr><td>深层项目</td><td>每笔1元</td></tr></table>"
                + "</span>".repeat(depth / 2) + "</div>".repeat(depth) + "</body></html>";
    }

    @Test
    void nestingWithinTheDepthLimitIsReadAsWritten() {
        Disclosure d = Pages.extract(CATALOGUE, page(nested(150)), TABLES, BLOCKS);
        assertEquals(List.of("深层项目"), Pages.names(d));
        assertEquals("每笔1元", d.items().get(0).priceText());
    }

    @Test
    void nestingFarBeyondTheDepthLimitIsFlattenedWithoutFailing() {
        Snapshot s = page(nested(20_000));
        Disclosure d = Pages.extract(CATALOGUE, s, TABLES, BLOCKS);
        assertTrue(d.items().size() <= 1, Pages.names(d).toString());
        assertTrue(d.notes().stream().noneMatch(n -> n.contains("could not be read")), d.notes().toString());
        assertTrue(PRODUCTS.extract(Pages.source("p", SourceKind.PRODUCT_PAGE), s).product() != null);
    }

    @Test
    void hugeSpansAreClampedToTheGridLimits() {
        String html = "<table><tr><th>服务项目</th><th>收费标准</th></tr>"
                + "<tr><td rowspan=\"2147483647\">甲</td><td colspan=\"999999999\">每笔1元</td></tr>"
                + "<tr><td>每笔2元</td></tr><tr><td rowspan=\"0\">乙</td><td>每笔3元</td></tr></table>";
        Disclosure d = Pages.extract(CATALOGUE, page(html), TABLES, BLOCKS);
        // as in a browser, the clamped rowspan covers every row below, so 乙 lands in the price column
        assertEquals(List.of("甲"), Pages.names(d));
        assertTrue(d.items().get(0).priceText().startsWith("每笔1元；每笔2元"), d.items().get(0).priceText());
    }

    @Test
    void smallLimitsBoundTheWorkAndSaySo() {
        StringBuilder b = new StringBuilder("<table><tr><th>服务项目</th><th>收费标准</th></tr>");
        for (int i = 0; i < 100; i++) {
            b.append("<tr><td>项目").append(i).append("</td><td>").append("每笔1元，".repeat(20)).append("</td></tr>");
        }
        Snapshot s = page(b.append("</table>").toString());

        ExtractionLimits fewCells = new ExtractionLimits(1_000_000, 64, 1_000, 40, 8, 4, 30);
        Disclosure d = new TableCatalogueExtractor(fewCells, null).extract(CATALOGUE, s);
        assertEquals(19, d.items().size(), "40 cells: the header and 19 rows of two cells");
        assertTrue(d.items().get(0).text().length() <= 31, "evidence is cut to the limit");
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("larger than the extraction limits")), d.notes().toString());

        ExtractionLimits fewItems = new ExtractionLimits(1_000_000, 64, 3, 200_000, 8, 4, 30);
        Disclosure three = new TableCatalogueExtractor(fewItems, null).extract(CATALOGUE, s);
        assertEquals(List.of("项目0", "项目1", "项目2"), Pages.names(three));
        assertTrue(three.notes().stream().anyMatch(n -> n.contains("only the first 3 were read")), three.notes().toString());
    }
}
