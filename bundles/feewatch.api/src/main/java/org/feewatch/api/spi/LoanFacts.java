package org.feewatch.api.spi;

import java.math.BigDecimal;

import org.feewatch.api.Evidence;
import org.feewatch.api.Loan;
import org.feewatch.api.LprFixing;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A loan with what the engine computed for it once, so that rules never solve the same flows
 * twice. APRs are nominal percent per year (12 × monthly IRR × 100) unless named effective;
 * they are NaN when the loan's flows have no solution (the engine reports that loan).
 */
@ProviderType
public interface LoanFacts {

    Loan loan();

    /** The fixing in force on the contract date, or null when the date is before the first or after the last known fixing. */
    LprFixing lprOnContractDate();

    /** The 1-year LPR on the contract date, or null (see {@link #lprOnContractDate()}). */
    default BigDecimal lpr1y() {
        LprFixing f = lprOnContractDate();
        return f == null ? null : f.oneYear();
    }

    /**
     * {@link #lpr1y()} as a double (its {@code doubleValue()}), NaN when it is null: converted once per
     * fixing by the engine rather than by every rule that compares an APR with it.
     */
    default double lpr1yValue() {
        BigDecimal lpr = lpr1y();
        return lpr == null ? Double.NaN : lpr.doubleValue();
    }

    /**
     * The contract's nominal rate ({@code loan().rate().nominal()}) as a double, NaN when the loan
     * states none: the engine converts it once for the cash flows.
     */
    default double nominalRateValue() {
        org.feewatch.api.RateTerms rate = loan().rate();
        return rate == null || rate.nominal() == null ? Double.NaN : rate.nominal().doubleValue();
    }

    /** The all-in APR: every flow the loan requires, to any payee. */
    double aprAllIn();

    /** The effective annual form of the all-in APR: (1 + r)^12 − 1, percent. */
    double aprAllInEffective();

    /** The APR from principal, interest, the institution's own fees and the compensating deposit. */
    double aprBankOnly();

    /** The all-in APR without the compensating deposit (FEE-005 shows both). */
    double aprAllInWithoutDeposit();

    /**
     * Why the APRs are NaN, in one line for a user (e.g. "the borrower receives nothing: fees …"),
     * or null when every APR was solved. The engine reports such a loan by id; rules that need the
     * APR give an info finding instead of passing silently.
     */
    default String aprProblem() {
        return null;
    }

    /**
     * How many fees the loan has: {@code loan().fees().size()}, which an implementation may keep
     * at hand (most loans have none, and every fee rule asks first).
     */
    default int feeCount() {
        return loan().fees().size();
    }

    /** How many bundled products the loan lists: {@code loan().bundled().size()} (see {@link #feeCount()}). */
    default int bundledCount() {
        return loan().bundled().size();
    }

    /** The canonical fee category of a fee item name, or null (see {@link FeeDictionary}). */
    String categoryOf(String feeItem);

    /** Evidence pointing at the loan's line in the book, with the given text. */
    default Evidence evidence(String text) {
        return new Evidence(loan().file(), "line " + loan().line(), text, null);
    }
}
