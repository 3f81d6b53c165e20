package org.feewatch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.feewatch.api.Finding;
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerVerdict;
import org.feewatch.api.Severity;
import org.feewatch.api.SubjectType;
import org.feewatch.api.Verdict;

/**
 * Partner verdicts (RULES.md notes and REPORT.md). A partner's findings are the findings whose
 * subject is that partner; {@code info} findings (a rule that could not judge) are not breaches
 * and do not count. Then:
 * <ul>
 * <li>no finding: {@code approve};</li>
 * <li>prospective: {@code reject} when a finding is high or critical or is the missing-schedule
 * rule ({@value #NO_SCHEDULE}); {@code conditional} when it has only medium or low findings;</li>
 * <li>active: {@code terminate} when a finding other than {@value #NO_SCHEDULE} is high or
 * critical; otherwise {@code conditional} (only the missing schedule, or only medium or low
 * findings: disclosure must be obtained or the issue fixed).</li>
 * </ul>
 * The national partner rules are all high or critical, so for them this is exactly RULES.md's
 * "prospective with a finding → reject; active with only PART-003 → conditional; active with any
 * other → terminate". Every partner of partners.json gets a verdict, in partners.json order.
 */
public final class PartnerVerdicts {

    /** The rule that finds a partner without a readable fee schedule. */
    public static final String NO_SCHEDULE = "PART-003";

    private PartnerVerdicts() {
    }

    public static List<PartnerVerdict> of(List<Partner> partners, List<Finding> findings) {
        List<PartnerVerdict> out = new ArrayList<>(partners.size());
        for (Partner p : partners) {
            Set<String> rules = new TreeSet<>();
            boolean seriousOther = false;
            boolean serious = false;
            for (Finding f : findings) {
                if (f.subject().type() != SubjectType.PARTNER || !f.subject().id().equals(p.id())
                        || f.severity() == Severity.INFO) {
                    continue;
                }
                rules.add(f.rule());
                boolean high = f.severity().atLeast(Severity.HIGH);
                serious |= high || NO_SCHEDULE.equals(f.rule());
                seriousOther |= high && !NO_SCHEDULE.equals(f.rule());
            }
            Verdict verdict;
            if (rules.isEmpty()) {
                verdict = Verdict.APPROVE;
            } else if (p.status() == PartnerStatus.PROSPECTIVE) {
                verdict = serious ? Verdict.REJECT : Verdict.CONDITIONAL;
            } else {
                verdict = seriousOther ? Verdict.TERMINATE : Verdict.CONDITIONAL;
            }
            out.add(new PartnerVerdict(p.id(), p.status(), verdict, List.copyOf(rules)));
        }
        return out;
    }
}
