package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.BundledProduct;
import org.feewatch.api.Evidence;
import org.feewatch.api.Loan;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.LoanTrait;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.rules.national.internal.NationalCatalogue;

/**
 * FEE-004: tied selling (借贷搭售) — the loan required buying insurance, wealth management or another
 * product. A voluntary purchase is not a finding.
 */
public final class Fee004TiedSelling implements Rule {

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("FEE-004");

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        return new RuleEvaluation() {
            /** Only products the loan required: {@link #onLoan} returns at once on any other loan. */
            @Override
            public Set<LoanTrait> onlyLoansWith() {
                return EnumSet.of(LoanTrait.MANDATORY_PRODUCTS);
            }

            @Override
            public void onLoan(LoanFacts facts, FindingSink findings) {
                Loan loan = facts.loan();
                if (facts.bundledCount() == 0 || !anyMandatory(loan.bundled())) {
                    return;
                }
                List<BundledProduct> tied = new ArrayList<>();
                for (BundledProduct p : loan.bundled()) {
                    if (p.mandatory()) {
                        tied.add(p);
                    }
                }
                if (tied.isEmpty()) {
                    return;
                }
                BigDecimal premiums = BigDecimal.ZERO;
                List<Evidence> evidence = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (BundledProduct p : tied) {
                    String what = describe(p);
                    names.add(what);
                    evidence.add(facts.evidence(loan.id() + ": mandatory " + what));
                    if (p.premium() != null) {
                        premiums = premiums.add(p.premium());
                    }
                }
                Map<String, String> metrics = new Metrics();
                metrics.put("products", Integer.toString(tied.size()));
                metrics.put("premium", PricingText.money(premiums));
                metrics.put("premiumShareOfPrincipal",
                        PricingText.apr(premiums.doubleValue() / loan.principal().doubleValue() * 100));
                if (!Double.isNaN(facts.aprAllIn())) {
                    metrics.put("apr", PricingText.apr(facts.aprAllIn()));
                }
                if (!Double.isNaN(facts.aprBankOnly())) {
                    metrics.put("aprBankOnly", PricingText.apr(facts.aprBankOnly()));
                }
                findings.add(info, Subject.loan(loan.id()),
                        "Loan required buying " + String.join(", ", names)
                                + (Double.isNaN(facts.aprAllIn()) ? ""
                                        : "; all-in APR " + PricingText.apr(facts.aprAllIn()) + " %"),
                        evidence, metrics);
            }
        };
    }

    private static boolean anyMandatory(List<BundledProduct> bundled) {
        for (int i = 0, n = bundled.size(); i < n; i++) {
            if (bundled.get(i).mandatory()) {
                return true;
            }
        }
        return false;
    }

    private static String describe(BundledProduct p) {
        String name = p.name() == null || p.name().isBlank() ? "a product" : p.name();
        StringBuilder sb = new StringBuilder(name);
        List<String> parts = new ArrayList<>();
        if (p.kind() != null && !p.kind().isBlank()) {
            parts.add(p.kind());
        }
        if (p.premium() != null) {
            parts.add("premium " + PricingText.money(p.premium()) + " yuan");
        }
        if (!parts.isEmpty()) {
            sb.append(" (").append(String.join(", ", parts)).append(')');
        }
        return sb.toString();
    }
}
