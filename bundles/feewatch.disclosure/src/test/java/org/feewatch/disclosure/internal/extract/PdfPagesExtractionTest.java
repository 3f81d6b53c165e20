package org.feewatch.disclosure.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.feewatch.api.Disclosure;
import org.feewatch.api.FeeItem;
import org.feewatch.api.ProductTerms;
import org.feewatch.api.Repayment;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.Snapshot;
import org.feewatch.api.spi.DisclosureExtractor;
import org.feewatch.disclosure.internal.pdf.PdfException;
import org.feewatch.disclosure.internal.pdf.PdfPages;
import org.junit.jupiter.api.Test;

/**
 * Text PDFs (fixtures written by {@code PdfFixtures} with PDFBox) give the items, prices, remarks,
 * sections and product terms their HTML counterparts give, read by the extractors the engine picks.
 */
class PdfPagesExtractionTest {

    private static final DisclosureExtractor[] EXTRACTORS = {
        new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, null),
        new BlockCatalogueExtractor(ExtractionLimits.DEFAULTS, null),
        new ProductPageExtractor(ExtractionLimits.DEFAULTS, null)};

    static byte[] pdf(String name) throws IOException {
        try (InputStream in = PdfPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        }
    }

    /** A PDF snapshot as the fetcher keeps it (text rebuilt), or as the store gives it back (text null). */
    private static Disclosure read(String name, SourceKind kind, boolean fetched) throws IOException, PdfException {
        byte[] body = pdf(name);
        String text = fetched ? PdfPages.toHtml(body, PdfPages.DEFAULT_MAX_PAGES) : null;
        Snapshot s = new Snapshot(name, "pages/" + name, "0".repeat(64), PdfPages.MEDIA_TYPE, null, null, Instant.EPOCH,
                body, text);
        return Pages.extract(new SourceRef(name, "HXRCB", kind, null, "pages/" + name, null), s, EXTRACTORS);
    }

    @Test
    void twoPageCatalogueIsOneTableWithoutPageHeadersFootersOrRepeatedHeader() throws Exception {
        Disclosure d = read("catalogue-two-pages.pdf", SourceKind.PRICE_CATALOG, true);
        assertEquals(List.of("人民币单位结算账户管理费", "贷款承诺费", "资金管理费", "信贷资信证明费", "提前还款违约金", "贷款意向书",
                "财务顾问费", "银团贷款安排费"), Pages.names(d), "page 2's repeated header is no item; no page furniture");
        FeeItem account = Pages.item(d, "人民币单位结算账户管理费");
        assertEquals("为单位结算账户提供账户维护管理服务", account.content(), "a name and content wrapped in their cells are whole");
        assertEquals("每户每年360元", account.priceText());
        assertEquals("小微企业、个体工商户免收", account.remark());
        assertEquals("政府指导价", account.basis(), "the section row 一、政府指导价 gives the basis");
        FeeItem letter = Pages.item(d, "信贷资信证明费");
        assertEquals("市场调节价", letter.basis(), "the section goes on across the page break");
        assertEquals("每份100元", letter.priceText());
        assertEquals("仅对大中型企业收取", Pages.item(d, "提前还款违约金").remark());
        assertEquals("安排金额5亿元（含）以下：0.5%；安排金额5亿元以上：0.3%", Pages.item(d, "银团贷款安排费").priceText(),
                "tiers on lines of one cell stay apart, as on rowspan rows of the HTML page");
        for (FeeItem i : d.items()) {
            assertTrue(!i.text().contains("页") && !i.text().contains("信息公示"), i.text());
        }
    }

    @Test
    void aStoredPdfSnapshotReadsTheSame() throws Exception {
        assertEquals(read("catalogue-two-pages.pdf", SourceKind.PRICE_CATALOG, true).items(),
                read("catalogue-two-pages.pdf", SourceKind.PRICE_CATALOG, false).items());
    }

    @Test
    void bilingualCellsReadAsTheHtmlCellsDo() throws Exception {
        Disclosure d = read("bilingual.pdf", SourceKind.PRICE_CATALOG, true);
        assertEquals(List.of("贷款承诺费 Loan commitment fee", "抵押登记费 Mortgage registration fee",
                "法人账户透支承诺费 Corporate overdraft commitment fee", "公司网上银行 Corporate e-banking"), Pages.names(d));
        FeeItem mortgage = Pages.item(d, "抵押登记费 Mortgage registration fee");
        assertEquals("每笔200元 CNY 200 per transaction", mortgage.priceText());
        assertEquals("Waived for small and micro enterprises 对小微企业免收", mortgage.remark(),
                "an English remark wrapped over three lines, then Chinese");
        assertEquals("市场调节价 Market-regulated", mortgage.basis());
        assertEquals("按承诺金额的0.5%/年 0.5% p.a. of committed amount", Pages.item(d, "贷款承诺费 Loan commitment fee").priceText());
    }

    @Test
    void cellsCentredBothWaysWithBarBordersStayInTheirRows() throws Exception {
        Disclosure d = read("centred.pdf", SourceKind.PARTNER_SCHEDULE, true);
        assertEquals(List.of("担保费", "履约保证金（可退还）", "评审费"), Pages.names(d));
        assertEquals("按担保金额的1.2%/年收取", Pages.item(d, "担保费").priceText());
        FeeItem deposit = Pages.item(d, "履约保证金（可退还）");
        assertEquals("担保金额的10%", deposit.priceText(), "a one-line price centred beside a two-line remark");
        assertEquals("贷款结清后无息退还借款人全部保证金", deposit.remark());
        assertEquals("不收取", Pages.item(d, "评审费").priceText());
    }

    @Test
    void predefinedCMapWithoutEmbeddedFontOrToUnicode() throws Exception {
        Disclosure d = read("unigb-ucs2.pdf", SourceKind.PRICE_CATALOG, true);
        assertEquals(List.of("贷款承诺费", "资金管理费", "贷款意向书"), Pages.names(d));
        assertEquals("按承诺金额的0.3%收取", Pages.item(d, "贷款承诺费").priceText());
        assertEquals("详询营业网点", Pages.item(d, "贷款意向书").priceText());
    }

    @Test
    void encryptedWithoutUserPasswordIsRead() throws Exception {
        Disclosure d = read("owner-only.pdf", SourceKind.PARTNER_SCHEDULE, true);
        assertEquals(List.of("贷款承诺费", "资金管理费"), Pages.names(d));
    }

    @Test
    void productFlyerGivesItsTerms() throws Exception {
        ProductTerms t = read("product.pdf", SourceKind.PRODUCT_PAGE, true).product();
        assertNotNull(t);
        assertEquals(0, new BigDecimal("3.85").compareTo(t.advertisedApr()), t.toString());
        assertEquals(Integer.valueOf(12), t.termMonths());
        assertEquals(Repayment.EQUAL_INSTALLMENT, t.repayment());
        assertEquals(1, t.fees().size(), "手续费：放款时按贷款金额的1%一次性收取");
    }

    @Test
    void evidenceIsLocatedByThePageItStandsOn() throws Exception {
        Disclosure d = read("catalogue-two-pages.pdf", SourceKind.PRICE_CATALOG, true);
        assertEquals("p. 1", Pages.item(d, "人民币单位结算账户管理费").locator());
        assertEquals("p. 1", Pages.item(d, "资金管理费").locator());
        assertEquals("p. 2", Pages.item(d, "信贷资信证明费").locator(), "the row after the page break");
        assertEquals("p. 2", Pages.item(d, "银团贷款安排费").locator());
        assertEquals(d.items().stream().map(FeeItem::locator).toList(),
                read("catalogue-two-pages.pdf", SourceKind.PRICE_CATALOG, false).items().stream().map(FeeItem::locator)
                        .toList(), "a stored snapshot is located alike");
        ProductTerms t = read("product.pdf", SourceKind.PRODUCT_PAGE, true).product();
        assertEquals("p. 1", t.locator());
        assertEquals("p. 1", t.fees().get(0).locator());
    }

    @Test
    void anHtmlDumpOfAPdfKeepsItsCssLocators() throws Exception {
        // pdftohtml's positioned output is an HTML page: located by CSS path as before, no page read from it
        String html = PdfPages.toHtml(pdf("catalogue-two-pages.pdf"), PdfPages.DEFAULT_MAX_PAGES)
                .replaceAll(" data-page=\"\\d+\"", "");
        Snapshot s = new Snapshot("dump", "pages/dump.html", "0".repeat(64), "text/html", "UTF-8", null, Instant.EPOCH,
                html.getBytes(java.nio.charset.StandardCharsets.UTF_8), html);
        Disclosure d = Pages.extract(new SourceRef("dump", "HXRCB", SourceKind.PRICE_CATALOG, null, "pages/dump.html",
                null), s, EXTRACTORS);
        String locator = Pages.item(d, "信贷资信证明费").locator();
        assertTrue(locator.startsWith("html > body") && locator.contains("div"), locator);
    }
}
