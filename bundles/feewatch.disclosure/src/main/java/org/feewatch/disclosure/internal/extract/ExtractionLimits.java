package org.feewatch.disclosure.internal.extract;

/**
 * Bounds on the work spent on one page, so that a huge, deeply nested or hostile page ends in
 * bounded time and memory with a note instead of a hang.
 *
 * @param maxPageChars     characters of the page that are parsed; the rest is ignored with a note
 * @param maxDepth         element nesting kept by the parser; deeper elements are flattened
 * @param maxItems         fee items taken from one page
 * @param maxTableCells    grid cells expanded per table (rows × columns after spans)
 * @param maxColumns       columns per table grid
 * @param maxSpan          the largest rowspan/colspan honoured
 * @param maxEvidenceChars characters of an item's text kept as evidence
 */
public record ExtractionLimits(int maxPageChars, int maxDepth, int maxItems, int maxTableCells, int maxColumns,
        int maxSpan, int maxEvidenceChars) {

    /** The defaults of {@link ExtractorConfig}. */
    public static final ExtractionLimits DEFAULTS = new ExtractionLimits(3_000_000, 256, 5_000, 200_000, 64, 1_000,
            2_000);

    static ExtractionLimits of(ExtractorConfig config) {
        if (config == null) {
            return DEFAULTS;
        }
        return new ExtractionLimits(positive(config.maxPageChars(), DEFAULTS.maxPageChars),
                positive(config.maxDepth(), DEFAULTS.maxDepth), positive(config.maxItems(), DEFAULTS.maxItems),
                positive(config.maxTableCells(), DEFAULTS.maxTableCells),
                positive(config.maxColumns(), DEFAULTS.maxColumns), positive(config.maxSpan(), DEFAULTS.maxSpan),
                positive(config.maxEvidenceChars(), DEFAULTS.maxEvidenceChars));
    }

    private static int positive(int value, int fallback) {
        return value > 0 ? value : fallback;
    }
}
