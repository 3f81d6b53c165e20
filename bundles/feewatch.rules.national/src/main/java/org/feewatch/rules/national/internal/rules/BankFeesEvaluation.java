package org.feewatch.rules.national.internal.rules;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
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

    @Override
    public final void onLoan(LoanFacts facts, FindingSink findings) {
        Loan loan = facts.loan();
        if (!info.inForceOn(loan.contractDate())) {
            return;
        }
        List<LoanFee> bankFees = loan.fees().stream().filter(f -> catalogue.institutionId().equals(f.payee()))
                .toList();
        if (bankFees.isEmpty()) {
            return;
        }
        if (!catalogue.readable()) {
            feesNotJudged.addAndGet(bankFees.size());
            loansNotJudged.incrementAndGet();
            return;
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
