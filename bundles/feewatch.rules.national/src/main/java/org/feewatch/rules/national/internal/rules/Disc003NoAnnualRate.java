package org.feewatch.rules.national.internal.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.feewatch.api.ProductTerms;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.rules.national.internal.NationalCatalogue;

/**
 * DISC-003: a loan product page that shows no annualized rate (年化利率), or shows only a daily or
 * monthly rate. A page whose product terms could not be extracted at all gives an info finding.
 */
public final class Disc003NoAnnualRate implements Rule {

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("DISC-003");

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        return new RuleEvaluation() {
            @Override
            public void finish(FindingSink findings) {
                for (ProductPages.Page page : ProductPages.of(context)) {
                    ProductTerms terms = page.terms();
                    if (terms == null) {
                        findings.add(info, Severity.INFO, Subject.product(page.sourceId()),
                                "DISC-003 not evaluated: no loan product could be read on page " + page.sourceId(),
                                List.of(page.evidence("no product terms extracted")), Map.of());
                        continue;
                    }
                    if (terms.advertisedApr() != null) {
                        continue;
                    }
                    Map<String, String> metrics = new LinkedHashMap<>();
                    String title;
                    String shown;
                    if (terms.periodicRateTexts().isEmpty()) {
                        title = "Product page " + page.label() + " shows no annualized rate (年化利率)";
                        shown = terms.text() != null && !terms.text().isBlank() ? terms.text() : "no rate shown";
                    } else {
                        shown = String.join("；", terms.periodicRateTexts());
                        title = "Product page " + page.label() + " shows only a daily or monthly rate (" + shown
                                + "), no annualized rate (年化利率)";
                        metrics.put("periodicRates", Integer.toString(terms.periodicRateTexts().size()));
                    }
                    findings.add(info, Subject.product(page.sourceId()), title, List.of(page.evidence(shown)),
                            metrics);
                }
            }
        };
    }
}
