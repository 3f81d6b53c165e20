package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.Loan;
import org.feewatch.api.LprFixing;
import org.feewatch.api.RateType;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.LoanTrait;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.rules.national.internal.NationalCatalogue;
import org.feewatch.rules.national.internal.PricingLimits;

/**
 * RATE-002: an LPR-priced loan whose contract rate is not the LPR of its own tenor in force on the
 * contract date plus its stated spread, within the tolerance of {@code pricing-limits.json} (0.5 bp).
 */
public final class Rate002LprSpreadMismatch implements Rule {

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("RATE-002");
    /** Far above the rounding error of the doubles in {@link #clearlyWithinTolerance}, far below any real difference. */
    private static final double DOUBLE_MARGIN_BP = 1e-6;

    private final BigDecimal toleranceBp;
    private final double toleranceBpValue;

    public Rate002LprSpreadMismatch() {
        this(PricingLimits.NATIONAL);
    }

    Rate002LprSpreadMismatch(PricingLimits limits) {
        this.toleranceBp = limits.lprSpreadToleranceBp();
        this.toleranceBpValue = toleranceBp.doubleValue();
    }

    /**
     * True when the contract rate is within the tolerance by a wide margin, judged in doubles: each
     * figure is within 1e-10 of its decimal (rates below 1e6 %), so a difference found more than
     * {@link #DOUBLE_MARGIN_BP} inside the tolerance is inside it exactly. The rest is decided exactly.
     */
    private boolean clearlyWithinTolerance(double rate, double reference, int spreadBp) {
        // NaN (no figure) fails the test below and goes the exact way
        if (!(Math.abs(rate) < 1e6 && Math.abs(reference) < 1e6)) {
            return false;
        }
        double differenceBp = (rate - reference) * 100.0 - spreadBp;
        return Math.abs(differenceBp) < toleranceBpValue - DOUBLE_MARGIN_BP;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        return new RuleEvaluation() {
            /** Only LPR-priced loans: {@link #onLoan} returns at once on any other loan. */
            @Override
            public Set<LoanTrait> onlyLoansWith() {
                return EnumSet.of(LoanTrait.LPR_RATE);
            }

            @Override
            public void onLoan(LoanFacts facts, FindingSink findings) {
                Loan loan = facts.loan();
                if (loan.rate() == null || loan.rate().type() != RateType.LPR) {
                    return;
                }
                String tenor = loan.rate().tenor();
                // as written in the book ("1Y", "5Y") first: equalsIgnoreCase is slow under C1
                boolean oneYear = "1Y".equals(tenor);
                boolean fiveYear = !oneYear && "5Y".equals(tenor);
                if (tenor == null || loan.rate().spreadBp() == null || loan.rate().nominal() == null
                        || !(oneYear || fiveYear || "1Y".equalsIgnoreCase(tenor) || "5Y".equalsIgnoreCase(tenor))) {
                    String missing = loan.rate().nominal() == null ? "contract rate (rate.nominal)"
                            : loan.rate().spreadBp() == null ? "spread (rate.spreadBp)"
                            : "LPR tenor 1Y or 5Y (rate.tenor is " + (tenor == null ? "missing" : "\"" + tenor + "\"") + ")";
                    findings.add(info, Severity.INFO, Subject.loan(loan.id()),
                            "RATE-002 not evaluated: the LPR-priced loan states no " + missing,
                            List.of(facts.evidence(PricingText.loanText(loan))), Map.of());
                    return;
                }
                LprFixing fixing = facts.lprOnContractDate();
                if (fixing == null) {
                    PricingText.noLpr(info, facts, tenor.toUpperCase(), findings);
                    return;
                }
                BigDecimal lpr = oneYear ? fixing.oneYear() : fiveYear ? fixing.fiveYear() : fixing.forTenor(tenor);
                // the doubles the engine converted once (the 1-year LPR), else this fixing's
                double reference = oneYear ? facts.lpr1yValue() : lpr == null ? Double.NaN : lpr.doubleValue();
                if (clearlyWithinTolerance(facts.nominalRateValue(), reference, loan.rate().spreadBp())) {
                    return;
                }
                BigDecimal spread = BigDecimal.valueOf(loan.rate().spreadBp());
                BigDecimal expected = lpr.add(spread.movePointLeft(2));
                BigDecimal nominal = loan.rate().nominal();
                BigDecimal differenceBp = nominal.subtract(expected).movePointRight(2);
                if (differenceBp.abs().compareTo(toleranceBp) <= 0) {
                    return;
                }
                String nominalText = PricingText.rate(nominal);
                String lprText = PricingText.rate(lpr);
                String tenorText = tenor.toUpperCase();
                String expectedText = PricingText.rate(expected);
                String differenceText = PricingText.bp(differenceBp);
                Map<String, String> metrics = new Metrics();
                metrics.put("nominalRate", nominalText);
                metrics.put("lpr", lprText);
                metrics.put("tenor", tenorText);
                metrics.put("lprDate", fixing.date().toString());
                metrics.put("spreadBp", spread.toPlainString());
                metrics.put("expectedRate", expectedText);
                metrics.put("differenceBp", differenceText);
                findings.add(info, Subject.loan(loan.id()),
                        "Contract rate " + nominalText + " % differs from " + tenorText
                                + " LPR " + lprText + " % (fixing of " + fixing.date() + ") "
                                + (spread.signum() >= 0 ? "+ " : "− ") + spread.abs().toPlainString() + " bp = "
                                + expectedText + " % by " + differenceText + " bp",
                        List.of(facts.evidence(PricingText.loanText(loan))), metrics);
            }
        };
    }
}
