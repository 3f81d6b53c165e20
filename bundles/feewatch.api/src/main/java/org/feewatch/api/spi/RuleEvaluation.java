package org.feewatch.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A rule's work within one audit. {@link #onLoan} is called once per accepted loan, from several
 * threads at once: keep per-loan work local and any aggregate thread-safe. {@link #finish} is called
 * once, after the last loan, for case-level findings (disclosures, partners, portfolio).
 */
@ConsumerType
public interface RuleEvaluation {

    /** Judges one loan. */
    default void onLoan(LoanFacts loan, FindingSink findings) {
    }

    /**
     * The traits a loan must all have for {@link #onLoan} to find anything on it or change any state:
     * the engine may skip {@code onLoan} for a loan that lacks one (asked once per audit). Calling it
     * for such a loan anyway must do nothing. Default: none, every loan is judged.
     */
    default java.util.Set<LoanTrait> onlyLoansWith() {
        return java.util.Set.of();
    }

    /** Judges the case as a whole, after every loan was seen. */
    default void finish(FindingSink findings) {
    }
}
