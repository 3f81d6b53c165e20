package org.feewatch.engine.cashflow;

import java.util.List;

import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
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
    /**
     * The first two fees' items and their categories, looked up once: every fee rule asks for them,
     * and a dictionary lookup costs a hash and a string comparison each time.
     */
    private final String item0;
    private final String category0;
    private final String item1;
    private final String category1;
    /** The loan's list sizes, asked by every fee rule: one interface call each here, not one per rule. */
    private final int feeCount;
    private final int bundledCount;

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
        List<LoanFee> fees = loan.fees();
        int count = fees.size();
        this.feeCount = count;
        this.bundledCount = loan.bundled().size();
        this.item0 = count > 0 ? fees.get(0).item() : null;
        this.category0 = item0 != null ? lookUp(item0) : null;
        this.item1 = count > 1 ? fees.get(1).item() : null;
        this.category1 = item1 != null ? lookUp(item1) : null;
    }

    private String lookUp(String feeItem) {
        return dictionary == null ? null : dictionary.categoryOf(feeItem);
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
    public int feeCount() {
        return feeCount;
    }

    @Override
    public int bundledCount() {
        return bundledCount;
    }

    @Override
    public String categoryOf(String feeItem) {
        if (feeItem == item0 && item0 != null) {
            return category0;
        }
        if (feeItem == item1 && item1 != null) {
            return category1;
        }
        return lookUp(feeItem);
    }

    @Override
    public String toString() {
        return "LoanFacts[" + loan.id() + ", apr " + aprAllIn + ", bank-only " + aprBankOnly + "]";
    }
}
