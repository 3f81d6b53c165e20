package org.feewatch.engine.cashflow;

import org.feewatch.api.Loan;
import org.feewatch.api.LprFixing;
import org.feewatch.api.spi.FeeDictionary;
import org.feewatch.api.spi.LoanFacts;

/** A loan with its figures, computed once by {@link CashFlowLoanAnalyzer}. Immutable. */
final class AnalyzedLoan implements LoanFacts {

    private final Loan loan;
    private final LprFixing lpr;
    private final double aprAllIn;
    private final double aprAllInEffective;
    private final double aprBankOnly;
    private final double aprAllInWithoutDeposit;
    private final String aprProblem;
    private final FeeDictionary dictionary;

    AnalyzedLoan(Loan loan, LprFixing lpr, double aprAllIn, double aprAllInEffective, double aprBankOnly,
            double aprAllInWithoutDeposit, String aprProblem, FeeDictionary dictionary) {
        this.loan = loan;
        this.lpr = lpr;
        this.aprAllIn = aprAllIn;
        this.aprAllInEffective = aprAllInEffective;
        this.aprBankOnly = aprBankOnly;
        this.aprAllInWithoutDeposit = aprAllInWithoutDeposit;
        this.aprProblem = aprProblem;
        this.dictionary = dictionary;
    }

    @Override
    public Loan loan() {
        return loan;
    }

    @Override
    public LprFixing lprOnContractDate() {
        return lpr;
    }

    @Override
    public double aprAllIn() {
        return aprAllIn;
    }

    @Override
    public double aprAllInEffective() {
        return aprAllInEffective;
    }

    @Override
    public double aprBankOnly() {
        return aprBankOnly;
    }

    @Override
    public double aprAllInWithoutDeposit() {
        return aprAllInWithoutDeposit;
    }

    @Override
    public String aprProblem() {
        return aprProblem;
    }

    @Override
    public String categoryOf(String feeItem) {
        return dictionary == null ? null : dictionary.categoryOf(feeItem);
    }

    @Override
    public String toString() {
        return "LoanFacts[" + loan.id() + ", apr " + aprAllIn + ", bank-only " + aprBankOnly + "]";
    }
}
