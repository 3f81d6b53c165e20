package org.feewatch.rules.national.internal.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.Disclosure;
import org.feewatch.api.Evidence;
import org.feewatch.api.FeeItem;
import org.feewatch.api.LoanFee;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.LoanTrait;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.price.PriceParser;
import org.feewatch.rules.national.internal.NationalCatalogue;

/**
 * PART-001: a partner charges a FEE-001 kind (prohibited for small and micro borrowers) or a
 * FEE-002 kind (a cost the bank must bear) to a small or micro borrower on a loan, or publishes a
 * FEE-001 kind without a small and micro exemption. A published item priced 免费 / 不收取 / 暂不收费
 * charges nobody and so exempts small and micro borrowers, as for FEE-001 on a bank's catalogue; a dated
 * item is judged as it stands on the case's asOf, as FEE-001 judges one.
 */
public final class Part001PartnerProhibitedFees implements Rule {

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("PART-001");

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        PartnerFacts facts = new PartnerFacts(context);
        Set<String> prohibited = context.feeDictionary().prohibitedForSmallMicro();
        Set<String> bankBorne = context.feeDictionary().bankBorneCosts();
        return new RuleEvaluation() {
            /** Only partners' fees charged to a small or micro borrower: {@link #onLoan} returns at once on any other loan. */
            @Override
            public Set<LoanTrait> onlyLoansWith() {
                return EnumSet.of(LoanTrait.PARTNER_FEES, LoanTrait.SMALL_OR_MICRO);
            }

            @Override
            public void onLoan(LoanFacts loan, FindingSink findings) {
                if (!loan.loan().smallOrMicro() || !mayFind(loan)) {
                    return;
                }
                facts.partnerFees(loan.loan()).forEach((partner, fees) -> {
                    for (LoanFee fee : fees) {
                        String category = loan.categoryOf(fee.item());
                        boolean isProhibited = category != null && prohibited.contains(category);
                        boolean isBankBorne = category != null && bankBorne.contains(category);
                        if (!isProhibited && !isBankBorne) {
                            continue;
                        }
                        String kind = isProhibited ? "a fee prohibited for small and micro borrowers"
                                : "a cost the bank must bear";
                        Map<String, String> metrics = new Metrics();
                        metrics.put("amount", fee.amount().toPlainString());
                        metrics.put("category", category);
                        facts.add(findings, info, partner, facts.title(info, partner),
                                List.of(PartnerFacts.evidence(loan, List.of(fee), kind + " (" + category
                                        + "), charged to a " + loan.loan().borrower().type().wireName() + " borrower")),
                                metrics);
                    }
                });
            }

            /** False when no partner fee is of a prohibited or bank-borne category: nothing to build. */
            private boolean mayFind(LoanFacts loan) {
                if (loan.feeCount() == 0) {
                    return false;
                }
                List<LoanFee> fees = loan.loan().fees();
                for (int i = 0, n = fees.size(); i < n; i++) {
                    LoanFee fee = fees.get(i);
                    if (facts.isPartner(fee.payee())) {
                        String category = loan.categoryOf(fee.item());
                        if (category != null && (prohibited.contains(category) || bankBorne.contains(category))) {
                            return true;
                        }
                    }
                }
                return false;
            }

            @Override
            public void finish(FindingSink findings) {
                java.time.LocalDate asOf = context.caseInfo().asOf();
                for (String partner : facts.partnersWithSchedules()) {
                    for (Disclosure schedule : facts.schedulesOf(partner)) {
                        for (FeeItem item : schedule.items()) {
                            String category = facts.categoryOf(item);
                            if (category == null || !prohibited.contains(category)) {
                                continue;
                            }
                            // judged as published on the audit date: a dated waiver exempts within its period only
                            List<Evidence> evidence = Fee001ProhibitedFee.chargingRows(BankCatalogue.entriesOf(schedule,
                                    item, category, item.price() != null ? item.price() : PriceParser.parse(item.priceText()))
                                    .toArray(new BankCatalogue.Entry[0]), asOf);
                            if (evidence.isEmpty()) {
                                continue;
                            }
                            Map<String, String> metrics = new Metrics();
                            metrics.put("category", category);
                            metrics.put("published", item.name());
                            facts.add(findings, info, partner, facts.title(info, partner), evidence, metrics);
                        }
                    }
                }
            }
        };
    }
}
