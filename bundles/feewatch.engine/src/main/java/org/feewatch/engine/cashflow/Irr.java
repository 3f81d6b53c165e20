package org.feewatch.engine.cashflow;

/**
 * The internal rate of return of flows on a regular grid (one period = one month here): the rate r
 * with {@code Σ flows[k] / (1 + r)^k = 0}. Newton's method from a guess, which converges in a few
 * steps for loans; when it does not (odd flows, a guess far off), a bracketing search followed by
 * Brent's method, which cannot fail once a sign change is found. Flows without both an inflow and
 * an outflow, or whose first flow is not an inflow (a borrower who nets nothing at disbursement), have no
 * rate: {@link #rate} returns NaN and {@link #whyNoSolution} says why in words.
 * Works on primitive arrays and allocates nothing.
 */
public final class Irr {

    private static final int NEWTON_MAX_STEPS = 60;
    private static final int BRENT_MAX_STEPS = 300;
    /**
     * Relative step below which Newton has converged: convergence is quadratic, so the step taken
     * after a step of 1e-10 is off by about 1e-20 × the term, far below double precision of an APR.
     */
    private static final double NEWTON_STEP_TOLERANCE = 1e-10;
    private static final double BRENT_TOLERANCE = 1e-16;
    private static final double MACHINE_EPSILON = Math.ulp(1.0);
    /** The bracket search goes up to this rate per period (a factor of 10^9 a month is beyond any loan). */
    private static final double HIGHEST_RATE = 1e9;
    /** Rates closer to 0 than this are 0 (so a 0 % loan never shows as "-0.000000"). */
    private static final double ZERO_RATE = 1e-15;

    private Irr() {
    }

    /**
     * The rate per period of {@code flows[0 .. length)}, or NaN when the flows have none.
     *
     * @param guess where Newton starts, e.g. the contract's own monthly rate
     */
    public static double rate(double[] flows, int length, double guess) {
        if (length < 2 || length > flows.length) {
            return Double.NaN;
        }
        double start = start(guess);
        // the checks share their pass over the flows with Newton's first step: one pass less per solve
        double v = 1.0 / (1.0 + start);
        double f = 0.0;
        double weighted = 0.0;
        boolean inflow = false;
        boolean outflow = false;
        for (int k = length - 1; k >= 0; k--) {
            double c = flows[k];
            if (c > 0) {
                inflow = true;
            } else if (c < 0) {
                outflow = true;
            }
            f = f * v + c;
            weighted = weighted * v + k * c;
        }
        return rate(flows, length, start, v, f, weighted, inflow, outflow);
    }

    /** Where Newton starts from {@code guess}: the guess when it is a usable rate, else 0. */
    static double start(double guess) {
        return Double.isFinite(guess) && guess > -0.5 ? guess : 0.0;
    }

    /**
     * {@link #rate(double[], int, double)} after its first pass over the flows, done by a caller that
     * wrote the flows ({@link CashFlowModel#setLoanAndSolve}): at {@code v} = 1 / (1 + start), from
     * the last month down, {@code f = f * v + c} and {@code weighted = weighted * v + k * c}, and whether
     * some flow is positive ({@code inflow}) or negative ({@code outflow}).
     */
    static double rate(double[] flows, int length, double start, double v, double f, double weighted,
            boolean inflow, boolean outflow) {
        // a flow that is not finite makes both sums so (v is finite and positive): look for one only then
        if (!(Double.isFinite(f) && Double.isFinite(weighted)) && !allFinite(flows, length)) {
            return Double.NaN;
        }
        // a borrower who nets nothing at disbursement (a deposit or fees at least the principal) has
        // no cost of borrowing to express, even when later flows (the deposit back) have a rate
        if (!(inflow && outflow) || flows[0] <= 0.0) {
            return Double.NaN;
        }
        double r = newton(flows, length, start, v, f, weighted);
        if (Double.isNaN(r) || r <= -ZERO_RATE && sum(flows, length) < 0.0) {
            // a negative rate for a borrower who pays back more than was received is the other root of
            // flows that change sign more than once (a deposit nearly the principal, returned at maturity
            // after the installments): the cost of borrowing is the root above 0, which the bracket
            // search finds first
            r = bracketed(flows, length);
        }
        return Math.abs(r) < ZERO_RATE ? 0.0 : r;
    }

    private static double sum(double[] flows, int length) {
        double total = 0.0;
        for (int k = 0; k < length; k++) {
            total += flows[k];
        }
        return total;
    }

    private static boolean allFinite(double[] flows, int length) {
        for (int k = 0; k < length; k++) {
            if (!Double.isFinite(flows[k])) {
                return false;
            }
        }
        return true;
    }

    /** Why {@link #rate} gives NaN for these flows, in words for a user; null when it does not. */
    public static String whyNoSolution(double[] flows, int length) {
        if (length < 2) {
            return "the loan has no whole monthly period to compute a rate on";
        }
        boolean inflow = false;
        boolean outflow = false;
        for (int k = 0; k < length; k++) {
            double c = flows[k];
            if (!Double.isFinite(c)) {
                return "a cash flow is not a finite number (month " + k + ")";
            }
            if (c > 0) {
                inflow = true;
            } else if (c < 0) {
                outflow = true;
            }
        }
        if (!inflow && !outflow) {
            return "the loan has no cash flows";
        }
        if (!inflow || flows[0] <= 0.0) {
            return "the borrower receives nothing: fees, premiums and deposit due at disbursement take up the whole principal";
        }
        if (!outflow) {
            return "the borrower never pays anything back";
        }
        if (Double.isNaN(rate(flows, length, 0.0))) {
            return "no interest rate balances the loan's cash flows";
        }
        return null;
    }

    /** Net present value at rate {@code r} per period. */
    public static double npv(double[] flows, int length, double r) {
        double v = 1.0 / (1.0 + r);
        double f = 0.0;
        for (int k = length - 1; k >= 0; k--) {
            f = f * v + flows[k];
        }
        return f;
    }

    /**
     * Newton's method from {@code start}, whose first step's sums over the flows ({@code v} = 1 / (1 +
     * start), the value {@code f} and the k-weighted sum) the caller computed already.
     */
    private static double newton(double[] flows, int length, double start, double firstV, double firstF,
            double firstWeighted) {
        double r = start;
        double v = firstV;
        double f = firstF;
        double weighted = firstWeighted;
        for (int step = 0; step < NEWTON_MAX_STEPS; step++) {
            if (step > 0) {
                v = 1.0 / (1.0 + r);
                f = 0.0;
                weighted = 0.0;
                for (int k = length - 1; k >= 0; k--) {
                    double c = flows[k];
                    double fv = f * v;
                    double wv = weighted * v;
                    if (c == 0.0 && fv != 0.0 && wv != 0.0) {
                        // adding a zero flow to a non-zero sum leaves it as it is, to the bit: the months
                        // between a bullet loan's disbursement and maturity cost a multiplication, not
                        // a multiplication and a dependent addition
                        f = fv;
                        weighted = wv;
                    } else {
                        f = fv + c;
                        weighted = wv + k * c;
                    }
                }
            }
            if (f == 0.0) {
                return r;
            }
            double slope = -v * weighted;
            if (!Double.isFinite(f) || !Double.isFinite(slope) || slope == 0.0) {
                return Double.NaN;
            }
            double delta = f / slope;
            double next = r - delta;
            if (!(next > -1.0) || !Double.isFinite(next)) {
                return Double.NaN;
            }
            if (Math.abs(delta) <= NEWTON_STEP_TOLERANCE * (1.0 + Math.abs(r))) {
                return next;
            }
            r = next;
        }
        return Double.NaN;
    }

    /** Scans outward from 0 for a sign change (upward first: loans cost money), then Brent. */
    static double bracketed(double[] flows, int length) { // package-private: the tests' plain solver uses it
        double f0 = npv(flows, length, 0.0);
        if (f0 == 0.0) {
            return 0.0;
        }
        double a = 0.0;
        double fa = f0;
        for (double b = 1e-3; b <= HIGHEST_RATE; b *= 2.0) {
            double fb = npv(flows, length, b);
            if (!Double.isFinite(fb)) {
                break;
            }
            if (fb == 0.0) {
                return b;
            }
            if ((fa < 0.0) != (fb < 0.0)) {
                return brent(flows, length, a, b, fa, fb);
            }
            a = b;
            fa = fb;
        }
        a = 0.0;
        fa = f0;
        for (double gap = 0.5; gap > 1e-12; gap *= 0.5) {
            double b = -1.0 + gap;
            double fb = npv(flows, length, b);
            if (!Double.isFinite(fb)) {
                break;
            }
            if (fb == 0.0) {
                return b;
            }
            if ((fa < 0.0) != (fb < 0.0)) {
                return brent(flows, length, b, a, fb, fa);
            }
            a = b;
            fa = fb;
        }
        return Double.NaN;
    }

    /** Brent's method on a bracket [a, b] with f(a), f(b) of opposite signs. */
    private static double brent(double[] flows, int length, double a, double b, double fa, double fb) {
        double c = a;
        double fc = fa;
        double d = b - a;
        double e = d;
        for (int step = 0; step < BRENT_MAX_STEPS; step++) {
            if ((fb > 0.0) == (fc > 0.0)) {
                c = a;
                fc = fa;
                d = b - a;
                e = d;
            }
            if (Math.abs(fc) < Math.abs(fb)) {
                a = b;
                b = c;
                c = a;
                fa = fb;
                fb = fc;
                fc = fa;
            }
            double tolerance = 2.0 * MACHINE_EPSILON * Math.abs(b) + 0.5 * BRENT_TOLERANCE;
            double half = 0.5 * (c - b);
            if (Math.abs(half) <= tolerance || fb == 0.0) {
                return b;
            }
            if (Math.abs(e) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa;
                double p;
                double q;
                if (a == c) {
                    p = 2.0 * half * s;
                    q = 1.0 - s;
                } else {
                    double qa = fa / fc;
                    double rb = fb / fc;
                    p = s * (2.0 * half * qa * (qa - rb) - (b - a) * (rb - 1.0));
                    q = (qa - 1.0) * (rb - 1.0) * (s - 1.0);
                }
                if (p > 0.0) {
                    q = -q;
                }
                p = Math.abs(p);
                if (2.0 * p < Math.min(3.0 * half * q - Math.abs(tolerance * q), Math.abs(e * q))) {
                    e = d;
                    d = p / q;
                } else {
                    d = half;
                    e = d;
                }
            } else {
                d = half;
                e = d;
            }
            a = b;
            fa = fb;
            b += Math.abs(d) > tolerance ? d : Math.copySign(tolerance, half);
            fb = npv(flows, length, b);
            if (!Double.isFinite(fb)) {
                return Double.NaN;
            }
        }
        return b;
    }
}
