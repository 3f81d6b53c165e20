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

    /** Judges the case as a whole, after every loan was seen. */
    default void finish(FindingSink findings) {
    }
}
