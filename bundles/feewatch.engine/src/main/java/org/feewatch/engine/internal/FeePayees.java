package org.feewatch.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.feewatch.api.CaseInfo;
import org.feewatch.api.InputIssue;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.Partner;

/**
 * Fee payees as loan books write them (docs/loanbook.md, "Fee payees"). CASE-FORMAT.md wants the
 * institution id or a partner id; a core-banking export often names the bank itself differently: its id
 * in another letter case, its name from case.json, or 本行 / 我行 ("this bank"). Those fees are the
 * institution's (every rule then sees its id, so a prohibited fee the bank charged is its own, not a
 * phantom partner's), with one warning per form used; a payee that is neither the institution nor a
 * partner of partners.json is one warning too. Thread-safe.
 */
public final class FeePayees {
    /** How a bank's own export names the bank: "this bank", "our bank". */
    private static final List<String> SELF_REFERENCES = List.of("本行", "我行");
    /**
     * The empty list of a loan without fees: Loan copies its lists with List.copyOf, which gives the
     * one empty List.of() for every empty list. Told by identity first, no call through List.
     */
    private static final List<LoanFee> NO_FEES = List.of();

    private final String institutionId;
    private final String upperId;
    private final Set<String> aliases = new HashSet<>();
    private final Set<String> partnerIds = new HashSet<>();
    /** payee → where first seen and how often, in the order of the map's own keys. */
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /**
     * A partner named otherwise than by its id (its name from partners.json, or its id in another letter
     * case) → its id; a name two partners share is no one's.
     */
    private final Map<String, String> partnerForms = new HashMap<>();

    private static final class Seen {
        final boolean institution;
        /** The partner id the payee was taken as, or null. */
        String partner;
        // the earliest place in the book (books are read in parallel: kept as the minimum)
        String file;
        long line;
        long fees;

        Seen(boolean institution) {
            this.institution = institution;
        }
    }

    public FeePayees(CaseInfo caseInfo, List<Partner> partners) {
        this.institutionId = caseInfo == null ? null : caseInfo.institutionId();
        this.upperId = institutionId == null ? null : institutionId.toUpperCase(Locale.ROOT);
        if (caseInfo != null && caseInfo.institutionName() != null && !caseInfo.institutionName().isBlank()) {
            aliases.add(caseInfo.institutionName().strip());
        }
        aliases.addAll(SELF_REFERENCES);
        Set<String> shared = new HashSet<>();
        for (Partner p : partners == null ? List.<Partner>of() : partners) {
            // a partner's id is the partner's, whatever it looks like (checked before the aliases)
            partnerIds.add(p.id());
            for (String form : new String[] {p.name() == null ? null : p.name().strip(),
                p.id().toUpperCase(Locale.ROOT)}) {
                if (form != null && !form.isEmpty() && partnerForms.putIfAbsent(form, p.id()) != null
                        && !partnerForms.get(form).equals(p.id())) {
                    shared.add(form);
                }
            }
        }
        shared.forEach(partnerForms::remove);
    }

    /** The loans with the institution's fees under its id; the same list's loans when nothing changes. */
    public List<Loan> canonical(List<Loan> loans) {
        List<Loan> out = null;
        for (int i = 0, n = loans.size(); i < n; i++) {
            Loan loan = loans.get(i);
            Loan c = canonical(loan);
            if (c != loan && out == null) {
                out = new ArrayList<>(loans);
            }
            if (out != null) {
                out.set(i, c);
            }
        }
        return out == null ? List.copyOf(loans) : List.copyOf(out);
    }

    /** {@link #canonical(List)} in place: each loan replaced by its canonical form where that differs. */
    public void canonical(Loan[] loans) {
        for (int i = 0; i < loans.length; i++) {
            loans[i] = canonical(loans[i]);
        }
    }

    Loan canonical(Loan loan) {
        List<LoanFee> fees = loan.fees();
        if (fees == NO_FEES || fees.isEmpty() || institutionId == null) {
            return loan;
        }
        List<LoanFee> changed = null;
        for (int i = 0, n = fees.size(); i < n; i++) {
            LoanFee fee = fees.get(i);
            String payee = fee.payee();
            if (payee == null || payee.equals(institutionId) || partnerIds.contains(payee)) {
                continue;
            }
            boolean institution = aliases.contains(payee) || payee.toUpperCase(Locale.ROOT).equals(upperId);
            String partner = institution ? null : partnerForm(payee);
            note(payee, loan, institution, partner);
            if (institution || partner != null) {
                if (changed == null) {
                    changed = new ArrayList<>(fees);
                }
                changed.set(i, new LoanFee(institution ? institutionId : partner, fee.item(), fee.amount(),
                        fee.when()));
            }
        }
        if (changed == null) {
            return loan;
        }
        return new Loan(loan.id(), loan.borrower(), loan.product(), loan.channel(), loan.principal(),
                loan.contractDate(), loan.maturityDate(), loan.rate(), loan.repayment(), loan.onLending(),
                loan.compensatingDeposit(), loan.bundled(), changed, loan.file(), loan.line());
    }

    /** The partner id a payee names otherwise (the partner's name, its id in another case), or null. */
    private String partnerForm(String payee) {
        if (partnerForms.isEmpty()) {
            return null;
        }
        String p = partnerForms.get(payee.strip());
        return p != null ? p : partnerForms.get(payee.strip().toUpperCase(Locale.ROOT));
    }

    private void note(String payee, Loan loan, boolean institution, String partner) {
        Seen s = seen.computeIfAbsent(payee, k -> new Seen(institution));
        synchronized (s) {
            s.partner = partner;
            s.fees++;
            if (s.file == null || loan.line() < s.line) {
                s.file = loan.file();
                s.line = loan.line();
            }
        }
    }

    /** One warning per payee form seen, at its first line in the book. */
    public List<InputIssue> warnings() {
        List<InputIssue> out = new ArrayList<>();
        seen.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Seen s = e.getValue();
            String count;
            synchronized (s) {
                count = s.fees == 1 ? "1 fee" : s.fees + " fees";
            }
            String message = s.institution
                    ? "fee payee \"" + e.getKey() + "\" taken as the institution " + institutionId + " (" + count
                            + "); write its id " + institutionId + " in the book"
                    : s.partner != null
                    ? "fee payee \"" + e.getKey() + "\" taken as the partner " + s.partner + " of partners.json ("
                            + count + "); write its id " + s.partner + " in the book"
                    : "fee payee \"" + e.getKey() + "\" is neither the institution " + institutionId
                            + " nor a partner in partners.json (" + count + "); it is taken as a third party";
            out.add(new InputIssue(s.file, s.line > 0 ? s.line : null, message));
        });
        return out;
    }
}
