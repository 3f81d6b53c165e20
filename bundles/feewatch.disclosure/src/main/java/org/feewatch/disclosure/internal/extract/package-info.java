/**
 * Page extractors: {@link org.feewatch.api.spi.DisclosureExtractor} services that turn fetched
 * bank and partner pages into fee items and product terms.
 *
 * <ul>
 * <li>{@link org.feewatch.disclosure.internal.extract.TableCatalogueExtractor}: price catalogues
 * and partner schedules as tables (rowspan/colspan grids, multi-row headers, sections whose
 * heading gives the pricing basis, category rows, tiers split over rows);</li>
 * <li>{@link org.feewatch.disclosure.internal.extract.BlockCatalogueExtractor}: the same laid out
 * as dl/dt/dd, cards and 「收费标准：…」 lines;</li>
 * <li>{@link org.feewatch.disclosure.internal.extract.ProductPageExtractor}: loan product pages
 * (advertised 年化利率 and its label, 日/月利率, term, repayment, amount, fees with timing).</li>
 * </ul>
 *
 * Column and label words, pricing regimes, repayment kinds and fee timings are data
 * ({@code vocabulary.json}); every price text goes through the engine's
 * {@link org.feewatch.engine.price.PriceParser}; the work per page is bounded by
 * {@link org.feewatch.disclosure.internal.extract.ExtractionLimits}.
 */
package org.feewatch.disclosure.internal.extract;
