package org.feewatch.engine.cashflow;

import java.time.LocalDate;

import org.feewatch.api.FeeTiming;
import org.feewatch.api.Repayment;

/**
 * The loan cash flows of RULES.md on a monthly grid, from the borrower's side: what the borrower
 * receives is positive, what it pays is negative; month 0 is the contract date. Nothing is rounded
 * to cents. Every method adds into an array that the caller owns, so that building a loan's flows
 * allocates nothing.
 */
public final class CashFlowModel {

    static final double MONTHS_PER_YEAR = 12.0;
    static final double PERCENT = 100.0;

    private CashFlowModel() {
    }

    /**
     * The number of whole months from {@code contract} to {@code maturity}. A maturity on the last day
     * of a month shorter than the contract day counts as a full month (2023-01-31 to 2023-02-28 is 1).
     */
    public static int termMonths(LocalDate contract, LocalDate maturity) {
        int n = (maturity.getYear() - contract.getYear()) * 12 + (maturity.getMonthValue() - contract.getMonthValue());
        if (maturity.getDayOfMonth() < contract.getDayOfMonth()
                && maturity.getDayOfMonth() != maturity.lengthOfMonth()) {
            n--;
        }
        return n;
    }

    /**
     * Adds the principal received in month 0 and the repayments of months 1..n.
     *
     * @param nominalPercent the contract's annual rate in percent; monthly interest is nominal / 12
     */
    public static void addLoan(double[] flows, double principal, double nominalPercent, int n, Repayment kind) {
        double yearly = nominalPercent / PERCENT;
        double i = yearly / MONTHS_PER_YEAR;
        flows[0] += principal;
        switch (kind) {
            case EQUAL_INSTALLMENT -> {
                addEqualInstallments(flows, principal, i, n, i == 0.0 ? Double.NaN : growth(i, n));
            }
            case EQUAL_PRINCIPAL -> {
                double part = principal / n;
                for (int m = 1; m <= n; m++) {
                    flows[m] -= part + i * (principal - (m - 1) * part);
                }
            }
            case INTEREST_MONTHLY -> {
                double interest = principal * i;
                for (int m = 1; m <= n; m++) {
                    flows[m] -= interest;
                }
                flows[n] -= principal;
            }
            case BULLET -> flows[n] -= principal * (1.0 + yearly * n / MONTHS_PER_YEAR);
            default -> throw new IllegalArgumentException("unknown repayment kind " + kind);
        }
    }

    /**
     * Writes months 0..n of the flows of {@link #addLoan}: what it adds to an array of zeros, to the bit
     * (each month is 0.0 plus or minus the same figures in the same order), without clearing it first.
     */
    static void setLoan(double[] flows, double principal, double nominalPercent, int n, Repayment kind) {
        double yearly = nominalPercent / PERCENT;
        double i = yearly / MONTHS_PER_YEAR;
        flows[0] = 0.0 + principal;
        switch (kind) {
            case EQUAL_INSTALLMENT -> {
                setEqualInstallments(flows, principal, i, n, i == 0.0 ? Double.NaN : growth(i, n));
            }
            case EQUAL_PRINCIPAL -> {
                double part = principal / n;
                for (int m = 1; m <= n; m++) {
                    flows[m] = 0.0 - (part + i * (principal - (m - 1) * part));
                }
            }
            case INTEREST_MONTHLY -> {
                double interest = principal * i;
                for (int m = 1; m <= n; m++) {
                    flows[m] = 0.0 - interest;
                }
                flows[n] -= principal;
            }
            case BULLET -> {
                for (int m = 1; m < n; m++) {
                    flows[m] = 0.0;
                }
                flows[n] = 0.0 - principal * (1.0 + yearly * n / MONTHS_PER_YEAR);
            }
            default -> throw new IllegalArgumentException("unknown repayment kind " + kind);
        }
    }

    /**
     * {@link #setLoan} and then {@link Irr#rate Irr.rate(flows, n + 1, monthlyRateOf(nominalPercent))}, for
     * a loan whose flows are its principal and repayments alone (no fee, product or deposit), with the
     * solver's first pass done as the months are written: from the last month down, each flow summed
     * the moment it is computed, so that a month is not stored by one loop and loaded back by the next.
     * The same flows and the same sums in the same order as the two calls: the same rate, to the bit.
     *
     * @param growth {@link #growth(double, int)} of the monthly rate, for {@link Repayment#EQUAL_INSTALLMENT}
     *               (unused otherwise, and when the rate is 0)
     */
    static double setLoanAndSolve(double[] flows, double principal, double nominalPercent, int n, Repayment kind,
            double growth) {
        double yearly = nominalPercent / PERCENT;
        double i = yearly / MONTHS_PER_YEAR;
        double start = Irr.start(monthlyRateOf(nominalPercent));
        double v = 1.0 / (1.0 + start);
        double f = 0.0;
        double weighted = 0.0;
        boolean inflow = false;
        boolean outflow = false;
        switch (kind) {
            case EQUAL_INSTALLMENT, INTEREST_MONTHLY -> {
                // one figure every month (but interest-only's last, which repays the principal as well)
                double c = 0.0 - (kind == Repayment.EQUAL_INSTALLMENT
                        ? installment(principal, i, n, i == 0.0 ? Double.NaN : growth) : principal * i);
                double last = kind == Repayment.EQUAL_INSTALLMENT ? c : c - principal;
                flows[n] = last;
                inflow = last > 0;
                outflow = last < 0;
                f = f * v + last;
                weighted = weighted * v + n * last;
                inflow |= n > 1 && c > 0;
                outflow |= n > 1 && c < 0;
                for (int k = n - 1; k >= 1; k--) {
                    flows[k] = c;
                    f = f * v + c;
                    weighted = weighted * v + k * c;
                }
            }
            case EQUAL_PRINCIPAL -> {
                double part = principal / n;
                for (int k = n; k >= 1; k--) {
                    double c = 0.0 - (part + i * (principal - (k - 1) * part));
                    flows[k] = c;
                    if (c > 0) {
                        inflow = true;
                    } else if (c < 0) {
                        outflow = true;
                    }
                    f = f * v + c;
                    weighted = weighted * v + k * c;
                }
            }
            case BULLET -> {
                double c = 0.0 - principal * (1.0 + yearly * n / MONTHS_PER_YEAR);
                flows[n] = c;
                inflow = c > 0;
                outflow = c < 0;
                f = f * v + c;
                weighted = weighted * v + n * c;
                for (int k = n - 1; k >= 1; k--) {
                    flows[k] = 0.0;
                    f = f * v + 0.0;
                    weighted = weighted * v + k * 0.0;
                }
            }
            default -> throw new IllegalArgumentException("unknown repayment kind " + kind);
        }
        double c0 = 0.0 + principal;
        flows[0] = c0;
        inflow |= c0 > 0;
        outflow |= c0 < 0;
        f = f * v + c0;
        weighted = weighted * v + 0 * c0;
        return Irr.rate(flows, n + 1, start, v, f, weighted, inflow, outflow);
    }

    /** (1 + i)^n, the growth of an equal-installment loan's balance over its term at monthly rate i. */
    static double growth(double i, int n) {
        return Math.pow(1.0 + i, n);
    }

    /**
     * The repayments of months 1..n of {@link #addLoan} for {@link Repayment#EQUAL_INSTALLMENT} (not the
     * principal of month 0), with {@code growth} = {@link #growth(double, int)} given (unused when
     * {@code i} is 0), so that a caller can compute it once per rate and term.
     *
     * @param i the monthly rate, {@code nominalPercent / 100 / 12}
     */
    static void addEqualInstallments(double[] flows, double principal, double i, int n, double growth) {
        double installment = installment(principal, i, n, growth);
        for (int m = 1; m <= n; m++) {
            flows[m] -= installment;
        }
    }

    /** {@link #addEqualInstallments} into months that are zero, written rather than added (the same bits). */
    static void setEqualInstallments(double[] flows, double principal, double i, int n, double growth) {
        double installment = installment(principal, i, n, growth);
        for (int m = 1; m <= n; m++) {
            flows[m] = 0.0 - installment;
        }
    }

    private static double installment(double principal, double i, int n, double growth) {
        if (i == 0.0) {
            return principal / n;
        }
        // a term so long that (1 + i)^n overflows pays interest only, in the limit
        return Double.isInfinite(growth) ? principal * i : principal * i * growth / (growth - 1.0);
    }

    /**
     * Adds a fee paid by the borrower: {@code upfront} in month 0, {@code annual} in months 0, 12, 24 …
     * strictly before n, {@code monthly} in months 1..n, {@code maturity} in month n.
     */
    public static void addFee(double[] flows, double amount, FeeTiming when, int n) {
        switch (when) {
            case UPFRONT -> flows[0] -= amount;
            case ANNUAL -> {
                for (int m = 0; m < n; m += 12) {
                    flows[m] -= amount;
                }
            }
            case MONTHLY -> {
                for (int m = 1; m <= n; m++) {
                    flows[m] -= amount;
                }
            }
            case MATURITY -> flows[n] -= amount;
            default -> throw new IllegalArgumentException("unknown fee timing " + when);
        }
    }

    /** How many times a fee of this timing is paid over an n-month loan. */
    public static int paymentsOf(FeeTiming when, int n) {
        return switch (when) {
            case UPFRONT, MATURITY -> 1;
            case ANNUAL -> (n + 11) / 12;
            case MONTHLY -> n;
        };
    }

    /**
     * Adds a compensating deposit: paid in at month 0, returned at month n with simple interest at the
     * demand rate, {@code deposit × demandPercent / 100 × n / 12}.
     */
    public static void addDeposit(double[] flows, double deposit, double demandPercent, int n) {
        flows[0] -= deposit;
        flows[n] += deposit * (1.0 + demandPercent / PERCENT * n / MONTHS_PER_YEAR);
    }

    /** The nominal APR in percent: 12 × r × 100. */
    public static double nominalApr(double monthlyRate) {
        return MONTHS_PER_YEAR * monthlyRate * PERCENT;
    }

    /** The effective annual rate in percent: ((1 + r)^12 − 1) × 100. */
    public static double effectiveApr(double monthlyRate) {
        return (Math.pow(1.0 + monthlyRate, MONTHS_PER_YEAR) - 1.0) * PERCENT;
    }

    /** The monthly rate of a nominal annual rate in percent, a good start for the IRR. */
    public static double monthlyRateOf(double nominalPercent) {
        return nominalPercent / PERCENT / MONTHS_PER_YEAR;
    }
}
