package org.feewatch.engine.cashflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.feewatch.api.BundledProduct;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.LprFixing;
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
 * {@link LoanFacts#aprProblem()}. Thread-safe; the flows are built in per-thread arrays, so a loan
 * costs a few hundred nanoseconds and no garbage but its {@link LoanFacts}.
 */
public final class CashFlowLoanAnalyzer implements LoanAnalyzer {

    /** Per-thread flow arrays: all-in, bank-only; grown when a loan is longer than any before. */
    private static final ThreadLocal<double[][]> WORK = ThreadLocal.withInitial(() -> new double[][] {
        new double[121], new double[121] });

    /** What {@link #analyze(Loan, AuditContext)} reads from the audit's context, read once per audit. */
    private volatile AuditConstants constants;

    @Override
    public LoanFacts analyze(Loan loan, AuditContext context) {
        AuditConstants c = constants;
        if (c == null || c.context != context) {
            c = new AuditConstants(context);
            constants = c;
        }
        LprFixing lpr = loan.contractDate() == null ? null : c.lprOn(loan.contractDate());
        return analyze(loan, lpr, c.institutionId, c.demandRate, c.dictionary);
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
        /** Marks a day not looked up yet (null means "no fixing in force"). */
        private static final Object UNKNOWN = new Object();

        final AuditContext context;
        final String institutionId;
        final double demandRate;
        final FeeDictionary dictionary;
        private final ReferenceRates rates;
        /** Per day: UNKNOWN, null, or the LprFixing in force. Filled lazily; races only repeat a lookup. */
        private final Object[] byDay;

        AuditConstants(AuditContext context) {
            this.context = context;
            this.rates = context.lpr();
            BigDecimal demand = context.demandDepositRate();
            this.demandRate = demand == null ? 0.0 : demand.doubleValue();
            this.institutionId = context.caseInfo().institutionId();
            this.dictionary = context.feeDictionary();
            this.byDay = rates == null ? null : new Object[DAYS];
            if (byDay != null) {
                Arrays.fill(byDay, UNKNOWN);
            }
        }

        LprFixing lprOn(LocalDate date) {
            if (rates == null) {
                return null;
            }
            int year = date.getYear() - FIRST_YEAR;
            if (year < 0 || year >= YEARS) {
                return rates.inForceOn(date).orElse(null);
            }
            int index = (year * 12 + date.getMonthValue() - 1) * 31 + date.getDayOfMonth() - 1;
            Object known = byDay[index];
            if (known != UNKNOWN) {
                return (LprFixing) known;
            }
            LprFixing found = rates.inForceOn(date).orElse(null);
            byDay[index] = found;
            return found;
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
        String problem = missingData(loan);
        if (problem != null) {
            return new AnalyzedLoan(loan, lpr, Double.NaN, Double.NaN, Double.NaN, Double.NaN, problem, dictionary);
        }
        int n = CashFlowModel.termMonths(loan.contractDate(), loan.maturityDate());
        if (n < 1) {
            return new AnalyzedLoan(loan, lpr, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "the term from " + loan.contractDate() + " to " + loan.maturityDate()
                            + " is shorter than one whole month, the period of the APR cash-flow model",
                    dictionary);
        }
        int length = n + 1;
        double[][] work = WORK.get();
        if (work[0].length < length) {
            work[0] = new double[Math.max(length, 2 * work[0].length)];
            work[1] = new double[work[0].length];
        }
        double[] allIn = work[0];
        double[] bank = work[1];
        Arrays.fill(allIn, 0, length, 0.0);

        double nominal = loan.rate().nominal().doubleValue();
        CashFlowModel.addLoan(allIn, loan.principal().doubleValue(), nominal, n, loan.repayment());
        System.arraycopy(allIn, 0, bank, 0, length);
        boolean othersCharge = false;
        // indexed loops: under C1 an iterator is an allocation per loan
        List<LoanFee> fees = loan.fees();
        for (int f = 0, count = fees.size(); f < count; f++) {
            LoanFee fee = fees.get(f);
            double amount = fee.amount().doubleValue();
            CashFlowModel.addFee(allIn, amount, fee.when(), n);
            if (institutionId != null && institutionId.equals(fee.payee())) {
                CashFlowModel.addFee(bank, amount, fee.when(), n);
            } else {
                othersCharge = true;
            }
        }
        List<BundledProduct> bundled = loan.bundled();
        for (int b = 0, count = bundled.size(); b < count; b++) {
            BundledProduct product = bundled.get(b);
            if (product.mandatory()) {
                allIn[0] -= product.premium().doubleValue();
                othersCharge = true;
            }
        }

        double guess = CashFlowModel.monthlyRateOf(nominal);
        double deposit = loan.compensatingDeposit().doubleValue();
        double withoutDeposit = Double.NaN;
        String withoutDepositProblem = null;
        if (deposit != 0.0) {
            withoutDeposit = Irr.rate(allIn, length, guess);
            if (Double.isNaN(withoutDeposit)) {
                withoutDepositProblem = Irr.whyNoSolution(allIn, length);
            }
            CashFlowModel.addDeposit(allIn, deposit, demandRatePercent, n);
            CashFlowModel.addDeposit(bank, deposit, demandRatePercent, n);
        }
        double all = Irr.rate(allIn, length, guess);
        String allProblem = Double.isNaN(all) ? Irr.whyNoSolution(allIn, length) : null;
        double bankOnly = all;
        String bankProblem = allProblem;
        if (othersCharge) {
            bankOnly = Irr.rate(bank, length, guess);
            bankProblem = Double.isNaN(bankOnly) ? Irr.whyNoSolution(bank, length) : null;
        }
        if (deposit == 0.0) {
            withoutDeposit = all;
            withoutDepositProblem = allProblem;
        }
        double effective = Double.isNaN(all) ? Double.NaN : CashFlowModel.effectiveApr(all);
        if (!Double.isNaN(all) && !Double.isFinite(effective)) {
            return new AnalyzedLoan(loan, lpr, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "the all-in rate of return is too large to express as an annual rate (" + all * 100
                            + " % a month)", dictionary);
        }
        problem = allProblem != null ? allProblem
                : bankProblem != null ? "bank-only flows: " + bankProblem
                : withoutDepositProblem != null ? "flows without the deposit: " + withoutDepositProblem : null;
        return new AnalyzedLoan(loan, lpr, apr(all), effective, apr(bankOnly), apr(withoutDeposit), problem,
                dictionary);
    }

    private static double apr(double monthly) {
        return Double.isNaN(monthly) ? Double.NaN : CashFlowModel.nominalApr(monthly);
    }

    /** What the model needs and the loan lacks, or null. The book readers reject most of these first. */
    private static String missingData(Loan loan) {
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
        List<LoanFee> fees = loan.fees();
        for (int f = 0, count = fees.size(); f < count; f++) {
            LoanFee fee = fees.get(f);
            if (fee.amount() == null || fee.when() == null) {
                return "fee " + fee.item() + " has no " + (fee.amount() == null ? "amount" : "timing");
            }
        }
        List<BundledProduct> bundled = loan.bundled();
        for (int b = 0, count = bundled.size(); b < count; b++) {
            BundledProduct product = bundled.get(b);
            if (product.mandatory() && product.premium() == null) {
                return "mandatory product " + product.name() + " has no premium";
            }
        }
        return null;
    }
}
