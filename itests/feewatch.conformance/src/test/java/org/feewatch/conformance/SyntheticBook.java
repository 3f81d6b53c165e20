package org.feewatch.conformance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.BundledProduct;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.feewatch.engine.LoanBookSource;

/**
 * A loan book made up on the fly, never held in memory: mostly clean LPR loans, with partner fees,
 * bank fees, tied products and deposits sprinkled in, so that every loan rule has work to do.
 */
final class SyntheticBook {

    static final String BANK = "BANK-S";
    private static final org.feewatch.api.spi.ReferenceRates LPR = Wiring.lpr();
    private static final Repayment[] REPAYMENTS = Repayment.values();
    private static final BorrowerType[] TYPES = {BorrowerType.MICRO, BorrowerType.SMALL,
        BorrowerType.INDIVIDUAL_BUSINESS, BorrowerType.MICRO_OWNER, BorrowerType.MEDIUM};

    private SyntheticBook() {
    }

    static LoanBookSource of(long loans, int batchSize, long seed) {
        return listener -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<Loan> batch = new ArrayList<>(batchSize);
            long sequence = 0;
            for (long i = 1; i <= loans; i++) {
                batch.add(loan(i, random));
                if (batch.size() == batchSize) {
                    listener.onLoans(sequence++, batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty()) {
                listener.onLoans(sequence, batch);
            }
        };
    }

    static Loan loan(long n, SplittableRandom r) {
        LocalDate contract = LocalDate.of(2022, 1, 3).plusDays(r.nextInt(700));
        int months = 6 + r.nextInt(31);
        LocalDate maturity = contract.plusMonths(months);
        BigDecimal principal = BigDecimal.valueOf(50_000L + r.nextInt(950) * 1_000L);
        int spread = 20 + r.nextInt(150);
        // priced as contracted: the 1-year LPR in force plus the spread, so RATE-002 stays quiet
        BigDecimal lpr = LPR.inForceOn(contract).map(f -> f.oneYear()).orElse(new BigDecimal("3.65"));
        BigDecimal nominal = lpr.add(BigDecimal.valueOf(spread, 2));
        List<LoanFee> fees = new ArrayList<>();
        List<BundledProduct> bundled = List.of();
        BigDecimal deposit = BigDecimal.ZERO;
        int kind = r.nextInt(100);
        if (kind < 8) {
            fees.add(new LoanFee("P01", "担保费", principal.movePointLeft(2), FeeTiming.UPFRONT));
        } else if (kind < 10) {
            fees.add(new LoanFee(BANK, "贷款承诺费", BigDecimal.valueOf(1500), FeeTiming.UPFRONT));
        } else if (kind < 11) {
            bundled = List.of(new BundledProduct("insurance", "借款人意外险", BigDecimal.valueOf(1200), true));
        } else if (kind < 12) {
            deposit = principal.movePointLeft(1);
        } else if (kind < 13) {
            fees.add(new LoanFee("P02", "服务费", principal.movePointLeft(1), FeeTiming.UPFRONT));
        }
        RateTerms rate = new RateTerms(RateType.LPR, "1Y", spread, nominal, null);
        return new Loan(String.format("S%09d", n), new Borrower("B" + n, TYPES[r.nextInt(TYPES.length)], null),
                "普惠贷", kind < 13 && kind >= 12 ? "P02" : null, principal, contract, maturity, rate,
                REPAYMENTS[r.nextInt(REPAYMENTS.length)], false, deposit, bundled, fees, "loans.jsonl", n);
    }
}
