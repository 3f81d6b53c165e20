package org.feewatch.rules.national.internal.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.Disclosure;
import org.feewatch.api.Evidence;
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.rules.national.internal.NationalCatalogue;

/**
 * PART-003: no readable fee schedule for a partner of partners.json — none listed in sources.json,
 * every listed one failed, or what was read held no fee item — so its fee standards cannot be
 * reviewed. The action is reject-partner for a prospective partner and review for an active one.
 */
public final class Part003PartnerScheduleMissing implements Rule {

    private final RuleInfo info = NationalCatalogue.CATALOGUE.get("PART-003");

    @Override
    public RuleInfo info() {
        return info;
    }

    @Override
    public RuleEvaluation start(AuditContext context) {
        return new RuleEvaluation() {
            @Override
            public void finish(FindingSink findings) {
                Map<String, SourceStatus> statuses = new LinkedHashMap<>();
                for (SourceStatus s : context.sourceStatuses()) {
                    statuses.put(s.id(), s);
                }
                for (Partner partner : context.partners()) {
                    judge(partner, statuses, findings);
                }
            }

            private void judge(Partner partner, Map<String, SourceStatus> statuses, FindingSink findings) {
                List<SourceRef> listed = new ArrayList<>();
                for (SourceRef s : context.sources()) {
                    if (s.kind() == SourceKind.PARTNER_SCHEDULE && partner.id().equals(s.owner())) {
                        listed.add(s);
                    }
                }
                List<Evidence> evidence = new ArrayList<>();
                String why;
                if (listed.isEmpty()) {
                    why = "no fee schedule is listed for it in sources.json";
                    evidence.add(Evidence.of("partners.json", "id " + partner.id(),
                            partner.id() + (partner.name() == null ? "" : " " + partner.name())
                                    + ": no partner-schedule source owned by this partner"));
                } else {
                    for (SourceRef s : listed) {
                        SourceStatus status = statuses.get(s.id());
                        if (status != null && !status.ok()) {
                            evidence.add(Evidence.of(s.id(), s.location(), "failed: " + status.error()));
                            continue;
                        }
                        Disclosure read = readOf(s.id());
                        if (read == null) {
                            evidence.add(Evidence.of(s.id(), s.location(), "not read"));
                        } else if (read.items().isEmpty()) {
                            evidence.add(new Evidence(s.id(), s.location(), "read, but no fee item could be found in it",
                                    read.snapshot() == null ? null : read.snapshot().sha256()));
                        } else {
                            return; // one readable schedule is enough
                        }
                    }
                    why = listed.size() == 1 ? "its fee schedule could not be read"
                            : "none of its " + listed.size() + " fee schedules could be read";
                }
                Action action = partner.status() == PartnerStatus.PROSPECTIVE ? Action.REJECT_PARTNER : Action.REVIEW;
                Map<String, String> metrics = new LinkedHashMap<>();
                metrics.put("schedulesListed", Integer.toString(listed.size()));
                PartnerFacts.add(findings, info, info.severity(), action, partner.id(),
                        "No readable fee schedule for partner " + partner.id()
                                + (partner.name() == null ? "" : " " + partner.name()) + ": " + why,
                        evidence, metrics);
            }

            private Disclosure readOf(String sourceId) {
                for (Disclosure d : context.disclosures()) {
                    if (d.source() != null && sourceId.equals(d.source().id())) {
                        return d;
                    }
                }
                return null;
            }
        };
    }
}
