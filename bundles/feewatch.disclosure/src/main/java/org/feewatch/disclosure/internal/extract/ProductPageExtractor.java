package org.feewatch.disclosure.internal.extract;

import java.util.List;

import org.feewatch.api.Disclosure;
import org.feewatch.api.ProductTerms;
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

/** Loan product pages: advertised rate and its label, periodic rates, term, repayment, amount, fees. */
@Component(service = DisclosureExtractor.class, configurationPid = ExtractorConfig.PID)
public class ProductPageExtractor extends AbstractExtractor {

    static final int PRODUCT_PAGE = 90;

    @Activate
    public ProductPageExtractor(ExtractorConfig config,
            @Reference(cardinality = ReferenceCardinality.MULTIPLE, policyOption = ReferencePolicyOption.GREEDY)
            List<RulePack> packs) {
        this(ExtractionLimits.of(config), Dictionaries.of(packs));
    }

    /** For use outside a framework: the given limits and dictionary (null: no categories). */
    public ProductPageExtractor(ExtractionLimits limits, FeeDictionary dictionary) {
        super(limits, dictionary, PriceParsing.parser());
    }

    @Override
    public String name() {
        return "html-product-page";
    }

    @Override
    public int suitability(SourceRef source, Snapshot snapshot) {
        return source != null && source.kind() == SourceKind.PRODUCT_PAGE ? PRODUCT_PAGE : 0;
    }

    @Override
    protected Disclosure read(SourceRef source, Snapshot snapshot, Document doc, FeeItems items, List<String> notes) {
        String sourceId = source != null ? source.id() : snapshot != null ? snapshot.sourceId() : null;
        if (ScriptPages.hasNoOwnText(doc)) {
            // no product can be read, which is not a product that shows no rate (DISC-003 says it was not evaluated)
            notes.add(ScriptPages.PRODUCT_NOTE);
            return new Disclosure(source, snapshot, List.of(), null, notes);
        }
        ProductTerms terms = new ProductReader(vocabulary, limits, Locators.of(snapshot)).read(doc, sourceId, items, notes);
        return new Disclosure(source, snapshot, List.of(), terms, notes);
    }
}
