package org.feewatch.disclosure.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.feewatch.api.Disclosure;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Price;
import org.feewatch.api.ProductTerms;
import org.feewatch.api.Repayment;
import org.feewatch.api.SourceKind;
import org.junit.jupiter.api.Test;

/** Loan product pages: what DISC-003 and DISC-004 need from them. */
class ProductPageExtractorTest {

    private final ProductPageExtractor extractor = new ProductPageExtractor(ExtractionLimits.DEFAULTS, null);

    private Disclosure read(String page) {
        String id = page.replace(".html", "");
        return extractor.extract(Pages.source(id, SourceKind.PRODUCT_PAGE), Pages.decoded(id, page));
    }

    @Test
    void takesOnlyProductPages() {
        assertEquals(ProductPageExtractor.PRODUCT_PAGE, extractor.suitability(
                Pages.source("p", SourceKind.PRODUCT_PAGE), Pages.decoded("p", "product-apr-from.html")));
        assertEquals(0, extractor.suitability(Pages.source("c", SourceKind.PRICE_CATALOG),
                Pages.decoded("c", "product-apr-from.html")));
    }

    @Test
    void pageWithOnlyAMonthlyRateHasNoAnnualizedRate() {
        Disclosure d = read("product-monthly-only.html");
        ProductTerms p = d.product();
        assertEquals("商户易贷", p.name());
        assertNull(p.advertisedApr());
        assertEquals(List.of("月利率0.5%"), p.periodicRateTexts());
        assertEquals(24, p.termMonths());
        assertEquals(Repayment.INTEREST_MONTHLY, p.repayment());
        assertEquals(0, new BigDecimal("500000").compareTo(p.maxAmount()));
        FeeItem fee = p.fees().get(0);
        assertEquals("账户管理费", fee.name());
        assertEquals(Price.Period.PER_MONTH, fee.price().period());
        assertEquals(Price.Base.PRINCIPAL, fee.price().base());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("月利率0.5%") && n.contains("年化利率")), d.notes().toString());
    }

    @Test
    void simpleInterestAprFromWithExecutionRateYearsAndTwoFees() {
        ProductTerms p = read("product-apr-from.html").product();
        assertEquals("小微e贷", p.name(), "the product name from its heading");
        assertEquals(new BigDecimal("3.0"), p.advertisedApr());
        assertEquals("单利", p.aprLabel());
        assertEquals(new BigDecimal("3.45"), p.executionRate());
        assertEquals(36, p.termMonths());
        assertEquals(Repayment.EQUAL_PRINCIPAL, p.repayment(), "the first repayment kind listed");
        assertEquals(0, new BigDecimal("3000000").compareTo(p.maxAmount()));
        assertTrue(p.periodicRateTexts().isEmpty());
        assertEquals(List.of("担保费", "评估费"), p.fees().stream().map(FeeItem::name).toList());
        FeeItem guarantee = p.fees().get(0);
        assertEquals(Price.Period.PER_YEAR, guarantee.price().period());
        assertEquals(0, new BigDecimal("1").compareTo(guarantee.price().high()));
        FeeItem appraisal = p.fees().get(1);
        assertEquals(Price.Kind.FIXED, appraisal.price().kind());
        assertEquals(0, new BigDecimal("2000").compareTo(appraisal.price().high()));
        assertEquals(Price.Period.ONCE, appraisal.price().period());
        assertTrue(p.locator().contains("p:nth-child(2)"), "points at the advertised rate: " + p.locator());
    }

    @Test
    void dailyWanRateWithoutAnnualRate() {
        Disclosure d = read("product-daily-wan.html");
        ProductTerms p = d.product();
        assertEquals("随心借", p.name());
        assertNull(p.advertisedApr());
        assertEquals(List.of("日息万2.5"), p.periodicRateTexts());
        assertEquals(12, p.termMonths());
        assertEquals(Repayment.BULLET, p.repayment());
        assertEquals(0, new BigDecimal("200000").compareTo(p.maxAmount()));
        assertTrue(p.fees().isEmpty(), "无任何手续费 states no fee");
    }

    @Test
    void approximateSimpleAprNextToAnInstalmentFeeRate() {
        String html = "<html><body><h1>分期通</h1><p>分期手续费率：每期0.6%</p>"
                + "<p>近似折算年化利率（单利）13.03%</p><p>分期期数：12期</p></body></html>";
        ProductTerms p = extractor.extract(Pages.source("fq", SourceKind.PRODUCT_PAGE),
                Pages.snapshotOf("fq", "fq", html.getBytes(java.nio.charset.StandardCharsets.UTF_8), html,
                        java.nio.charset.StandardCharsets.UTF_8)).product();
        assertEquals(new BigDecimal("13.03"), p.advertisedApr());
        assertEquals("单利", p.aprLabel());
        assertEquals(12, p.termMonths());
    }

    @Test
    void aLabelAfterARateRangeStillNamesTheCalculation() {
        String html = "<html><body><h1>经营快贷</h1><p>年化利率3.65%-6%（单利），具体以合同为准</p></body></html>";
        ProductTerms p = extractor.extract(Pages.source("r", SourceKind.PRODUCT_PAGE),
                Pages.snapshotOf("r", "r", html.getBytes(java.nio.charset.StandardCharsets.UTF_8), html,
                        java.nio.charset.StandardCharsets.UTF_8)).product();
        assertEquals(new BigDecimal("3.65"), p.advertisedApr(), "the lowest advertised figure");
        assertEquals("单利", p.aprLabel());
    }

    @Test
    void annualizedWordInTheBracketAfterTheFigureMakesItTheAdvertisedRate() {
        ProductTerms p = read("product-apr-label-after.html").product();
        assertEquals(new BigDecimal("3.85"), p.advertisedApr(), "利率低至3.85%（年化）");
        assertEquals(12, p.termMonths());
        assertEquals(List.of("手续费"), p.fees().stream().map(FeeItem::name).toList());
    }

    @Test
    void termFromLongestBorrowingWording() {
        ProductTerms p = read("product-term-longest.html").product();
        assertEquals(24, p.termMonths(), "最长可借24个月");
        assertEquals(new BigDecimal("7.3"), p.advertisedApr());
        assertEquals(Repayment.INTEREST_MONTHLY, p.repayment());
    }

    @Test
    void otherWaysPagesStateRateTermAndRepayment() {
        ProductTerms drawAsNeeded = read("product-draw-as-needed.html").product();
        assertEquals(new BigDecimal("4.2"), drawAsNeeded.advertisedApr(), "参考年利率 <span>4.2</span>%");
        assertEquals(Repayment.INTEREST_MONTHLY, drawAsNeeded.repayment(), "随借随还");
        assertEquals(new BigDecimal("6"), read("product-financing-cost.html").product().advertisedApr(),
                "年化综合融资成本不超过6%");
        ProductTerms english = read("product-english.html").product();
        assertEquals(new BigDecimal("5.8"), english.advertisedApr());
        assertEquals(12, english.termMonths(), "Term: 12 months");
        assertEquals(Repayment.EQUAL_INSTALLMENT, english.repayment());
    }
    // ---- variants of pages not seen before (itests hardpages bank-h) ----

    @Test
    void aPenaltyOnTheExecutionRateIsNotTheExecutionRate() {
        // 「逾期罚息：在执行利率基础上加收50%」; 「执行利率为一年期LPR+50BP」 states no figure
        ProductTerms p = read("unseen-product-penalty.html").product();
        assertEquals(0, new BigDecimal("3.95").compareTo(p.advertisedApr()));
        assertNull(p.executionRate());
    }

    @Test
    void aFeesAnnualRateBeforeTheLoansIsNotTheAdvertisedRate() {
        // 「担保费：年化1%，由合作担保公司按年收取」 stands above 「综合年化融资成本（单利）：5.3%」
        ProductTerms p = read("unseen-product-fee-before-rate.html").product();
        assertEquals(0, new BigDecimal("5.3").compareTo(p.advertisedApr()));
        assertEquals("单利", p.aprLabel());
        assertEquals(0, new BigDecimal("4.2").compareTo(p.executionRate()));
        FeeItem guarantee = p.fees().get(0);
        assertEquals("担保费", guarantee.name());
        assertEquals(Price.Period.PER_YEAR, guarantee.price().period());
        assertEquals(Repayment.INTEREST_MONTHLY, p.repayment());
    }

    @Test
    void fullWidthFiguresAreRead() {
        ProductTerms p = read("unseen-product-fullwidth.html").product();
        assertEquals(0, new BigDecimal("3.85").compareTo(p.advertisedApr()), "３．８５％");
        assertEquals(12, p.termMonths(), "１２个月");
        assertEquals(0, new BigDecimal("500000").compareTo(p.maxAmount()), "５０万元");
        FeeItem fee = p.fees().get(0);
        assertEquals("每月按贷款本金的０．２％收取", fee.priceText(), "the price text as published");
        assertEquals(Price.Period.PER_MONTH, fee.price().period());
        assertEquals(0, new BigDecimal("0.2").compareTo(fee.price().high()));
    }

    @Test
    void anAnnualRateLabelWithoutFigureDoesNotTakeTheNextLinesDailyRate() {
        // 「年化利率：浮动」 then 「日利率：0.04%」
        Disclosure d = read("unseen-product-floating.html");
        assertNull(d.product().advertisedApr());
        assertEquals(List.of("日利率：0.04%"), d.product().periodicRateTexts());
    }

    @Test
    void anLprFormulaBeforeTheCurrentFigureGivesTheFigure() {
        // 「年化利率（单利）：一年期LPR+100BP（当前为4.45%）」
        ProductTerms p = read("unseen-product-lpr-now.html").product();
        assertEquals(0, new BigDecimal("4.45").compareTo(p.advertisedApr()));
        assertEquals("单利", p.aprLabel());
    }

    @Test
    void anLprFormulaAloneIsNoAnnualizedRate() {
        // 「贷款利率：一年期LPR+80BP」 and nothing else: docs/disclosure-pages.md, DISC-003
        ProductTerms p = read("unseen-product-lpr-only.html").product();
        assertNull(p.advertisedApr());
        assertEquals(24, p.termMonths());
        assertEquals(Repayment.EQUAL_PRINCIPAL, p.repayment());
    }

    @Test
    void aRateTableReadsItsColumnsByTheirHeaders() {
        // 贷款期限 | 年化利率（单利） over rows 6个月 | 3.65%, 1年 | 3.85%, 3年 | 4.35%
        ProductTerms p = read("unseen-product-rate-table.html").product();
        assertEquals(0, new BigDecimal("3.65").compareTo(p.advertisedApr()));
        assertEquals("单利", p.aprLabel());
        assertEquals(36, p.termMonths());
        assertTrue(p.text().contains("6个月"), "the evidence is the page as published: " + p.text());
    }

    @Test
    void anEnglishPageWithAnAnnualizedInterestRateAndAnEnglishFee() {
        ProductTerms p = read("unseen-product-english-fee.html").product();
        assertEquals(0, new BigDecimal("3.85").compareTo(p.advertisedApr()), "Annualized interest rate (simple): from 3.85%");
        assertEquals("单利", p.aprLabel());
        assertEquals(0, new BigDecimal("1000000").compareTo(p.maxAmount()), "up to RMB 1,000,000");
        assertEquals(12, p.termMonths());
        assertEquals(Repayment.EQUAL_INSTALLMENT, p.repayment());
        FeeItem fee = p.fees().get(0);
        assertEquals("Arrangement fee", fee.name());
        assertEquals(Price.Kind.PERCENT, fee.price().kind());
        assertEquals(Price.Period.ONCE, fee.price().period());
    }

    @Test
    void aFeeTableWithAHeaderGivesEachFeeItsPrice() {
        // 费用名称 | 收费标准 | 收取方式: 担保费 | 贷款金额的1% | 放款时一次性收取; 账户管理费 | 免费
        ProductTerms p = read("unseen-product-fee-table.html").product();
        assertEquals(1, p.fees().size(), p.fees().toString());
        FeeItem guarantee = p.fees().get(0);
        assertEquals("担保费", guarantee.name());
        assertTrue(guarantee.priceText().startsWith("贷款金额的1%"), guarantee.priceText());
        assertEquals(Price.Period.ONCE, guarantee.price().period());
    }
    @Test
    void aCardsLabelAboveItsFigureGivesTheRate() {
        // <div class="rate-label">年化利率（单利）</div><div class="rate-value"><span>3.85</span>%起</div>
        ProductTerms p = read("unseen-product-label-above-figure.html").product();
        assertEquals(0, new BigDecimal("3.85").compareTo(p.advertisedApr()));
        assertEquals("单利", p.aprLabel());
    }

    @Test
    void aCardsFigureAboveItsCaptionGivesTheRate() {
        // <div class="big"><em>4.15</em>%</div><div class="caption">年化利率低至</div>
        ProductTerms p = read("unseen-product-figure-above-label.html").product();
        assertEquals(0, new BigDecimal("4.15").compareTo(p.advertisedApr()));
    }

    @Test
    void anExecutionRateAfterItsLprFormula() {
        // 「执行利率：一年期LPR+50BP（即3.95%）」
        ProductTerms p = read("unseen-product-execution-lpr.html").product();
        assertEquals(0, new BigDecimal("3.95").compareTo(p.executionRate()));
        assertEquals(0, new BigDecimal("3.6").compareTo(p.advertisedApr()));
    }
    @Test
    void anAllInFeeRateIsTheProductsRate() {
        // 「综合费率：年化5.3%（含利息及担保费）」 above 「担保费：每年1%」
        ProductTerms p = read("unseen-product-all-in-fee-rate.html").product();
        assertEquals(0, new BigDecimal("5.3").compareTo(p.advertisedApr()));
        assertEquals(0, new BigDecimal("4.2").compareTo(p.executionRate()));
    }
}
