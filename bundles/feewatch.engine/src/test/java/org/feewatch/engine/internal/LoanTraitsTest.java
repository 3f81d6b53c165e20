package org.feewatch.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.BundledProduct;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.feewatch.api.spi.LoanTrait;
import org.feewatch.engine.cashflow.CashFlowLoanAnalyzer;
import org.junit.jupiter.api.Test;

class LoanTraitsTest {

    private static final String BANK = "BANK-A";

    private static Loan loan(BorrowerType borrower, RateType rate, boolean onLending, String deposit,
            List<BundledProduct> bundled, List<LoanFee> fees, LocalDate contract) {
        return new Loan("L1", new Borrower("B1", borrower, null), "p", null, new BigDecimal("100000.00"), contract,
                LocalDate.of(2024, 3, 15), new RateTerms(rate, "1Y", 50, new BigDecimal("4.15"), null),
                Repayment.EQUAL_INSTALLMENT, onLending, new BigDecimal(deposit), bundled, fees, "loans.jsonl", 1);
    }

    private static Loan plain(BorrowerType borrower, RateType rate) {
        return loan(borrower, rate, false, "0", List.of(), List.of(), LocalDate.of(2023, 3, 15));
    }

    private static Loan withFees(LoanFee... fees) {
        return loan(BorrowerType.MEDIUM, RateType.FIXED, false, "0", List.of(), List.of(fees), LocalDate.of(2023, 3, 15));
    }

    private static LoanFee fee(String payee) {
        return new LoanFee(payee, "担保费", new BigDecimal("100.00"), FeeTiming.UPFRONT);
    }

    private static Set<LoanTrait> traits(Loan loan, String institution) {
        int mask = LoanTraits.of(CashFlowLoanAnalyzer.analyze(loan, null, institution, 0.20, null), institution);
        Set<LoanTrait> out = EnumSet.noneOf(LoanTrait.class);
        for (LoanTrait t : LoanTrait.values()) {
            if ((mask & (1 << t.ordinal())) != 0) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void aPlainLoanHasOnlyItsBorrowerAndRateTraits() {
        assertEquals(EnumSet.of(LoanTrait.SMALL_OR_MICRO, LoanTrait.LPR_RATE),
                traits(plain(BorrowerType.MICRO, RateType.LPR), BANK));
        assertEquals(EnumSet.of(LoanTrait.BENCHMARK_RATE), traits(plain(BorrowerType.MEDIUM, RateType.BENCHMARK), BANK));
        assertEquals(EnumSet.noneOf(LoanTrait.class), traits(plain(BorrowerType.LARGE, RateType.FIXED), BANK));
    }

    @Test
    void feesAreTheBanksOrAPartnersByTheirPayee() {
        assertEquals(EnumSet.of(LoanTrait.FEES, LoanTrait.BANK_FEES), traits(withFees(fee(BANK)), BANK));
        assertEquals(EnumSet.of(LoanTrait.FEES, LoanTrait.PARTNER_FEES), traits(withFees(fee("P01")), BANK));
        assertEquals(EnumSet.of(LoanTrait.FEES, LoanTrait.BANK_FEES, LoanTrait.PARTNER_FEES),
                traits(withFees(fee("P01"), fee(BANK)), BANK));
        // a fee without a payee, or a blank one, is nobody's
        assertEquals(EnumSet.of(LoanTrait.FEES), traits(withFees(fee(null), fee(" ")), BANK));
        // without an institution id every fee may be either: the rules judge them
        assertEquals(EnumSet.of(LoanTrait.FEES, LoanTrait.BANK_FEES, LoanTrait.PARTNER_FEES),
                traits(withFees(fee(null)), null));
    }

    @Test
    void onlyARequiredProductAPositiveDepositAndOnLendingCount() {
        LocalDate day = LocalDate.of(2023, 3, 15);
        BundledProduct voluntary = new BundledProduct("insurance", "意外险", new BigDecimal("300"), false);
        BundledProduct required = new BundledProduct("insurance", "意外险", new BigDecimal("300"), true);
        assertEquals(EnumSet.noneOf(LoanTrait.class),
                traits(loan(BorrowerType.LARGE, RateType.FIXED, false, "0", List.of(voluntary), List.of(), day), BANK));
        assertEquals(EnumSet.of(LoanTrait.MANDATORY_PRODUCTS), traits(loan(BorrowerType.LARGE, RateType.FIXED, false,
                "0", List.of(voluntary, required), List.of(), day), BANK));
        assertEquals(EnumSet.of(LoanTrait.COMPENSATING_DEPOSIT),
                traits(loan(BorrowerType.LARGE, RateType.FIXED, false, "5000", List.of(), List.of(), day), BANK));
        assertEquals(EnumSet.noneOf(LoanTrait.class),
                traits(loan(BorrowerType.LARGE, RateType.FIXED, false, "-5", List.of(), List.of(), day), BANK));
        assertEquals(EnumSet.of(LoanTrait.ON_LENDING, LoanTrait.SMALL_OR_MICRO),
                traits(loan(BorrowerType.SMALL, RateType.FIXED, true, "0", List.of(), List.of(), day), BANK));
    }

    @Test
    void aLoanWithoutAContractDateHasEveryTrait() {
        Loan undated = loan(BorrowerType.LARGE, RateType.FIXED, false, "0", List.of(), List.of(), null);
        assertEquals(EnumSet.allOf(LoanTrait.class), traits(undated, BANK));
    }

    @Test
    void eachMaskGetsTheRulesWhoseTraitsItHasAllOfInTheirOrder() {
        int fees = LoanTraits.mask(Set.of(LoanTrait.FEES));
        int smallFees = LoanTraits.mask(Set.of(LoanTrait.FEES, LoanTrait.SMALL_OR_MICRO));
        int small = LoanTraits.mask(Set.of(LoanTrait.SMALL_OR_MICRO));
        int[][] byMask = LoanTraits.rulesByMask(new int[] {0, smallFees, fees, 0});
        assertArrayEquals(new int[] {0, 3}, byMask[0]);
        assertArrayEquals(new int[] {0, 3}, byMask[small]);
        assertArrayEquals(new int[] {0, 2, 3}, byMask[fees]);
        assertArrayEquals(new int[] {0, 1, 2, 3}, byMask[smallFees]);
        assertArrayEquals(new int[] {0, 1, 2, 3}, byMask[LoanTraits.ALL]);
    }
}
