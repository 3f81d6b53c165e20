package org.feewatch.engine.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.feewatch.api.BundledProduct;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.LoanTrait;

/**
 * The {@link LoanTrait}s of a loan as a bit mask (bit = the trait's ordinal), and which rules to call
 * for each mask: most loans have no fee, no product and no deposit, and most rules can find nothing
 * on them, so calling each rule's {@code onLoan} only to see it return cost more than the few rules
 * that judge such a loan.
 */
public final class LoanTraits {

    /** Every trait: what a loan without a contract date, or a rule whose traits cannot be read, gets. */
    public static final int ALL = (1 << LoanTrait.values().length) - 1;

    private static final int FEES = bit(LoanTrait.FEES);
    private static final int BANK_FEES = bit(LoanTrait.BANK_FEES);
    private static final int PARTNER_FEES = bit(LoanTrait.PARTNER_FEES);
    private static final int MANDATORY_PRODUCTS = bit(LoanTrait.MANDATORY_PRODUCTS);
    private static final int COMPENSATING_DEPOSIT = bit(LoanTrait.COMPENSATING_DEPOSIT);
    private static final int SMALL_OR_MICRO = bit(LoanTrait.SMALL_OR_MICRO);
    private static final int ON_LENDING = bit(LoanTrait.ON_LENDING);
    private static final int LPR_RATE = bit(LoanTrait.LPR_RATE);
    private static final int BENCHMARK_RATE = bit(LoanTrait.BENCHMARK_RATE);

    private LoanTraits() {
    }

    private static int bit(LoanTrait t) {
        return 1 << t.ordinal();
    }

    /** The mask of a set of traits. */
    public static int mask(Set<LoanTrait> traits) {
        int m = 0;
        for (LoanTrait t : traits) {
            m |= bit(t);
        }
        return m;
    }

    /**
     * The loan's traits. {@code institutionId}: the audited institution (null: every fee counts as
     * both the bank's and a partner's, so that rules judge the fees themselves).
     */
    public static int of(LoanFacts facts, String institutionId) {
        Loan loan = facts.loan();
        if (loan.contractDate() == null) {
            return ALL;
        }
        int m = 0;
        if (facts.feeCount() > 0) {
            m |= FEES | feeTraits(loan.fees(), institutionId);
        }
        if (facts.bundledCount() > 0) {
            List<BundledProduct> bundled = loan.bundled();
            for (int i = 0, n = bundled.size(); i < n; i++) {
                if (bundled.get(i).mandatory()) {
                    m |= MANDATORY_PRODUCTS;
                    break;
                }
            }
        }
        BigDecimal deposit = loan.compensatingDeposit();
        if (deposit != null && deposit.signum() > 0) {
            m |= COMPENSATING_DEPOSIT;
        }
        if (loan.smallOrMicro()) {
            m |= SMALL_OR_MICRO;
        }
        if (loan.onLending()) {
            m |= ON_LENDING;
        }
        RateTerms rate = loan.rate();
        if (rate != null) {
            if (rate.type() == RateType.LPR) {
                m |= LPR_RATE;
            } else if (rate.type() == RateType.BENCHMARK) {
                m |= BENCHMARK_RATE;
            }
        }
        return m;
    }

    private static int feeTraits(List<LoanFee> fees, String institutionId) {
        if (institutionId == null) {
            return BANK_FEES | PARTNER_FEES;
        }
        int m = 0;
        for (int i = 0, n = fees.size(); i < n; i++) {
            String payee = fees.get(i).payee();
            if (payee == null) {
                continue;
            }
            if (payee.equals(institutionId)) {
                m |= BANK_FEES;
            } else if (!payee.isBlank()) {
                m |= PARTNER_FEES;
            }
        }
        return m;
    }

    /**
     * For each mask of loan traits, the indexes of the rules to call (in their order): those whose
     * required traits (by index, {@code required}) the mask has all of.
     */
    public static int[][] rulesByMask(int[] required) {
        int[][] out = new int[ALL + 1][];
        int[] chosen = new int[required.length];
        for (int mask = 0; mask <= ALL; mask++) {
            int count = 0;
            for (int r = 0; r < required.length; r++) {
                if ((required[r] & ~mask) == 0) {
                    chosen[count++] = r;
                }
            }
            out[mask] = java.util.Arrays.copyOf(chosen, count);
        }
        return out;
    }
}
