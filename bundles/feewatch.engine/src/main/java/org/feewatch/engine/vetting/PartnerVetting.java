package org.feewatch.engine.vetting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.feewatch.api.Disclosure;
import org.feewatch.api.Finding;
import org.feewatch.api.FindingStream;
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerVerdict;
import org.feewatch.api.Report;
import org.feewatch.api.Severity;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.SubjectType;
import org.feewatch.api.Verdict;
import org.feewatch.engine.vetting.VettingReport.Schedule;
import org.feewatch.engine.vetting.VettingReport.VettedPartner;

/**
 * Builds the vetting of a case's partners from an audit's report: the verdicts the audit gave, each
 * partner's findings and its fee schedules. The audit needs no loan book: a prospective partner is
 * vetted on its published schedule alone.
 */
public final class PartnerVetting {

    private PartnerVetting() {
    }

    /**
     * Vets the partners of an audited case.
     *
     * @param report      the audit's report (verdicts, findings, source statuses)
     * @param partners    partners.json, for names, types and order
     * @param sources     sources.json, to find each partner's schedules
     * @param disclosures what was read from the sources, for the published items; may be empty
     * @param onlyPartner a partner id to vet alone, or null for all
     * @throws IllegalArgumentException when {@code onlyPartner} is not in partners.json (the message
     *                                  says so and lists the ids there are)
     */
    public static VettingReport vet(Report report, List<Partner> partners, List<SourceRef> sources,
            List<Disclosure> disclosures, String onlyPartner) {
        if (onlyPartner != null && partners.stream().noneMatch(p -> p.id().equals(onlyPartner))) {
            throw new IllegalArgumentException("no partner " + onlyPartner + " in partners.json"
                    + (partners.isEmpty() ? " (the case has no partners)"
                            : " (partners: " + String.join(", ", partners.stream().map(Partner::id).toList()) + ")"));
        }
        Map<String, SourceStatus> statuses = new LinkedHashMap<>();
        report.sources().forEach(s -> statuses.put(s.id(), s));
        Map<String, Disclosure> read = new LinkedHashMap<>();
        disclosures.forEach(d -> read.put(d.source().id(), d));
        Map<String, PartnerVerdict> verdicts = new LinkedHashMap<>();
        report.partners().forEach(v -> verdicts.put(v.id(), v));

        List<VettedPartner> out = new ArrayList<>();
        for (Partner p : partners) {
            if (onlyPartner != null && !onlyPartner.equals(p.id())) {
                continue;
            }
            List<Finding> findings = (report.findings() instanceof FindingStream streamed ? streamed.held()
                    : report.findings()).stream()
                    .filter(f -> f.subject().type() == SubjectType.PARTNER && f.subject().id().equals(p.id()))
                    .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::rule)).toList();
            List<Schedule> schedules = new ArrayList<>();
            for (SourceRef s : sources) {
                if (s.kind() != SourceKind.PARTNER_SCHEDULE || !p.id().equals(s.owner())) {
                    continue;
                }
                SourceStatus status = statuses.get(s.id());
                Disclosure d = read.get(s.id());
                boolean ok = status != null ? status.ok() : d != null;
                String sha = status != null && status.sha256() != null ? status.sha256()
                        : d != null && d.snapshot() != null ? d.snapshot().sha256() : null;
                schedules.add(new Schedule(s.id(), s.location(), ok, sha,
                        status != null ? status.error() : ok ? null : "not read", d == null ? List.of() : d.items()));
            }
            PartnerVerdict v = Optional.ofNullable(verdicts.get(p.id()))
                    .orElseThrow(() -> new IllegalStateException("the audit gave partner " + p.id() + " no verdict"));
            out.add(new VettedPartner(p, v.verdict(), v.rules(), reason(p, v, findings), schedules, findings));
        }
        return new VettingReport(report.generatedAt(), report.caseInfo(), out);
    }

    /** The verdict in a sentence. */
    static String reason(Partner p, PartnerVerdict v, List<Finding> findings) {
        boolean prospective = p.status() == PartnerStatus.PROSPECTIVE;
        long breaches = findings.stream().filter(f -> f.severity() != Severity.INFO).count();
        return switch (v.verdict()) {
            case APPROVE -> prospective ? "No partner rule was broken: the partner may be contracted."
                    : "No partner rule was broken: the partnership may continue.";
            case CONDITIONAL -> v.rules().equals(List.of("PART-003"))
                    ? "Its fee schedule could not be reviewed: obtain its published fee standards before relying on it."
                    : "Only minor findings: fix them and review the partner again.";
            case REJECT -> v.rules().equals(List.of("PART-003"))
                    ? "Its fee standards cannot be reviewed (no readable fee schedule): do not contract it until they can."
                    : "It broke " + breaches + " partner rule" + (breaches == 1 ? "" : "s") + " ("
                            + String.join(", ", v.rules()) + "): do not contract it.";
            case TERMINATE -> "It broke " + breaches + " partner rule" + (breaches == 1 ? "" : "s") + " ("
                    + String.join(", ", v.rules()) + "): stop the partnership (银保监办发〔2023〕42号（八）).";
        };
    }

    /** True when every partner vetted was approved. */
    public static boolean allApproved(VettingReport report) {
        return report.partners().stream().allMatch(p -> p.verdict() == Verdict.APPROVE);
    }
}
