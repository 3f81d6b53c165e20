package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Evidence;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.rules.national.internal.NationalCatalogue;

/**
 * DISC-001: a fee the bank charged on a loan whose item (by canonical category) is not in the
 * bank's published price catalogues (a fee published in any of them is published; each is cited, and
 * a declared catalogue that could not be read is named as unknown). Bundled products are not fees.
 * When no catalogue could be read at all, one info finding says so instead of flagging every fee.
 */
public final class Disc001UndisclosedFee implements Rule {

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("DISC-001");

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        return new BankFeesEvaluation(info, context) {
            @Override
            boolean mayFind(LoanFacts facts, Loan loan, List<LoanFee> fees, String institution) {
                for (int i = 0, n = fees.size(); i < n; i++) {
                    LoanFee fee = fees.get(i);
                    if (institution.equals(fee.payee())
                            && catalogue.publishedFor(fee.item(), facts.categoryOf(fee.item())).length == 0) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            void onBankFees(LoanFacts facts, Loan loan, List<LoanFee> bankFees, FindingSink findings) {
                List<Evidence> evidence = new ArrayList<>();
                List<String> items = new ArrayList<>();
                BigDecimal total = BigDecimal.ZERO;
                for (LoanFee fee : bankFees) {
                    String category = facts.categoryOf(fee.item());
                    if (catalogue.publishedFor(fee.item(), category).length != 0) {
                        continue;
                    }
                    evidence.add(PartnerFacts.evidence(facts, fee));
                    items.add(fee.item());
                    total = total.add(PartnerFacts.lifeTotal(fee, PartnerFacts.termMonths(loan)));
                }
                if (items.isEmpty()) {
                    return;
                }
                // every catalogue the bank publishes is cited: the fee is in none of them
                String itemsText = String.join("、", items);
                evidence.addAll(catalogue.absenceEvidence(itemsText));
                Map<String, String> metrics = new Metrics();
                String totalText = Figures.plain(total);
                metrics.put("amount", totalText);
                metrics.put("publishedItems", Integer.toString(catalogue.entries().size()));
                findings.add(info, Subject.loan(loan.id()),
                        "Fee not in the published price catalogue charged on loan " + loan.id() + ": "
                                + itemsText + " (" + totalText + " yuan)",
                        evidence, metrics);
            }
        };
    }
}
