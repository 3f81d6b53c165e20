package org.feewatch.api.spi;

/**
 * What a loan has that most loans lack, for {@link RuleEvaluation#onlyLoansWith()}: a rule that can
 * find nothing on a loan without a fee, say, lets the engine skip it on the many loans that have
 * none. A loan without a contract date is given every trait (the rules judge such odd loans
 * themselves).
 */
public enum LoanTrait {
    /** At least one fee. */
    FEES,
    /** At least one fee whose payee is the audited institution (its id in the case). */
    BANK_FEES,
    /** At least one fee whose payee is not blank and not the audited institution: a partner or a third party. */
    PARTNER_FEES,
    /** At least one bundled product the loan required ({@code mandatory}). */
    MANDATORY_PRODUCTS,
    /** A compensating deposit above zero. */
    COMPENSATING_DEPOSIT,
    /** A small or micro borrower ({@link org.feewatch.api.Loan#smallOrMicro()}). */
    SMALL_OR_MICRO,
    /** An on-lending loan. */
    ON_LENDING,
    /** Rate terms of type {@link org.feewatch.api.RateType#LPR}. */
    LPR_RATE,
    /** Rate terms of type {@link org.feewatch.api.RateType#BENCHMARK}. */
    BENCHMARK_RATE
}
