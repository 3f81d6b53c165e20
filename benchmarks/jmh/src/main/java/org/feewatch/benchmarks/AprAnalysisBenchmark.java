package org.feewatch.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.BundledProduct;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.LprFixing;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.engine.cashflow.CashFlowLoanAnalyzer;
import org.feewatch.engine.cashflow.CashFlowModel;
import org.feewatch.engine.cashflow.Irr;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-loan cost of {@link CashFlowLoanAnalyzer}: all-in, effective, bank-only and without-deposit
 * APRs of a mix of loans shaped like a real small-business book (the genbook.py mix: 12 to 60 months,
 * all four repayment kinds, about a fifth with a partner guarantee fee, a few with tied products,
 * deposits or bank fees). Reported per loan (ns/op with {@code OperationsPerInvocation}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AprAnalysisBenchmark {

    static final int LOANS = 4096;
    static final String BANK = "GENBANK";

    private final Loan[] loans = new Loan[LOANS];
    private final double[][] flows = new double[LOANS][];
    private final double[] guesses = new double[LOANS];
    private final LprFixing lpr = new LprFixing(LocalDate.of(2023, 6, 20), new BigDecimal("3.55"),
            new BigDecimal("4.20"), "benchmark");

    /** The loans of the benchmark (for {@link CpuTimePerLoan}). */
    Loan[] loans() {
        return loans;
    }

    LprFixing lpr() {
        return lpr;
    }

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(42);
        Repayment[] kinds = Repayment.values();
        for (int k = 0; k < LOANS; k++) {
            int months = new int[] { 12, 12, 24, 36, 60 }[rnd.nextInt(5)];
            LocalDate contract = LocalDate.of(2023, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            BigDecimal principal = BigDecimal.valueOf(rnd.nextInt(50, 2000) * 1000L);
            BigDecimal nominal = BigDecimal.valueOf(355 + 5 * rnd.nextInt(4, 41), 2);
            List<LoanFee> fees = new ArrayList<>();
            List<BundledProduct> bundled = new ArrayList<>();
            BigDecimal deposit = BigDecimal.ZERO;
            int shape = rnd.nextInt(100);
            if (shape < 20) {
                fees.add(new LoanFee("P01", "担保费", pct(principal, "0.5"), months == 12 ? FeeTiming.UPFRONT : FeeTiming.ANNUAL));
            } else if (shape < 24) {
                fees.add(new LoanFee(BANK, "贷款承诺费", pct(principal, "0.3"), FeeTiming.UPFRONT));
            } else if (shape < 26) {
                bundled.add(new BundledProduct("insurance", "借款人意外伤害保险", pct(principal, "0.3"), true));
            } else if (shape < 28) {
                deposit = pct(principal, "20");
            }
            loans[k] = new Loan("G" + k, new Borrower("B" + k, BorrowerType.MICRO, null), "普惠经营贷", null, principal,
                    contract, contract.plusMonths(months), new RateTerms(RateType.LPR, "1Y", 50, nominal, null),
                    kinds[rnd.nextInt(kinds.length)], false, deposit, bundled, fees, "loans.jsonl", k + 1);
            LoanFacts f = CashFlowLoanAnalyzer.analyze(loans[k], lpr, BANK, 0.20, null);
            if (Double.isNaN(f.aprAllIn())) {
                throw new IllegalStateException("benchmark loan without APR: " + loans[k]);
            }
            double[] cf = new double[months + 1];
            CashFlowModel.addLoan(cf, principal.doubleValue(), nominal.doubleValue(), months, loans[k].repayment());
            for (LoanFee fee : fees) {
                CashFlowModel.addFee(cf, fee.amount().doubleValue(), fee.when(), months);
            }
            flows[k] = cf;
            guesses[k] = CashFlowModel.monthlyRateOf(nominal.doubleValue());
        }
    }

    private static BigDecimal pct(BigDecimal principal, String percent) {
        return principal.multiply(new BigDecimal(percent)).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }

    /** The whole per-loan analysis: term, flows (all-in, bank-only, without deposit), IRRs, APRs. */
    @Benchmark
    @OperationsPerInvocation(LOANS)
    public void analyzeLoan(Blackhole bh) {
        for (Loan loan : loans) {
            LoanFacts f = CashFlowLoanAnalyzer.analyze(loan, lpr, BANK, 0.20, null);
            bh.consume(f.aprAllIn());
            bh.consume(f.aprBankOnly());
        }
    }

    /** The IRR solve alone on prebuilt all-in flows. */
    @Benchmark
    @OperationsPerInvocation(LOANS)
    public void irrOnly(Blackhole bh) {
        for (int k = 0; k < LOANS; k++) {
            bh.consume(Irr.rate(flows[k], flows[k].length, guesses[k]));
        }
    }
}
