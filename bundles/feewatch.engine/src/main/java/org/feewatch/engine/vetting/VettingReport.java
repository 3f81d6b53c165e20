package org.feewatch.engine.vetting;

import java.time.Instant;
import java.util.List;

import org.feewatch.api.CaseInfo;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Finding;
import org.feewatch.api.Partner;
import org.feewatch.api.Verdict;

/**
 * The vetting of a case's partners ({@value #SCHEMA}): one entry per partner vetted, in
 * partners.json order.
 */
public record VettingReport(Instant generatedAt, CaseInfo caseInfo, List<VettedPartner> partners) {

    public static final String SCHEMA = "feewatch.vetting/1";

    public VettingReport {
        partners = List.copyOf(partners);
    }

    /**
     * One partner's vetting.
     *
     * @param partner   the partners.json entry
     * @param verdict   approve, conditional, reject or terminate
     * @param rules     the partner rules it broke (info findings excluded)
     * @param reason    the verdict in one sentence for a reader
     * @param schedules its fee schedules as listed in sources.json, read or not
     * @param findings  every finding about the partner, most severe first
     */
    public record VettedPartner(Partner partner, Verdict verdict, List<String> rules, String reason,
            List<Schedule> schedules, List<Finding> findings) {
        public VettedPartner {
            rules = List.copyOf(rules);
            schedules = List.copyOf(schedules);
            findings = List.copyOf(findings);
        }
    }

    /**
     * A partner's fee schedule: where it is, whether it was read (with the snapshot's sha256 and
     * the items found) or why not.
     */
    public record Schedule(String sourceId, String location, boolean read, String sha256, String error,
            List<FeeItem> items) {
        public Schedule {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
