package org.feewatch.engine.cashflow;

/**
 * A computed APR: nominal (12 × monthly IRR) and effective ((1 + r)^12 − 1), both in percent per year;
 * or, when the flows have no rate, NaN figures and the reason in {@code problem}.
 */
public record AprResult(double nominal, double effective, String problem) {

    /** True when the APR was solved (the figures are finite). */
    public boolean solved() {
        return problem == null;
    }
}
