package org.feewatch.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.feewatch.api.AprPoint;
import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.Loan;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.junit.jupiter.api.Test;

class AprSamplerTest {

    private static final BigDecimal LPR = new BigDecimal("3.45");

    @Test
    void theSampleIsTheLoansWhoseIdsHashLowestWhateverTheOrder() {
        List<Loan> loans = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            loans.add(loan(String.format("G%08d", i), LocalDate.of(2020, 1, 1).plusDays(i % 1500)));
        }
        // ids whose String hashes collide, so that ties of the hash are broken by id
        for (String id : List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa")) {
            loans.add(loan(id, LocalDate.of(2021, 5, 5)));
        }
        for (int size : new int[] {0, 1, 2, 3, 50, 2_000, 30_000}) {
            List<AprPoint> expected = treeSample(loans, size);
            Random random = new Random(size);
            for (int round = 0; round < 3; round++) {
                List<Loan> order = new ArrayList<>(loans);
                Collections.shuffle(order, random);
                AprSampler sampler = new AprSampler(size);
                for (Loan loan : order) {
                    sampler.offer(loan, LPR, apr(loan));
                }
                assertEquals(expected, sampler.sample(), "size " + size);
            }
        }
    }

    @Test
    void aLoanOfferedAgainKeepsOnePointAndLoansWithoutAprAreLeftOut() {
        AprSampler sampler = new AprSampler(10);
        Loan a = loan("A1", LocalDate.of(2022, 1, 1));
        sampler.offer(a, LPR, 5.0);
        sampler.offer(a, LPR, 6.0);
        sampler.offer(loan("A2", LocalDate.of(2022, 1, 2)), LPR, Double.NaN);
        assertEquals(List.of(new AprPoint("A1", a.contractDate(), LPR, 6.0, true)), sampler.sample());
    }

    private static double apr(Loan loan) {
        return 3.0 + (loan.id().hashCode() & 1023) / 100.0;
    }

    /** The sample as a sorted map of (hash, id) kept it: the lowest {@code size} keys. */
    private static List<AprPoint> treeSample(List<Loan> loans, int size) {
        record Key(long hash, String id) {
        }
        TreeMap<Key, AprPoint> kept = new TreeMap<>(Comparator.comparingLong(Key::hash).thenComparing(Key::id));
        for (Loan loan : loans) {
            kept.put(new Key(mix(loan.id().hashCode()), loan.id()),
                    new AprPoint(loan.id(), loan.contractDate(), LPR, apr(loan), loan.smallOrMicro()));
            if (kept.size() > size) {
                kept.pollLastEntry();
            }
        }
        List<AprPoint> out = new ArrayList<>(kept.values());
        out.sort(Comparator.comparing(AprPoint::contractDate).thenComparing(AprPoint::loanId));
        return out;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static Loan loan(String id, LocalDate contract) {
        return new Loan(id, new Borrower("B", BorrowerType.MICRO, null), "p", null, new BigDecimal("100000"), contract,
                contract.plusYears(1), new RateTerms(RateType.FIXED, null, null, new BigDecimal("4.00"), null),
                Repayment.BULLET, false, null, null, null, "loans.jsonl", 1);
    }
}
