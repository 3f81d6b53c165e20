package org.feewatch.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.feewatch.api.Loan;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.engine.cashflow.CashFlowLoanAnalyzer;

/**
 * The APR analysis cost per loan in thread CPU time, which a busy shared machine disturbs far less
 * than wall-clock time: analyses the benchmark's loan mix {@code rounds} × 4096 times after a warm-up.
 * Run: {@code java -cp benchmarks/jmh/target/benchmarks.jar org.feewatch.benchmarks.CpuTimePerLoan [rounds]}.
 */
public final class CpuTimePerLoan {

    private CpuTimePerLoan() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 250;
        AprAnalysisBenchmark mix = new AprAnalysisBenchmark();
        mix.setUp();
        Loan[] loans = mix.loans();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int warm = 0; warm < 100; warm++) {
            sink += run(loans, mix);
        }
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            sink += run(loans, mix);
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        long n = (long) rounds * loans.length;
        System.out.printf("%d loan analyses: %.0f ns CPU per loan, %.0f ns wall per loan (checksum %.3f)%n", n,
                (double) cpu / n, (double) wall / n, sink);
    }

    private static double run(Loan[] loans, AprAnalysisBenchmark mix) {
        double s = 0;
        for (Loan loan : loans) {
            LoanFacts f = CashFlowLoanAnalyzer.analyze(loan, mix.lpr(), AprAnalysisBenchmark.BANK, 0.20, null);
            s += f.aprAllIn() + f.aprBankOnly();
        }
        return s;
    }
}
