package org.feewatch.disclosure.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.feewatch.api.Disclosure;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Price;
import org.feewatch.api.ProductTerms;
import org.feewatch.api.Repayment;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.Snapshot;
import org.feewatch.api.spi.DisclosureExtractor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo case's pages give what its expected.json implies: the catalogue items behind DISC-002
 * (贷款意向书, 银团贷款代理费) and FEE-001 (贷款承诺费), the product terms behind DISC-003 and
 * DISC-004, and the partner schedules behind PART-001/002.
 */
class DemoCasePagesTest {

    private static final Path PAGES = Path.of("/work/shared/examples/demo-case/pages");
    private static final DisclosureExtractor[] EXTRACTORS = {
        new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, null),
        new BlockCatalogueExtractor(ExtractionLimits.DEFAULTS, null),
        new ProductPageExtractor(ExtractionLimits.DEFAULTS, null)};

    @BeforeAll
    static void sharedFolder() {
        Assumptions.assumeTrue(Files.isDirectory(PAGES),
                "the demo case under /work/shared is not available here; these tests need it");
    }

    private static Disclosure read(String id, SourceKind kind, String file) throws IOException {
        byte[] body = Files.readAllBytes(PAGES.resolve(file));
        Snapshot s = Pages.snapshotOf(id, "pages/" + file, body, new String(body, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        return Pages.extract(new SourceRef(id, "BCRCB", kind, null, "pages/" + file, null), s, EXTRACTORS);
    }

    @Test
    void catalogueHasTenItemsWithTheirColumns() throws IOException {
        Disclosure d = read("bank-catalog", SourceKind.PRICE_CATALOG, "catalog.html");
        assertEquals(List.of("单位人民币跨行转账（柜面）", "银行承兑汇票承兑手续费", "贷款承诺费", "财务顾问费", "银团贷款安排费",
                "银团贷款代理费", "资信证明", "贷款意向书", "非融资性保函手续费", "企业网上银行服务"), Pages.names(d));
        FeeItem commitment = Pages.item(d, "贷款承诺费");
        assertEquals("按承诺金额的0.5%收取", commitment.priceText());
        assertEquals("市场调节价", commitment.basis());
        assertNull(commitment.remark(), "no exemption for small and micro borrowers: FEE-001 applies");
        assertEquals(Price.Kind.PERCENT, commitment.price().kind());

        FeeItem letter = Pages.item(d, "贷款意向书");
        assertNull(letter.priceText());
        assertFalse(letter.price().statesPrice(), "no price standard: DISC-002");
        FeeItem agency = Pages.item(d, "银团贷款代理费");
        assertNull(agency.content(), "no service content: DISC-002");
        assertTrue(agency.price().statesPrice());

        assertEquals("对小微企业免收", Pages.item(d, "资信证明").remark());
        assertEquals(Price.Kind.FREE, Pages.item(d, "企业网上银行服务").price().kind());
        assertEquals("政府指导价", Pages.item(d, "单位人民币跨行转账（柜面）").basis());
        assertTrue(commitment.locator().endsWith("tr:nth-child(3)"), commitment.locator());
        assertTrue(commitment.text().contains("贷款承诺费") && commitment.text().contains("0.5%"));
    }

    @Test
    void puhuiProductStatesRateTermRepaymentAmountAndUpfrontFee() throws IOException {
        Disclosure d = read("prod-puhui", SourceKind.PRODUCT_PAGE, "product-puhui.html");
        ProductTerms p = d.product();
        assertEquals("北辰普惠快贷", p.name());
        assertEquals(new BigDecimal("4.35"), p.advertisedApr());
        assertNull(p.aprLabel());
        assertEquals(12, p.termMonths());
        assertEquals(Repayment.EQUAL_INSTALLMENT, p.repayment());
        assertEquals(0, new BigDecimal("3000000").compareTo(p.maxAmount()));
        assertEquals(1, p.fees().size());
        FeeItem fee = p.fees().get(0);
        assertEquals("贷款服务费", fee.name());
        assertEquals(Price.Kind.PERCENT, fee.price().kind());
        assertEquals(0, new BigDecimal("1.5").compareTo(fee.price().high()));
        assertEquals(Price.Period.ONCE, fee.price().period());
    }

    @Test
    void shangdaiProductShowsOnlyAMonthlyRate() throws IOException {
        ProductTerms p = read("prod-shangdai", SourceKind.PRODUCT_PAGE, "product-shangdai.html").product();
        assertEquals("北辰商户贷", p.name());
        assertNull(p.advertisedApr());
        assertEquals(List.of("月利率0.45%"), p.periodicRateTexts());
        assertEquals(12, p.termMonths());
        assertEquals(Repayment.INTEREST_MONTHLY, p.repayment());
        assertTrue(p.fees().isEmpty());
    }

    @Test
    void partnerSchedulesListTheirFees() throws IOException {
        Disclosure p01 = read("p01-schedule", SourceKind.PARTNER_SCHEDULE, "p01-fees.html");
        assertEquals(List.of("担保费"), Pages.names(p01));
        FeeItem guarantee = p01.items().get(0);
        assertEquals("年担保费率0.8%（按担保金额计收）", guarantee.priceText());
        assertEquals(Price.Period.PER_YEAR, guarantee.price().period());

        Disclosure p02 = read("p02-schedule", SourceKind.PARTNER_SCHEDULE, "p02-fees.html");
        assertEquals(List.of("平台服务费", "资金管理费"), Pages.names(p02));
        assertEquals(Price.Period.PER_MONTH, Pages.item(p02, "平台服务费").price().period());
        assertEquals("按贷款金额的0.5%，放款时一次性收取", Pages.item(p02, "资金管理费").priceText());
    }
}
