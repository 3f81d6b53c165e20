package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.feewatch.api.FeeItem;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Price;
import org.feewatch.api.ProductTerms;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.cashflow.AprResult;
import org.feewatch.engine.cashflow.ProductApr;
import org.feewatch.engine.cashflow.TermFee;
import org.feewatch.engine.price.PriceParser;
import org.feewatch.rules.national.internal.NationalCatalogue;

/**
 * DISC-004: a loan product whose advertised annualized rate is below the all-in APR computed from
 * its own published terms by more than {@code aprTolerancePp}. The terms are the page's: term,
 * repayment kind and fees as stated; the interest rate is the page's 执行利率 when it states one,
 * else the advertised rate; a fixed-amount fee is taken on the largest loan amount the page states,
 * and a range of fees at its low end, so that the computed APR is the lowest the page allows. An
 * advertised rate labelled compound (复利, 内部收益率, IRR) is compared with the effective APR, any
 * other with the nominal one. A page whose terms do not allow the computation gets an info finding.
 */
public final class Disc004UnderstatedApr implements Rule {

    /** Fees are proportional to the principal when the page states no amount: any principal gives the same APR. */
    private static final BigDecimal NOMINAL_PRINCIPAL = new BigDecimal("1000000");

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("DISC-004");

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        BigDecimal tolerance = context.policy().aprTolerancePp();
        return new RuleEvaluation() {
            @Override
            public void finish(FindingSink findings) {
                for (ProductPages.Page page : ProductPages.of(context)) {
                    ProductTerms terms = page.terms();
                    if (terms != null && terms.advertisedApr() != null) {
                        judge(page, terms, tolerance, findings);
                    }
                }
            }
        };
    }

    private void judge(ProductPages.Page page, ProductTerms terms, BigDecimal tolerance, FindingSink findings) {
        List<String> notCounted = new ArrayList<>();
        List<TermFee> fees = new ArrayList<>();
        boolean fixedFee = false;
        BigDecimal principal = terms.maxAmount() != null ? terms.maxAmount() : NOMINAL_PRINCIPAL;
        for (FeeItem item : terms.fees()) {
            Price price = item.price() != null ? item.price() : PriceParser.parse(item.priceText());
            fixedFee |= price.kind() == Price.Kind.FIXED;
            TermFee fee = termFee(item.name(), price, principal);
            if (fee == null && price.kind() != Price.Kind.FREE) {
                notCounted.add(item.name() + (item.priceText() == null ? "" : " " + item.priceText()));
            } else if (fee != null) {
                fees.add(fee);
            }
        }
        String problem = null;
        if (tolerance == null) {
            problem = "no aprTolerancePp in the policy";
        } else if (terms.maxAmount() == null && fixedFee) {
            problem = "the page states a fixed-amount fee but no loan amount";
        } else if (terms.termMonths() == null) {
            problem = "the page states no loan term";
        } else if (terms.repayment() == null) {
            problem = "the page states no repayment kind";
        }
        BigDecimal rate = terms.executionRate() != null ? terms.executionRate() : terms.advertisedApr();
        AprResult apr = null;
        if (problem == null) {
            apr = ProductApr.of(principal, rate, terms.termMonths(), terms.repayment(), fees);
            if (!apr.solved()) {
                problem = apr.problem();
            }
        }
        if (problem != null) {
            findings.add(info, Severity.INFO, Subject.product(page.sourceId()),
                    "DISC-004 not evaluated for " + page.label() + ": " + problem,
                    List.of(page.evidence(terms.text() == null ? "" : terms.text())), Map.of());
            return;
        }
        boolean compound = isCompound(terms.aprLabel());
        double computed = compound ? apr.effective() : apr.nominal();
        BigDecimal gap = BigDecimal.valueOf(computed).subtract(terms.advertisedApr());
        if (gap.compareTo(tolerance) <= 0) {
            return;
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("advertisedApr", terms.advertisedApr().toPlainString());
        metrics.put("computedApr", decimal(apr.nominal()));
        metrics.put("computedAprEffective", decimal(apr.effective()));
        metrics.put("differencePp", gap.setScale(8, RoundingMode.HALF_UP).toPlainString());
        metrics.put("tolerancePp", tolerance.toPlainString());
        metrics.put("interestRate", rate.toPlainString());
        metrics.put("termMonths", terms.termMonths().toString());
        metrics.put("principal", principal.toPlainString());
        findings.add(info, Subject.product(page.sourceId()),
                "Product " + page.label() + " advertises an annualized rate of " + terms.advertisedApr().toPlainString()
                        + "% but its own terms give an all-in APR of "
                        + BigDecimal.valueOf(computed).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%"
                        + (compound ? " (effective, as the advertised rate is labelled " + terms.aprLabel() + ")" : "")
                        + " (" + terms.termMonths() + " months, " + terms.repayment().wireName() + ")"
                        + (notCounted.isEmpty() ? ""
                                : "; fees without a definite amount not counted: " + String.join("、", notCounted)),
                List.of(page.evidence(terms.text() == null ? "" : terms.text())), metrics);
    }

    /** A published fee as yuan per payment with its timing, or null when it has no definite amount. */
    static TermFee termFee(String name, Price price, BigDecimal principal) {
        Price.Period period = price.period() == null ? Price.Period.ONCE : price.period();
        BigDecimal amount;
        switch (price.kind()) {
            case PERCENT: {
                BigDecimal pct = price.low() != null ? price.low() : price.high();
                if (pct == null) {
                    return null;
                }
                amount = principal.multiply(pct).movePointLeft(2);
                if (price.minimum() != null && amount.compareTo(price.minimum()) < 0) {
                    amount = price.minimum();
                }
                if (price.maximum() != null && amount.compareTo(price.maximum()) > 0) {
                    amount = price.maximum();
                }
                break;
            }
            case FIXED: {
                amount = price.low() != null ? price.low() : price.high();
                if (amount == null) {
                    return null;
                }
                break;
            }
            default:
                return null;
        }
        return switch (period) {
            case ONCE -> new TermFee(name, amount, FeeTiming.UPFRONT);
            case PER_YEAR -> new TermFee(name, amount, FeeTiming.ANNUAL);
            case PER_MONTH -> new TermFee(name, amount, FeeTiming.MONTHLY);
            // spread evenly over the months of the period
            case PER_QUARTER -> new TermFee(name, amount.divide(BigDecimal.valueOf(3), 10, RoundingMode.HALF_UP),
                    FeeTiming.MONTHLY);
            case PER_DAY -> new TermFee(name, amount.multiply(BigDecimal.valueOf(365))
                    .divide(BigDecimal.valueOf(12), 10, RoundingMode.HALF_UP), FeeTiming.MONTHLY);
        };
    }

    private static boolean isCompound(String label) {
        if (label == null) {
            return false;
        }
        String l = label.toLowerCase();
        return l.contains("复利") || l.contains("内部收益率") || l.contains("irr");
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).setScale(8, RoundingMode.HALF_UP).toPlainString();
    }
}
