package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.feewatch.api.Action;
import org.feewatch.api.Disclosure;
import org.feewatch.api.Evidence;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Finding;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.engine.cashflow.CashFlowModel;

/**
 * What the partner rules share, computed once per audit: each partner's readable fee schedules,
 * a loan's fees grouped by partner payee, the loan's term, and partner findings with the action
 * that fits the partner's status (RULES.md: terminate-partnership for an active partner,
 * reject-partner for a prospective one).
 */
final class PartnerFacts {

    private final AuditContext context;
    private final String institutionId;
    private final Map<String, List<Disclosure>> schedules = new LinkedHashMap<>();
    /** The partners with at least one read schedule that has at least one item. */
    private final java.util.Set<String> readable = new java.util.HashSet<>();

    PartnerFacts(AuditContext context) {
        this.context = context;
        this.institutionId = context.caseInfo().institutionId();
        for (Disclosure d : context.disclosures()) {
            SourceRef ref = d.source();
            if (ref != null && ref.kind() == SourceKind.PARTNER_SCHEDULE && ref.owner() != null && isRead(ref.id())) {
                schedules.computeIfAbsent(ref.owner(), k -> new ArrayList<>()).add(d);
                if (!d.items().isEmpty()) {
                    readable.add(ref.owner());
                }
            }
        }
    }

    AuditContext context() {
        return context;
    }

    private boolean isRead(String sourceId) {
        for (SourceStatus s : context.sourceStatuses()) {
            if (s.id().equals(sourceId)) {
                return s.ok();
            }
        }
        return true;
    }

    /** The partner schedules that were read, of {@code partnerId}; empty when none. */
    List<Disclosure> schedulesOf(String partnerId) {
        return schedules.getOrDefault(partnerId, List.of());
    }

    /** Partners that have at least one schedule that was read and has at least one item. */
    boolean hasReadableSchedule(String partnerId) {
        return partnerId != null && readable.contains(partnerId);
    }

    /** True when a fee to {@code payee} is a partner's: not blank and not the audited institution's. */
    boolean isPartner(String payee) {
        return payee != null && !payee.isBlank() && !payee.equals(institutionId);
    }

    /** Every partner id that owns a read schedule, partners.json or not. */
    java.util.Set<String> partnersWithSchedules() {
        return schedules.keySet();
    }

    /**
     * The loan's fees grouped by partner payee, in the order they appear. A payee is a partner when
     * it is not the audited institution (CASE-FORMAT.md: payee is the institution id or a partner id).
     */
    Map<String, List<LoanFee>> partnerFees(Loan loan) {
        Map<String, List<LoanFee>> byPartner = new LinkedHashMap<>();
        for (LoanFee fee : loan.fees()) {
            if (fee.payee() == null || fee.payee().isBlank() || fee.payee().equals(institutionId)) {
                continue;
            }
            byPartner.computeIfAbsent(fee.payee(), k -> new ArrayList<>()).add(fee);
        }
        return byPartner;
    }

    /** The category of a published item: the extractor's, else the dictionary's. */
    String categoryOf(FeeItem item) {
        return item.category() != null ? item.category() : context.feeDictionary().categoryOf(item.name());
    }

    /** The action a partner finding asks for, by the partner's status (unknown: it charges on loans, so active). */
    Action actionFor(String partnerId) {
        Optional<Partner> p = context.partner(partnerId);
        return p.isPresent() && p.get().status() == PartnerStatus.PROSPECTIVE ? Action.REJECT_PARTNER
                : Action.TERMINATE_PARTNERSHIP;
    }

    String partnerLabel(String partnerId) {
        return context.partner(partnerId).map(p -> p.name() == null ? p.id() : p.id() + " " + p.name())
                .orElse(partnerId);
    }

    void add(FindingSink sink, RuleInfo rule, String partnerId, String title, List<Evidence> evidence,
            Map<String, String> metrics) {
        add(sink, rule, rule.severity(), actionFor(partnerId), partnerId, title, evidence, metrics);
    }

    static void add(FindingSink sink, RuleInfo rule, Severity severity, Action action, String partnerId,
            String title, List<Evidence> evidence, Map<String, String> metrics) {
        sink.add(new Finding(rule.code(), severity, Subject.partner(partnerId), title, evidence, metrics,
                rule.citations(), action));
    }

    /** Evidence pointing at a published item of a schedule, with the snapshot's hash. */
    static Evidence evidence(Disclosure schedule, FeeItem item) {
        String sha = schedule.snapshot() == null ? null : schedule.snapshot().sha256();
        String text = item.text() != null && !item.text().isBlank() ? item.text()
                : item.name() + (item.priceText() == null ? "" : " " + item.priceText());
        return new Evidence(item.sourceId() != null ? item.sourceId() : schedule.source().id(), item.locator(), text,
                sha);
    }

    /** Evidence pointing at a loan's line with the fee as charged. */
    static Evidence evidence(LoanFacts loan, LoanFee fee) {
        return evidence(loan, List.of(fee), null);
    }

    /**
     * Evidence pointing at a loan's line: the loan, the partner's fees on it as charged, and what is
     * wrong with them ({@code note}, may be null). Findings are merged per partner, so what is
     * particular to one loan is said here, not in the title.
     */
    static Evidence evidence(LoanFacts loan, List<LoanFee> fees, String note) {
        if (fees.size() == 1 && note == null) {
            // the usual line, in one concatenation (its length counted once)
            LoanFee fee = fees.get(0);
            if (fee.amount() == null) {
                fee.amount().toPlainString(); // fails as it always did
            }
            return loan.evidence("loan " + loan.loan().id() + ": " + fee.payee() + " " + fee.item() + " "
                    + Figures.plain(fee.amount()) + " " + fee.when().wireName());
        }
        // sized for the usual line, so that it is not grown on the way; the amounts written straight in
        StringBuilder b = new StringBuilder(96).append("loan ").append(loan.loan().id()).append(": ");
        for (int i = 0; i < fees.size(); i++) {
            LoanFee fee = fees.get(i);
            if (i == 0) {
                b.append(fee.payee()).append(' ');
            } else {
                b.append(", ");
            }
            b.append(fee.item()).append(' ');
            if (fee.amount() == null) {
                b.append(fee.amount().toPlainString()); // fails as it always did
            }
            Figures.appendPlain(b, fee.amount()).append(' ').append(fee.when().wireName());
        }
        if (note != null) {
            b.append("; ").append(note);
        }
        return loan.evidence(b.toString());
    }

    /** A partner finding's title: the rule's, with the partner (the particulars are in the evidence). */
    String title(RuleInfo rule, String partnerId) {
        return rule.titleEn() + ": partner " + partnerLabel(partnerId);
    }

    /** Whole months from contract date to maturity (the cash-flow model's n). */
    static int termMonths(Loan loan) {
        return CashFlowModel.termMonths(loan.contractDate(), loan.maturityDate());
    }

    /** What a fee costs over the loan's life, in yuan. */
    static BigDecimal lifeTotal(LoanFee fee, int n) {
        return fee.amount().multiply(BigDecimal.valueOf(CashFlowModel.paymentsOf(fee.when(), n)));
    }
}
