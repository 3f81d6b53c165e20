package org.feewatch.engine.cashflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.feewatch.api.BundledProduct;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.LprFixing;
import org.feewatch.api.Repayment;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FeeDictionary;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.ReferenceRates;
import org.feewatch.engine.LoanAnalyzer;

/**
 * The loan analyzer of RULES.md: the 1-year LPR in force on the contract date and the loan's APRs
 * from its monthly cash flows.
 * <ul>
 * <li>all-in: principal, interest, every fee to any payee, mandatory bundled premiums and the
 * compensating deposit (voluntary bundled products are not flows of the loan);</li>
 * <li>bank-only: principal, interest, the fees whose payee is the audited institution, and the
 * deposit;</li>
 * <li>all-in without the deposit, for FEE-005.</li>
 * </ul>
 * A loan whose flows have no rate gets NaN APRs and a one-line reason in
 * {@link LoanFacts#aprProblem()}. Thread-safe; the flows are built in per-thread arrays ({@link Work}), so
 * a loan costs a few hundred nanoseconds and no garbage but its {@link LoanFacts}.
 */
public final class CashFlowLoanAnalyzer implements LoanAnalyzer {

    private static final List<LoanFee> NO_FEES = List.of();
    private static final List<BundledProduct> NO_PRODUCTS = List.of();

    /** What {@link #analyze(Loan, AuditContext)} reads from the audit's context, read once per audit. */
    private volatile AuditConstants constants;

    @Override
    public LoanFacts analyze(Loan loan, AuditContext context) {
        AuditConstants c = constants;
        if (c == null || c.context != context) {
            c = new AuditConstants(context);
            constants = c;
        }
        InForce lpr = loan.contractDate() == null ? InForce.NONE : c.lprOn(loan.contractDate());
        return analyze(loan, lpr.fixing, lpr.oneYear, c.institutionId, c.demandRate, c.dictionary);
    }

    /**
     * The fixing in force on a day and its 1-year figure as a double, converted once per fixing
     * rather than once per loan by each rule that compares with it.
     */
    private static final class InForce {
        static final InForce NONE = new InForce(null);

        final LprFixing fixing;
        final double oneYear;

        InForce(LprFixing fixing) {
            this.fixing = fixing;
            this.oneYear = oneYearValue(fixing);
        }
    }

    private static double oneYearValue(LprFixing fixing) {
        return fixing == null || fixing.oneYear() == null ? Double.NaN : fixing.oneYear().doubleValue();
    }

    /**
     * The context's figures every loan needs, and the LPR in force by contract day, looked up once per
     * day: an {@link AuditContext} is immutable during its audit (one analyzer may serve several
     * audits; a new context replaces these).
     */
    private static final class AuditConstants {
        /** Contract days cached: 1990-01-01 up to 2060-12-31 (other days are looked up every time). */
        private static final int FIRST_YEAR = 1990;
        private static final int YEARS = 71;
        /** A slot per (year, month, day) with 31 days a month: cheaper to compute than an epoch day. */
        private static final int DAYS = YEARS * 12 * 31;

        final AuditContext context;
        final String institutionId;
        final double demandRate;
        final FeeDictionary dictionary;
        private final ReferenceRates rates;
        /**
         * Per day: null when not looked up yet, else what is in force ({@link InForce#NONE}: nothing).
         * Filled lazily; races only repeat a lookup. Days of one fixing share its {@link InForce}.
         */
        private final InForce[] byDay;
        /** The InForce of each fixing met so far, so that its days share one (guarded by itself). */
        private final java.util.Map<LprFixing, InForce> known = new java.util.HashMap<>();

        AuditConstants(AuditContext context) {
            this.context = context;
            this.rates = context.lpr();
            BigDecimal demand = context.demandDepositRate();
            this.demandRate = demand == null ? 0.0 : demand.doubleValue();
            this.institutionId = context.caseInfo().institutionId();
            this.dictionary = context.feeDictionary();
            this.byDay = rates == null ? null : new InForce[DAYS];
        }

        InForce lprOn(LocalDate date) {
            if (rates == null) {
                return InForce.NONE;
            }
            int year = date.getYear() - FIRST_YEAR;
            if (year < 0 || year >= YEARS) {
                return inForce(rates.inForceOn(date).orElse(null));
            }
            int index = (year * 12 + date.getMonthValue() - 1) * 31 + date.getDayOfMonth() - 1;
            InForce known = byDay[index];
            if (known != null) {
                return known;
            }
            InForce found = inForce(rates.inForceOn(date).orElse(null));
            byDay[index] = found;
            return found;
        }

        private InForce inForce(LprFixing fixing) {
            if (fixing == null) {
                return InForce.NONE;
            }
            synchronized (known) {
                return known.computeIfAbsent(fixing, InForce::new);
            }
        }
    }

    /**
     * Analyzes a loan without an audit context.
     *
     * @param institutionId      the audited institution: fees paid to it count in the bank-only APR
     * @param demandRatePercent  the demand deposit rate earned by a compensating deposit, percent per year
     */
    public static LoanFacts analyze(Loan loan, LprFixing lpr, String institutionId, double demandRatePercent,
            FeeDictionary dictionary) {
        return analyze(loan, lpr, oneYearValue(lpr), institutionId, demandRatePercent, dictionary);
    }

    /** {@link #analyze(Loan, LprFixing, String, double, FeeDictionary)} with the fixing's 1-year figure as a double. */
    private static LoanFacts analyze(Loan loan, LprFixing lpr, double lpr1y, String institutionId,
            double demandRatePercent, FeeDictionary dictionary) {
        // each list's size once: a call through the List interface each time, and several kinds of list come by
        List<LoanFee> fees = loan.fees();
        List<BundledProduct> bundled = loan.bundled();
        // most lists are the one empty List.of() (Loan copies its lists with List.copyOf): told by identity
        int feeCount = fees == NO_FEES ? 0 : fees.size();
        int bundledCount = bundled == NO_PRODUCTS ? 0 : bundled.size();
        Work work = Work.ofThisThread();
        String problem = missingData(loan, fees, feeCount, bundled, bundledCount);
        if (problem != null) {
            return new AnalyzedLoan(loan, lpr, lpr1y, nominalOf(loan, work), Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, problem, dictionary, feeCount, bundledCount);
        }
        double nominal = work.nominal(loan.rate().nominal());
        int n = CashFlowModel.termMonths(loan.contractDate(), loan.maturityDate());
        if (n < 1) {
            return new AnalyzedLoan(loan, lpr, lpr1y, nominal, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "the term from " + loan.contractDate() + " to " + loan.maturityDate()
                            + " is shorter than one whole month, the period of the APR cash-flow model",
                    dictionary, feeCount, bundledCount);
        }
        int length = n + 1;
        // every month of the flows is written, as adding to zeros would (no clearing pass first)
        double[] allIn = work.flows(length);

        double principal = loan.principal().doubleValue();
        Repayment kind = loan.repayment();
        // a zero deposit adds nothing (its double would be 0.0); signum spares the conversion
        double deposit = loan.compensatingDeposit().signum() == 0 ? 0.0 : loan.compensatingDeposit().doubleValue();
        if (feeCount == 0 && deposit == 0.0 && !anyMandatory(bundled, bundledCount)) {
            // most loans: flows of principal and repayments alone, one rate for all three APRs, and the
            // solver's first pass made as the flows are written
            double growth = Double.NaN;
            if (kind == Repayment.EQUAL_INSTALLMENT) {
                double i = nominal / CashFlowModel.PERCENT / CashFlowModel.MONTHS_PER_YEAR;
                growth = i == 0.0 ? Double.NaN : work.growth(i, n);
            }
            double all = CashFlowModel.setLoanAndSolve(allIn, principal, nominal, n, kind, growth);
            return facts(loan, lpr, lpr1y, nominal, all, all, all,
                    Double.isNaN(all) ? Irr.whyNoSolution(allIn, length) : null, dictionary, feeCount, bundledCount);
        }
        if (kind == Repayment.EQUAL_INSTALLMENT) {
            // (1 + i)^n once per rate and term, not per loan: the same Math.pow, so the same bits
            double i = nominal / CashFlowModel.PERCENT / CashFlowModel.MONTHS_PER_YEAR;
            allIn[0] = 0.0 + principal;
            CashFlowModel.setEqualInstallments(allIn, principal, i, n, i == 0.0 ? Double.NaN : work.growth(i, n));
        } else {
            CashFlowModel.setLoan(allIn, principal, nominal, n, kind);
        }

        // the bank-only flows differ from the all-in ones only when someone else charges the loan;
        // most loans have no fee at all and need neither the copy nor the second solve
        boolean othersCharge = false;
        for (int f = 0; f < feeCount && !othersCharge; f++) {
            othersCharge = institutionId == null || !institutionId.equals(fees.get(f).payee());
        }
        for (int b = 0; b < bundledCount && !othersCharge; b++) {
            othersCharge = bundled.get(b).mandatory();
        }
        double[] bank = null;
        if (othersCharge) {
            bank = work.bankFlows(length);
            System.arraycopy(allIn, 0, bank, 0, length);
        }
        // indexed loops: under C1 an iterator is an allocation per loan
        for (int f = 0; f < feeCount; f++) {
            LoanFee fee = fees.get(f);
            double amount = fee.amount().doubleValue();
            CashFlowModel.addFee(allIn, amount, fee.when(), n);
            if (bank != null && institutionId != null && institutionId.equals(fee.payee())) {
                CashFlowModel.addFee(bank, amount, fee.when(), n);
            }
        }
        for (int b = 0; b < bundledCount; b++) {
            BundledProduct product = bundled.get(b);
            if (product.mandatory()) {
                allIn[0] -= product.premium().doubleValue();
            }
        }

        double guess = CashFlowModel.monthlyRateOf(nominal);
        double withoutDeposit = Double.NaN;
        String withoutDepositProblem = null;
        if (deposit != 0.0) {
            withoutDeposit = Irr.rate(allIn, length, guess);
            if (Double.isNaN(withoutDeposit)) {
                withoutDepositProblem = Irr.whyNoSolution(allIn, length);
            }
            CashFlowModel.addDeposit(allIn, deposit, demandRatePercent, n);
            if (bank != null) {
                CashFlowModel.addDeposit(bank, deposit, demandRatePercent, n);
            }
        }
        double all = Irr.rate(allIn, length, guess);
        String allProblem = Double.isNaN(all) ? Irr.whyNoSolution(allIn, length) : null;
        double bankOnly = all;
        String bankProblem = allProblem;
        if (bank != null) {
            bankOnly = Irr.rate(bank, length, guess);
            bankProblem = Double.isNaN(bankOnly) ? Irr.whyNoSolution(bank, length) : null;
        }
        if (deposit == 0.0) {
            withoutDeposit = all;
            withoutDepositProblem = allProblem;
        }
        problem = allProblem != null ? allProblem
                : bankProblem != null ? "bank-only flows: " + bankProblem
                : withoutDepositProblem != null ? "flows without the deposit: " + withoutDepositProblem : null;
        return facts(loan, lpr, lpr1y, nominal, all, bankOnly, withoutDeposit, problem, dictionary, feeCount,
                bundledCount);
    }

    /** The facts of a loan from its monthly rates of return (NaN: none, and {@code problem} says why). */
    private static LoanFacts facts(Loan loan, LprFixing lpr, double lpr1y, double nominal, double all,
            double bankOnly, double withoutDeposit, String problem, FeeDictionary dictionary, int feeCount,
            int bundledCount) {
        double effective = Double.isNaN(all) ? Double.NaN : CashFlowModel.effectiveApr(all);
        if (!Double.isNaN(all) && !Double.isFinite(effective)) {
            return new AnalyzedLoan(loan, lpr, lpr1y, nominal, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "the all-in rate of return is too large to express as an annual rate (" + all * 100
                            + " % a month)", dictionary, feeCount, bundledCount);
        }
        return new AnalyzedLoan(loan, lpr, lpr1y, nominal, apr(all), effective, apr(bankOnly), apr(withoutDeposit),
                problem, dictionary, feeCount, bundledCount);
    }

    private static boolean anyMandatory(List<BundledProduct> bundled, int bundledCount) {
        for (int b = 0; b < bundledCount; b++) {
            if (bundled.get(b).mandatory()) {
                return true;
            }
        }
        return false;
    }

    /** The contract rate as a double, NaN when the loan states none. */
    private static double nominalOf(Loan loan, Work work) {
        return loan.rate() == null || loan.rate().nominal() == null ? Double.NaN : work.nominal(loan.rate().nominal());
    }

    /**
     * One thread's scratch space: the flow arrays (grown when a loan is longer than any before) and
     * a small cache of the power every equal-installment loan of a rate and term needs again. Found by thread id in a
     * small table rather than a ThreadLocal, whose lookup (a hash probe and a weak reference read,
     * a native call under C1) cost more than building a loan's flows. Two threads that share a
     * slot only replace each other's scratch (a new one each time); a thread only ever uses the
     * one it made for itself.
     */
    static final class Work {
        private static final int SLOTS = 64;
        private static final Work[] BY_THREAD = new Work[SLOTS];
        /**
         * Entries of the power cache (a power of two); direct-mapped, the newest wins. (The effective
         * APR's power is not remembered: a book has tens of thousands of distinct all-in rates, and a
         * table large enough to hit cost more in cache misses than the power.)
         */
        private static final int CACHED = 256;

        private final long threadId;
        private double[] allIn = new double[121];
        private double[] bank = new double[121];
        private BigDecimal lastNominal;
        private double lastNominalValue;
        // (1 + i)^n by (i, n): the same Math.pow of the same arguments, so the same bits as
        // computing it again; term 0 never occurs (a loan has at least one month), so empty slots never match
        private final long[] growthRate = new long[CACHED];
        private final int[] growthTerm = new int[CACHED];
        private final double[] growth = new double[CACHED];

        private Work(long threadId) {
            this.threadId = threadId;
        }

        static Work ofThisThread() {
            long id = Thread.currentThread().getId();
            int slot = (int) (id & (SLOTS - 1));
            Work w = BY_THREAD[slot];
            if (w == null || w.threadId != id) {
                w = new Work(id);
                BY_THREAD[slot] = w;
            }
            return w;
        }

        /** The all-in flow array, at least {@code length} long (its contents are left as they were). */
        double[] flows(int length) {
            if (allIn.length < length) {
                allIn = new double[Math.max(length, 2 * allIn.length)];
            }
            return allIn;
        }

        /** The bank-only flow array, at least {@code length} long (its contents are left as they were). */
        double[] bankFlows(int length) {
            if (bank.length < length) {
                bank = new double[Math.max(length, 2 * bank.length)];
            }
            return bank;
        }

        /** The contract rate as a double; the readers share one instance per distinct rate, so mostly remembered. */
        double nominal(BigDecimal rate) {
            if (rate != lastNominal) {
                lastNominalValue = rate.doubleValue();
                lastNominal = rate;
            }
            return lastNominalValue;
        }

        double growth(double i, int n) {
            long bits = Double.doubleToRawLongBits(i);
            int slot = (int) (bits ^ (bits >>> 29) ^ (bits >>> 43) ^ n * 0x9E3779B1) & (CACHED - 1);
            if (growthTerm[slot] != n || growthRate[slot] != bits) {
                growth[slot] = CashFlowModel.growth(i, n);
                growthRate[slot] = bits;
                growthTerm[slot] = n;
            }
            return growth[slot];
        }
    }

    private static double apr(double monthly) {
        return Double.isNaN(monthly) ? Double.NaN : CashFlowModel.nominalApr(monthly);
    }

    /** What the model needs and the loan lacks, or null. The book readers reject most of these first. */
    private static String missingData(Loan loan, List<LoanFee> fees, int feeCount, List<BundledProduct> bundled,
            int bundledCount) {
        if (loan.principal() == null) {
            return "the loan has no principal";
        }
        if (loan.contractDate() == null || loan.maturityDate() == null) {
            return "the loan has no contract or maturity date";
        }
        if (loan.rate() == null || loan.rate().nominal() == null) {
            return "the loan has no contract rate (rate.nominal)";
        }
        if (loan.repayment() == null) {
            return "the loan has no repayment kind";
        }
        for (int f = 0; f < feeCount; f++) {
            LoanFee fee = fees.get(f);
            if (fee.amount() == null || fee.when() == null) {
                return "fee " + fee.item() + " has no " + (fee.amount() == null ? "amount" : "timing");
            }
        }
        for (int b = 0; b < bundledCount; b++) {
            BundledProduct product = bundled.get(b);
            if (product.mandatory() && product.premium() == null) {
                return "mandatory product " + product.name() + " has no premium";
            }
        }
        return null;
    }
}
