package org.feewatch.engine.cashflow;

import java.util.List;

import org.feewatch.api.Evidence;
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
    /** The 1-year LPR and the contract rate as doubles (NaN: none), which several rules compare with. */
    private final double lpr1yValue;
    private final double nominalRateValue;

    /** The figures of a loan, its LPR and contract rate converted here. */
    AnalyzedLoan(Loan loan, LprFixing lpr, double aprAllIn, double aprAllInEffective, double aprBankOnly,
            double aprAllInWithoutDeposit, String aprProblem, FeeDictionary dictionary) {
        this(loan, lpr, lpr == null || lpr.oneYear() == null ? Double.NaN : lpr.oneYear().doubleValue(),
                loan.rate() == null || loan.rate().nominal() == null ? Double.NaN : loan.rate().nominal().doubleValue(),
                aprAllIn, aprAllInEffective, aprBankOnly, aprAllInWithoutDeposit, aprProblem, dictionary,
                loan.fees().size(), loan.bundled().size());
    }

    /**
     * The figures of a loan with what the analyzer had at hand already: the 1-year LPR and the
     * contract rate as doubles, and the sizes of the loan's fee and product lists.
     */
    AnalyzedLoan(Loan loan, LprFixing lpr, double lpr1yValue, double nominalRateValue, double aprAllIn,
            double aprAllInEffective, double aprBankOnly, double aprAllInWithoutDeposit, String aprProblem,
            FeeDictionary dictionary, int feeCount, int bundledCount) {
        this.loan = loan;
        this.lpr = lpr;
        this.lpr1yValue = lpr1yValue;
        this.nominalRateValue = nominalRateValue;
        this.aprAllIn = aprAllIn;
        this.aprAllInEffective = aprAllInEffective;
        this.aprBankOnly = aprBankOnly;
        this.aprAllInWithoutDeposit = aprAllInWithoutDeposit;
        this.aprProblem = aprProblem;
        this.dictionary = dictionary;
        this.feeCount = feeCount;
        this.bundledCount = bundledCount;
        List<LoanFee> fees = feeCount > 0 ? loan.fees() : null;
        this.item0 = feeCount > 0 ? fees.get(0).item() : null;
        this.category0 = item0 != null ? lookUp(item0) : null;
        this.item1 = feeCount > 1 ? fees.get(1).item() : null;
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

    /** The interface's default, without its second call through the interface. */
    @Override
    public java.math.BigDecimal lpr1y() {
        return lpr == null ? null : lpr.oneYear();
    }

    @Override
    public double lpr1yValue() {
        return lpr1yValue;
    }

    @Override
    public double nominalRateValue() {
        return nominalRateValue;
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

    /**
     * As {@link LoanFacts#evidence}: {@code "line " + loan().line()} written without the division per
     * two digits that Long.toString makes under C1 (a loan finding points at its line once or twice).
     */
    private static final String LINE = "line ";

    @Override
    public Evidence evidence(String text) {
        long line = loan.line();
        String locator;
        if (line >= 0 && line < 0x1_0000_0000L) {
            char[] chars = new char[15];
            int at = chars.length;
            do {
                long tenth = (line * 0xCCCC_CCCDL) >>> 35; // line / 10, exact below 2^32
                chars[--at] = (char) ('0' + (line - 10 * tenth));
                line = tenth;
            } while (line != 0);
            at -= LINE.length();
            LINE.getChars(0, LINE.length(), chars, at);
            locator = new String(chars, at, chars.length - at);
        } else {
            locator = LINE + line;
        }
        return new Evidence(loan.file(), locator, text, null);
    }

    @Override
    public String toString() {
        return "LoanFacts[" + loan.id() + ", apr " + aprAllIn + ", bank-only " + aprBankOnly + "]";
    }
}
