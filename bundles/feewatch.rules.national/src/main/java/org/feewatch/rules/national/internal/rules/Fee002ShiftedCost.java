package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.Evidence;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.LoanTrait;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.rules.national.internal.NationalCatalogue;
import org.feewatch.rules.national.internal.NationalFeeDictionary;

/**
 * FEE-002: a cost the bank must bear (转嫁成本: the dictionary's bank-borne categories 抵押登记费,
 * 押品评估费, 押品保险费) charged to a small or micro borrower, by the bank or by a partner.
 */
public final class Fee002ShiftedCost implements Rule {

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("FEE-002");
    private final NationalFeeDictionary data;

    public Fee002ShiftedCost() {
        this(NationalFeeDictionary.DEFAULT);
    }

    Fee002ShiftedCost(NationalFeeDictionary data) {
        this.data = data;
    }

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        Set<String> bankBorne = context.feeDictionary().bankBorneCosts();
        String institution = context.caseInfo().institutionId();
        return new RuleEvaluation() {
            /** Only fees charged to a small or micro borrower: {@link #onLoan} returns at once on any other loan. */
            @Override
            public Set<LoanTrait> onlyLoansWith() {
                return EnumSet.of(LoanTrait.FEES, LoanTrait.SMALL_OR_MICRO);
            }

            @Override
            public void onLoan(LoanFacts facts, FindingSink findings) {
                Loan loan = facts.loan();
                if (!loan.smallOrMicro() || (facts.feeCount() == 0 && loan.contractDate() != null)
                        || !info.inForceOn(loan.contractDate()) || !mayFind(facts, loan)) {
                    return;
                }
                List<Evidence> evidence = new ArrayList<>();
                Set<String> charged = new LinkedHashSet<>();
                BigDecimal total = BigDecimal.ZERO;
                for (LoanFee fee : loan.fees()) {
                    String category = facts.categoryOf(fee.item());
                    if (category == null || !bankBorne.contains(category)
                            || !data.bankBorne(category).map(r -> r.inForceOn(loan.contractDate())).orElse(true)) {
                        continue;
                    }
                    evidence.add(PartnerFacts.evidence(facts, fee));
                    boolean byBank = institution.equals(fee.payee());
                    charged.add(fee.item() + (byBank ? " by the bank" : " by partner " + fee.payee()));
                    total = total.add(PartnerFacts.lifeTotal(fee, PartnerFacts.termMonths(loan)));
                }
                if (charged.isEmpty()) {
                    return;
                }
                Map<String, String> metrics = new Metrics();
                String totalText = Figures.plain(total);
                metrics.put("amount", totalText);
                findings.add(info, Subject.loan(loan.id()),
                        "Cost the bank must bear passed to a " + loan.borrower().type().wireName() + " borrower on loan "
                                + loan.id() + ": " + String.join("、", charged) + " (" + totalText + " yuan)",
                        evidence, metrics);
            }

            /** False when no fee is of a bank-borne category: nothing to build. */
            private boolean mayFind(LoanFacts facts, Loan loan) {
                List<LoanFee> fees = loan.fees();
                for (int i = 0, n = fees.size(); i < n; i++) {
                    String category = facts.categoryOf(fees.get(i).item());
                    if (category != null && bankBorne.contains(category)) {
                        return true;
                    }
                }
                return false;
            }
        };
    }
}
