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
import org.osgi.service.metatype.annotations.Designate;

/**
 * Price catalogues and partner fee schedules published as HTML tables (the common shape: 盛京,
 * 兴业, 华侨 price pages), including block-laid-out items elsewhere on the same page.
 */
@Component(service = DisclosureExtractor.class, configurationPid = ExtractorConfig.PID)
@Designate(ocd = ExtractorConfig.class)
public class TableCatalogueExtractor extends AbstractExtractor {

    static final int TABLE_PAGE = 80;
    static final int OTHER_PAGE = 10;

    @Activate
    public TableCatalogueExtractor(ExtractorConfig config,
            @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
            List<RulePack> packs) {
        this(ExtractionLimits.of(config), Dictionaries.of(packs));
    }

    /** For use outside a framework: the given limits and dictionary (null: no categories). */
    public TableCatalogueExtractor(ExtractionLimits limits, FeeDictionary dictionary) {
        super(limits, dictionary, PriceParsing.parser());
    }

    @Override
    public String name() {
        return "html-table-catalogue";
    }

    @Override
    public int suitability(SourceRef source, Snapshot snapshot) {
        if (source != null && source.kind() == SourceKind.PRODUCT_PAGE) {
            return 0;
        }
        return HtmlPages.containsIgnoreCase(rawText(snapshot), "<table", limits.maxPageChars()) ? TABLE_PAGE
                : OTHER_PAGE;
    }

    @Override
    protected Disclosure read(SourceRef source, Snapshot snapshot, Document doc, FeeItems items, List<String> notes) {
        new CatalogueReader(vocabulary, limits, Locators.of(snapshot), true, true, items::knows).read(doc, items, notes);
        if (items.items().isEmpty()) {
            notes.add(ScriptPages.hasNoOwnText(doc) || ScriptPages.scriptHoldsFeeData(doc) ? ScriptPages.CATALOGUE_NOTE
                    : "no fee items were found on the page (no table with columns such as 服务项目 and 收费标准)");
        }
        return new Disclosure(source, snapshot, items.items(), null, notes);
    }
}
