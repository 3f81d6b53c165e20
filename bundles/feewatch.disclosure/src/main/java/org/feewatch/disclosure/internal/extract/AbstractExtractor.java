package org.feewatch.disclosure.internal.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.feewatch.api.Disclosure;
import org.feewatch.api.Price;
import org.feewatch.api.SourceRef;
import org.feewatch.api.Snapshot;
import org.feewatch.api.spi.DisclosureExtractor;
import org.feewatch.api.spi.FeeDictionary;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the page extractors share: bounded parsing, the fee dictionary, the price parser, and
 * the guarantee that a page never makes extraction throw (an unexpected failure becomes a note).
 */
abstract class AbstractExtractor implements DisclosureExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractExtractor.class);

    protected final Vocabulary vocabulary = Vocabulary.standard();
    protected final ExtractionLimits limits;
    private final FeeDictionary dictionary;
    private final Function<String, Price> priceParser;

    protected AbstractExtractor(ExtractionLimits limits, FeeDictionary dictionary, Function<String, Price> priceParser) {
        this.limits = limits == null ? ExtractionLimits.DEFAULTS : limits;
        this.dictionary = dictionary;
        this.priceParser = priceParser == null ? PriceParsing.parser() : priceParser;
    }

    @Override
    public final Disclosure extract(SourceRef source, Snapshot snapshot) {
        List<String> notes = new ArrayList<>();
        String sourceId = source != null ? source.id() : snapshot != null ? snapshot.sourceId() : null;
        FeeItems items = new FeeItems(sourceId, dictionary, limits, priceParser);
        try {
            Document doc = HtmlPages.parse(snapshot, limits, notes);
            return read(source, snapshot, doc, items, notes);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            LOG.warn("extraction of source {} failed", sourceId, e);
            notes.add("the page could not be read completely (" + describe(e) + "); " + items.items().size()
                    + " items were read before the failure");
            return new Disclosure(source, snapshot, items.items(), null, notes);
        }
    }

    /** Reads the parsed page. */
    protected abstract Disclosure read(SourceRef source, Snapshot snapshot, Document doc, FeeItems items,
            List<String> notes);

    /** Characters of the raw text looked at by the suitability checks. */
    protected String rawText(Snapshot snapshot) {
        return HtmlPages.textOf(snapshot);
    }

    private static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "not enough memory";
        }
        if (e instanceof StackOverflowError) {
            return "markup nested too deeply";
        }
        return "unexpected markup";
    }
}
