package org.feewatch.rules.national.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.feewatch.api.FeeItem;
import org.feewatch.api.Price;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.price.PriceParser;
import org.feewatch.rules.national.internal.NationalCatalogue;

/**
 * DISC-002: a published catalogue item with no price standard (blank, or text that states no price
 * such as 详询营业网点) or with no service content. 协议定价 is a pricing method and counts as a price
 * standard; free (免费) is a price of 0.
 */
public final class Disc002IncompleteCatalogueItem implements Rule {

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("DISC-002");

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        return new RuleEvaluation() {
            @Override
            public void finish(FindingSink findings) {
                for (BankCatalogue.Entry entry : new BankCatalogue(context).entries()) {
                    FeeItem item = entry.item();
                    List<String> missing = new ArrayList<>();
                    if (!statesPrice(item)) {
                        missing.add("no price standard");
                    }
                    if (item.content() == null || item.content().isBlank()) {
                        missing.add("no service content");
                    }
                    if (missing.isEmpty()) {
                        continue;
                    }
                    String shown = item.priceText() == null || item.priceText().isBlank() ? ""
                            : " (收费标准: " + item.priceText() + ")";
                    findings.add(info, Subject.feeItem(entry.sourceId(), item.name()),
                            "Published item " + item.name() + " has " + String.join(" and ", missing) + shown,
                            List.of(entry.evidence()), Map.of());
                }
            }
        };
    }

    /** The extractor's parse when it has one, else the price text read here. */
    private static boolean statesPrice(FeeItem item) {
        Price price = item.price() != null ? item.price() : PriceParser.parse(item.priceText());
        return price.statesPrice();
    }
}
