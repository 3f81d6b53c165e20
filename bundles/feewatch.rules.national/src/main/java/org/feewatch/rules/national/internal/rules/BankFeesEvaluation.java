package org.feewatch.rules.national.internal.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.LoanTrait;
import org.feewatch.api.spi.RuleEvaluation;

/**
 * The evaluation of a rule that judges the fees a loan pays the bank against the bank's published
 * price catalogue (DISC-001, FEE-003): it passes on the loans in force with at least one bank fee, and
 * when the catalogue could not be read it counts what it could not judge and says so once, at the end.
 */
abstract class BankFeesEvaluation implements RuleEvaluation {

    private final RuleInfo info;
    final BankCatalogue catalogue;
    private final AtomicInteger feesNotJudged = new AtomicInteger();
    private final AtomicInteger loansNotJudged = new AtomicInteger();

    BankFeesEvaluation(RuleInfo info, AuditContext context) {
        this.info = info;
        this.catalogue = new BankCatalogue(context);
    }

    /** Judges the fees {@code loan} pays the bank (never empty) against a readable {@link #catalogue}. */
    abstract void onBankFees(LoanFacts facts, Loan loan, List<LoanFee> bankFees, FindingSink findings);

    /**
     * False only when {@link #onBankFees} would certainly find nothing on this loan, decided without
     * building anything: most loans break no rule, and they should cost next to nothing.
     *
     * @param fees every fee of the loan; those paid to {@code institution} are the bank's
     */
    abstract boolean mayFind(LoanFacts facts, Loan loan, List<LoanFee> fees, String institution);

    /** Only loans with a fee paid to the bank: {@link #onLoan} returns at once on any other loan. */
    @Override
    public final Set<LoanTrait> onlyLoansWith() {
        return EnumSet.of(LoanTrait.BANK_FEES);
    }

    @Override
    public final void onLoan(LoanFacts facts, FindingSink findings) {
        Loan loan = facts.loan();
        if (facts.feeCount() == 0 && loan.contractDate() != null) {
            return; // most loans: nothing to judge (the date test first would only add its own failure)
        }
        List<LoanFee> fees = loan.fees();
        if (!info.inForceOn(loan.contractDate())) {
            return;
        }
        String institution = catalogue.institutionId();
        int bank = 0;
        for (int i = 0, n = fees.size(); i < n; i++) {
            if (institution.equals(fees.get(i).payee())) {
                bank++;
            }
        }
        if (bank == 0) {
            return;
        }
        if (!catalogue.readable()) {
            feesNotJudged.addAndGet(bank);
            loansNotJudged.incrementAndGet();
            return;
        }
        if (!mayFind(facts, loan, fees, institution)) {
            return;
        }
        List<LoanFee> bankFees = new ArrayList<>(bank);
        for (int i = 0, n = fees.size(); i < n; i++) {
            if (institution.equals(fees.get(i).payee())) {
                bankFees.add(fees.get(i));
            }
        }
        onBankFees(facts, loan, bankFees, findings);
    }

    @Override
    public final void finish(FindingSink findings) {
        if (feesNotJudged.get() > 0) {
            catalogue.reportUnreadable(findings, info, feesNotJudged.get(), loansNotJudged.get());
        }
    }
}
