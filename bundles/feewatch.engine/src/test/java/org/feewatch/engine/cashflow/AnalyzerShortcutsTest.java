package org.feewatch.engine.cashflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.BundledProduct;
import org.feewatch.api.CaseInfo;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.LprFixing;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FeeDictionary;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.engine.CaseAuditContext;
import org.feewatch.engine.lpr.LprTable;
import org.junit.jupiter.api.Test;

/**
 * The analyzer's shortcuts (bank-only flows and their solve only when someone else charges the
 * loan, powers remembered per rate and term, per-thread scratch found by thread id) give every
 * figure bit for bit as the plain analysis below, a copy of the analyzer before them, does: the
 * detail file prints the APRs.
 */
class AnalyzerShortcutsTest {

    private static final String BANK = "BANK-A";

    @Test
    void everyFigureIsBitForBitThePlainAnalysis() {
        SplittableRandom random = new SplittableRandom(20261127);
        for (int i = 0; i < 20_000; i++) {
            assertSame(randomLoan(random, i), random.nextInt(8) == 0 ? null : BANK);
        }
    }

    @Test
    void sameRatesAndTermsAgainAndAgainStillGiveThePlainFigures() {
        // many loans of a few rates and terms: the remembered powers are used, and overwritten
        SplittableRandom random = new SplittableRandom(7);
        String[] rates = {"3.45", "3.65", "4.25", "4.35", "0", "12.00", "23.99"};
        Repayment[] kinds = Repayment.values();
        for (int i = 0; i < 5_000; i++) {
            int months = 1 + random.nextInt(60);
            LocalDate start = LocalDate.of(2022, 1 + random.nextInt(12), 1 + random.nextInt(28));
            Loan loan = loan("L" + i, (10_000 + random.nextInt(3_000_000)) + ".00", rates[random.nextInt(rates.length)],
                    start, start.plusMonths(months), kinds[random.nextInt(kinds.length)], "0", List.of(), List.of());
            assertSame(loan, BANK);
        }
    }

    @Test
    void threadsGetTheirOwnScratch() throws Exception {
        List<Loan> loans = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(99);
        for (int i = 0; i < 3_000; i++) {
            loans.add(randomLoan(random, i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 97;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < loans.size(); i++) {
                        assertSame(loans.get((i + offset) % loans.size()), BANK);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void loanFlowsWrittenOverOldOnesAreTheFlowsAddedToZerosBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        double[] rates = {0.0, 3.65, 4.35, 12.0, 23.99, 1e-9, 400.0};
        for (int t = 0; t < 20_000; t++) {
            int n = 1 + random.nextInt(t % 50 == 0 ? 700 : 60);
            double principal = random.nextInt(20) == 0 ? 0.0 : random.nextDouble() * 5e6;
            double rate = random.nextInt(3) == 0 ? rates[random.nextInt(rates.length)] : random.nextDouble() * 30;
            Repayment kind = Repayment.values()[random.nextInt(Repayment.values().length)];
            double[] added = new double[n + 1];
            CashFlowModel.addLoan(added, principal, rate, n, kind);
            double[] written = new double[n + 1];
            Arrays.fill(written, random.nextBoolean() ? Double.NaN : -123.25); // what a longer loan left there
            CashFlowModel.setLoan(written, principal, rate, n, kind);
            for (int m = 0; m <= n; m++) {
                assertEquals(bits(added[m]), bits(written[m]), kind + " n=" + n + " month " + m);
            }
        }
    }

    @Test
    void flowsWrittenAndSolvedInOneLoopAreSetLoanAndIrrRateBitForBit() {
        SplittableRandom random = new SplittableRandom(12);
        double[] rates = {0.0, -0.0, 3.65, 4.35, 12.0, 23.99, 1e-9, 400.0, -3.0, -700.0, Double.NaN, 1e308};
        for (int t = 0; t < 20_000; t++) {
            int n = 1 + random.nextInt(t % 50 == 0 ? 700 : 60);
            double principal = random.nextInt(20) == 0 ? (random.nextBoolean() ? 0.0 : -5000.0) : random.nextDouble() * 5e6;
            double rate = random.nextInt(3) == 0 ? rates[random.nextInt(rates.length)] : random.nextDouble() * 30;
            Repayment kind = Repayment.values()[random.nextInt(Repayment.values().length)];
            double i = rate / 100.0 / 12.0;
            double growth = i == 0.0 ? Double.NaN : CashFlowModel.growth(i, n);
            double[] expected = new double[n + 1];
            CashFlowModel.setLoan(expected, principal, rate, n, kind);
            double expectedRate = Irr.rate(expected, n + 1, CashFlowModel.monthlyRateOf(rate));
            double[] written = new double[n + 1 + random.nextInt(3)];
            Arrays.fill(written, random.nextBoolean() ? Double.NaN : -123.25); // what a longer loan left there
            double solved = CashFlowModel.setLoanAndSolve(written, principal, rate, n, kind, growth);
            String what = kind + " n=" + n + " principal " + principal + " rate " + rate;
            assertEquals(bits(expectedRate), bits(solved), what);
            for (int m = 0; m <= n; m++) {
                assertEquals(bits(expected[m]), bits(written[m]), what + " month " + m);
            }
        }
    }

    /** Facts with nothing but the interface's defaults, for what those give. */
    private record DefaultFacts(Loan loan) implements LoanFacts {
        @Override
        public LprFixing lprOnContractDate() {
            return null;
        }

        @Override
        public double aprAllIn() {
            return Double.NaN;
        }

        @Override
        public double aprAllInEffective() {
            return Double.NaN;
        }

        @Override
        public double aprBankOnly() {
            return Double.NaN;
        }

        @Override
        public double aprAllInWithoutDeposit() {
            return Double.NaN;
        }

        @Override
        public String categoryOf(String feeItem) {
            return null;
        }
    }

    @Test
    void evidenceOfTheLoanLineIsTheDefaultOne() {
        SplittableRandom random = new SplittableRandom(3);
        long[] lines = {0, 1, 9, 10, 99, 100, 1_000_000, 4_294_967_295L, 4_294_967_296L, -1, Long.MAX_VALUE, Long.MIN_VALUE};
        for (int i = 0; i < lines.length + 10_000; i++) {
            long line = i < lines.length ? lines[i] : random.nextLong(0, 20_000_000_000L);
            Loan loan = new Loan("L" + i, null, "p", null, new BigDecimal("1000.00"), LocalDate.of(2023, 1, 1),
                    LocalDate.of(2023, 7, 1), new RateTerms(RateType.FIXED, null, null, new BigDecimal("4.00"), null),
                    Repayment.BULLET, false, BigDecimal.ZERO, List.of(), List.of(), i % 2 == 0 ? "loans.jsonl" : null,
                    line);
            LoanFacts fast = CashFlowLoanAnalyzer.analyze(loan, null, BANK, 0.2, null);
            assertEquals(new DefaultFacts(loan).evidence("text " + i), fast.evidence("text " + i));
        }
    }

    @Test
    void flowsThatAreNotFiniteHaveNoRateWhereverTheyAre() {

        double[] bad = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (double b : bad) {
            for (int at = 0; at < 5; at++) {
                double[] flows = {1000, -300, -300, -300, -300};
                flows[at] = b;
                assertEquals(bits(plainRate(flows, 5, 0.01)), bits(Irr.rate(flows, 5, 0.01)), b + " at " + at);
            }
        }
        // finite flows whose sums overflow are not refused for it
        double[] huge = {Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        assertEquals(bits(plainRate(huge, 3, 0.01)), bits(Irr.rate(huge, 3, 0.01)));
    }

    @Test
    void flowsWithZerosAndTinyOrHugeFiguresSolveAsThePlainSolverDoes() {
        SplittableRandom random = new SplittableRandom(42);
        double[] odd = {0.0, -0.0, 0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, -1e-300, 1e300, -1e300};
        for (int i = 0; i < 50_000; i++) {
            int length = 2 + random.nextInt(i % 10 == 0 ? 400 : 40);
            double[] flows = new double[length];
            double scale = Math.pow(10, random.nextInt(-5, 12));
            flows[0] = scale * (random.nextInt(10) == 0 ? -random.nextDouble() : random.nextDouble());
            for (int k = 1; k < length; k++) {
                int pick = random.nextInt(10);
                flows[k] = pick < 5 ? 0.0 : pick < 8 ? -scale * random.nextDouble() / length
                        : random.nextInt(20) == 0 ? odd[random.nextInt(odd.length)] : scale * random.nextDouble() / length;
            }
            flows[length - 1] -= scale * random.nextDouble() * 1.5;
            double guess = random.nextInt(5) == 0 ? random.nextDouble(-0.9, 3) : random.nextDouble() / 50;
            assertEquals(bits(plainRate(flows, length, guess)), bits(Irr.rate(flows, length, guess)),
                    Arrays.toString(flows) + " from " + guess);
        }
    }

    private static void assertSame(Loan loan, String institution) {
        LoanFacts fast = CashFlowLoanAnalyzer.analyze(loan, null, institution, 0.35, null);
        LoanFacts plain = analyze(loan, null, institution, 0.35, null);
        String what = loan.toString();
        assertEquals(bits(plain.aprAllIn()), bits(fast.aprAllIn()), what);
        assertEquals(bits(plain.aprAllInEffective()), bits(fast.aprAllInEffective()), what);
        assertEquals(bits(plain.aprBankOnly()), bits(fast.aprBankOnly()), what);
        assertEquals(bits(plain.aprAllInWithoutDeposit()), bits(fast.aprAllInWithoutDeposit()), what);
        assertEquals(plain.aprProblem(), fast.aprProblem(), what);
        assertEquals(loan.fees().size(), fast.feeCount(), what);
        assertEquals(loan.bundled().size(), fast.bundledCount(), what);
        assertEquals(bits(loan.rate().nominal().doubleValue()), bits(fast.nominalRateValue()), what);
        assertEquals(bits(Double.NaN), bits(fast.lpr1yValue()), what);
    }

    @Test
    void theLprInForceAndItsDoubleAreTheTablesFixingDayByDay() {
        List<LprFixing> fixings = List.of(
                new LprFixing(LocalDate.of(2022, 8, 22), new BigDecimal("3.65"), new BigDecimal("4.30"), "t"),
                new LprFixing(LocalDate.of(2023, 6, 20), new BigDecimal("3.55"), new BigDecimal("4.20"), "t"),
                new LprFixing(LocalDate.of(2023, 8, 21), new BigDecimal("3.45"), new BigDecimal("4.20"), "t"));
        LprTable table = LprTable.of(fixings);
        AuditContext context = CaseAuditContext.builder(new CaseInfo(BANK, "银行", "rural-commercial", "CN",
                LocalDate.of(2023, 12, 31), null)).lpr(table).build();
        CashFlowLoanAnalyzer analyzer = new CashFlowLoanAnalyzer();
        // twice over: the second time from the analyzer's day cache; days before the table and far off too
        for (int round = 0; round < 2; round++) {
            for (LocalDate day = LocalDate.of(2022, 8, 1); day.isBefore(LocalDate.of(2024, 1, 10)); day = day.plusDays(1)) {
                for (LocalDate d : List.of(day, day.minusYears(40), day.plusYears(50))) {
                    Loan loan = loan("L1", "100000.00", "4.15", d, d.plusMonths(12), Repayment.BULLET, "0", List.of(),
                            List.of());
                    LoanFacts facts = analyzer.analyze(loan, context);
                    LprFixing expected = table.fixingOn(d);
                    assertEquals(expected, facts.lprOnContractDate(), d.toString());
                    assertEquals(bits(expected == null ? Double.NaN : expected.oneYear().doubleValue()),
                            bits(facts.lpr1yValue()), d.toString());
                    assertEquals(bits(4.15), bits(facts.nominalRateValue()));
                }
            }
        }
        // the static form converts the fixing it is given
        LoanFacts given = CashFlowLoanAnalyzer.analyze(loan("L2", "1000.00", "3.00", LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 7, 1), Repayment.BULLET, "0", List.of(), List.of()), fixings.get(2), BANK, 0.2, null);
        assertEquals(bits(3.45), bits(given.lpr1yValue()));
        // a loan the model cannot analyse still has its contract rate as a double
        Loan noTerm = loan("L3", "1000.00", "5.25", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 20),
                Repayment.BULLET, "0", List.of(), List.of());
        assertEquals(bits(5.25), bits(CashFlowLoanAnalyzer.analyze(noTerm, null, BANK, 0.2, null).nominalRateValue()));
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    /** Loans of every kind and timing, some odd: no rate, deposits, long terms, fees larger than the principal. */
    private static Loan randomLoan(SplittableRandom random, int i) {
        Repayment kind = Repayment.values()[random.nextInt(Repayment.values().length)];
        int months = random.nextInt(20) == 0 ? 1 + random.nextInt(400) : 1 + random.nextInt(60);
        LocalDate start = LocalDate.of(2019 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate end = random.nextInt(30) == 0 ? start.plusDays(random.nextInt(40)) : start.plusMonths(months);
        String principal = random.nextInt(50) == 0 ? "0" : (1_000 + random.nextInt(5_000_000)) + "." + random.nextInt(10) + "0";
        String rate = random.nextInt(20) == 0 ? "0" : (random.nextInt(2400) / 100.0) + "";
        String deposit = random.nextInt(6) == 0 ? (random.nextInt(500_000)) + ".00" : "0";
        List<LoanFee> fees = new ArrayList<>();
        for (int f = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0; f > 0; f--) {
            String payee = random.nextBoolean() ? BANK : "P0" + random.nextInt(3);
            String amount = random.nextInt(40) == 0 ? "9000000" : (random.nextInt(20_000)) + ".50";
            fees.add(new LoanFee(payee, "fee" + f, new BigDecimal(amount),
                    FeeTiming.values()[random.nextInt(FeeTiming.values().length)]));
        }
        List<BundledProduct> bundled = new ArrayList<>();
        if (random.nextInt(10) == 0) {
            bundled.add(new BundledProduct("insurance", "险", new BigDecimal(random.nextInt(9000) + ".00"),
                    random.nextBoolean()));
        }
        return loan("L" + i, principal, rate, start, end, kind, deposit, bundled, fees);
    }

    private static Loan loan(String id, String principal, String nominal, LocalDate contract, LocalDate maturity,
            Repayment repayment, String deposit, List<BundledProduct> bundled, List<LoanFee> fees) {
        return new Loan(id, new Borrower("B1", BorrowerType.MICRO, null), "p", null, new BigDecimal(principal), contract,
                maturity, new RateTerms(RateType.FIXED, null, null, new BigDecimal(nominal), null), repayment, false,
                new BigDecimal(deposit), bundled, fees, "loans.jsonl", 1);
    }

    // ---- the plain analysis: CashFlowLoanAnalyzer.analyze as it was before its shortcuts ----

    static LoanFacts analyze(Loan loan, LprFixing lpr, String institutionId, double demandRatePercent,
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
        double[] allIn = new double[length];
        double[] bank = new double[length];
        Arrays.fill(allIn, 0, length, 0.0);

        double nominal = loan.rate().nominal().doubleValue();
        plainAddLoan(allIn, loan.principal().doubleValue(), nominal, n, loan.repayment());
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
            withoutDeposit = plainRate(allIn, length, guess);
            if (Double.isNaN(withoutDeposit)) {
                withoutDepositProblem = Irr.whyNoSolution(allIn, length);
            }
            CashFlowModel.addDeposit(allIn, deposit, demandRatePercent, n);
            CashFlowModel.addDeposit(bank, deposit, demandRatePercent, n);
        }
        double all = plainRate(allIn, length, guess);
        String allProblem = Double.isNaN(all) ? Irr.whyNoSolution(allIn, length) : null;
        double bankOnly = all;
        String bankProblem = allProblem;
        if (othersCharge) {
            bankOnly = plainRate(bank, length, guess);
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

    /** CashFlowModel.addLoan as it was, with (1 + i)^n computed for every loan. */
    private static void plainAddLoan(double[] flows, double principal, double nominalPercent, int n, Repayment kind) {
        double yearly = nominalPercent / 100.0;
        double i = yearly / 12.0;
        flows[0] += principal;
        switch (kind) {
            case EQUAL_INSTALLMENT -> {
                double installment;
                if (i == 0.0) {
                    installment = principal / n;
                } else {
                    double growth = Math.pow(1.0 + i, n);
                    installment = Double.isInfinite(growth) ? principal * i : principal * i * growth / (growth - 1.0);
                }
                for (int m = 1; m <= n; m++) {
                    flows[m] -= installment;
                }
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
            case BULLET -> flows[n] -= principal * (1.0 + yearly * n / 12.0);
            default -> throw new IllegalArgumentException("unknown repayment kind " + kind);
        }
    }

    /**
     * Irr.rate as it was: every flow checked to be finite before anything else, and every step of
     * Newton's method adding every flow (a zero one too); the bracketing search is Irr's own.
     */
    private static double plainRate(double[] flows, int length, double guess) {
        if (length < 2 || length > flows.length) {
            return Double.NaN;
        }
        double start = Double.isFinite(guess) && guess > -0.5 ? guess : 0.0;
        boolean inflow = false;
        boolean outflow = false;
        for (int k = length - 1; k >= 0; k--) {
            double c = flows[k];
            if (!Double.isFinite(c)) {
                return Double.NaN;
            }
            inflow |= c > 0;
            outflow |= c < 0;
        }
        if (!(inflow && outflow) || flows[0] <= 0.0) {
            return Double.NaN;
        }
        double r = plainNewton(flows, length, start);
        double sum = 0.0;
        for (int k = 0; k < length; k++) {
            sum += flows[k];
        }
        // a negative root for a borrower who pays back more than received is not the cost of borrowing
        if (Double.isNaN(r) || r <= -1e-15 && sum < 0.0) {
            r = Irr.bracketed(flows, length);
        }
        return Math.abs(r) < 1e-15 ? 0.0 : r;
    }

    private static double plainNewton(double[] flows, int length, double start) {
        double r = start;
        for (int step = 0; step < 60; step++) {
            double v = 1.0 / (1.0 + r);
            double f = 0.0;
            double weighted = 0.0;
            for (int k = length - 1; k >= 0; k--) {
                double c = flows[k];
                f = f * v + c;
                weighted = weighted * v + k * c;
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
            if (Math.abs(delta) <= 1e-10 * (1.0 + Math.abs(r))) {
                return next;
            }
            r = next;
        }
        return Double.NaN;
    }
}
