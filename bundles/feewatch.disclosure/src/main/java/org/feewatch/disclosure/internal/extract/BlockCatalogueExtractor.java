package org.feewatch.disclosure.internal.extract;

import java.util.List;

import org.feewatch.api.Disclosure;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.Snapshot;
import org.feewatch.api.spi.DisclosureExtractor;
import org.feewatch.api.spi.FeeDictionary;
import org.feewatch.api.spi.RulePack;
import org.jsoup.nodes.Document;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Price catalogues and partner fee schedules laid out without tables: dt/dd pairs, lists of
 * 「收费标准：…」 lines, cards. Preferred for pages that have no table at all.
 */
@Component(service = DisclosureExtractor.class, configurationPid = ExtractorConfig.PID)
public class BlockCatalogueExtractor extends AbstractExtractor {

    static final int BLOCK_PAGE = 60;
    static final int TABLE_PAGE = 20;

    @Activate
    public BlockCatalogueExtractor(ExtractorConfig config,
            @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
            List<RulePack> packs) {
        this(ExtractionLimits.of(config), Dictionaries.of(packs));
    }

    /** For use outside a framework: the given limits and dictionary (null: no categories). */
    public BlockCatalogueExtractor(ExtractionLimits limits, FeeDictionary dictionary) {
        super(limits, dictionary, PriceParsing.parser());
    }

    @Override
    public String name() {
        return "html-block-catalogue";
    }

    @Override
    public int suitability(SourceRef source, Snapshot snapshot) {
        if (source != null && source.kind() == SourceKind.PRODUCT_PAGE) {
            return 0;
        }
        return HtmlPages.containsIgnoreCase(rawText(snapshot), "<table", limits.maxPageChars()) ? TABLE_PAGE
                : BLOCK_PAGE;
    }

    @Override
    protected Disclosure read(SourceRef source, Snapshot snapshot, Document doc, FeeItems items, List<String> notes) {
        new CatalogueReader(vocabulary, limits, Locators.of(snapshot), false, true, items::knows).read(doc, items, notes);
        if (items.items().isEmpty()) {
            notes.add(ScriptPages.hasNoOwnText(doc) || ScriptPages.scriptHoldsFeeData(doc) ? ScriptPages.CATALOGUE_NOTE
                    : "no fee items were found on the page (no blocks with labels such as 收费标准：)");
        }
        return new Disclosure(source, snapshot, items.items(), null, notes);
    }
}
