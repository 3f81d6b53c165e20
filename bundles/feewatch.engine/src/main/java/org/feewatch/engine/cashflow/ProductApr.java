package org.feewatch.engine.cashflow;

import java.math.BigDecimal;
import java.util.List;

import org.feewatch.api.Repayment;

/**
 * The all-in APR of a loan product from its published terms (DISC-004): the RULES.md cash flows of
 * a loan of {@code principal} at {@code nominalRate} for {@code termMonths} months with the stated
 * repayment kind and fees. The caller decides the inputs as the rule says: the 执行利率 when the page
 * states one, else the advertised rate; a fixed-amount fee taken on the largest amount stated.
 */
public final class ProductApr {

    private ProductApr() {
    }

    /**
     * @param nominalRate the annual interest rate in percent
     * @param fees        the published fees as amounts per payment with their timing
     */
    public static AprResult of(BigDecimal principal, BigDecimal nominalRate, int termMonths, Repayment repayment,
            List<TermFee> fees) {
        if (principal == null || principal.signum() <= 0) {
            return new AprResult(Double.NaN, Double.NaN, "the product states no loan amount to compute on");
        }
        if (nominalRate == null) {
            return new AprResult(Double.NaN, Double.NaN, "the product states no interest rate");
        }
        if (termMonths < 1) {
            return new AprResult(Double.NaN, Double.NaN, "the product states no term of at least one month");
        }
        if (repayment == null) {
            return new AprResult(Double.NaN, Double.NaN, "the product states no repayment kind");
        }
        double[] flows = new double[termMonths + 1];
        CashFlowModel.addLoan(flows, principal.doubleValue(), nominalRate.doubleValue(), termMonths, repayment);
        for (TermFee fee : fees == null ? List.<TermFee>of() : fees) {
            if (fee.amount() == null || fee.when() == null) {
                return new AprResult(Double.NaN, Double.NaN,
                        "fee " + fee.name() + " has no " + (fee.amount() == null ? "amount" : "timing"));
            }
            CashFlowModel.addFee(flows, fee.amount().doubleValue(), fee.when(), termMonths);
        }
        double r = Irr.rate(flows, flows.length, CashFlowModel.monthlyRateOf(nominalRate.doubleValue()));
        if (Double.isNaN(r)) {
            return new AprResult(Double.NaN, Double.NaN, Irr.whyNoSolution(flows, flows.length));
        }
        double effective = CashFlowModel.effectiveApr(r);
        if (!Double.isFinite(effective)) {
            return new AprResult(Double.NaN, Double.NaN,
                    "the rate of return is too large to express as an annual rate (" + r * 100 + " % a month)");
        }
        return new AprResult(CashFlowModel.nominalApr(r), effective, null);
    }
}
