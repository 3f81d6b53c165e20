package org.feewatch.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.feewatch.api.Disclosure;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Partner;
import org.feewatch.api.Report;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.engine.vetting.PartnerVetting;
import org.feewatch.engine.vetting.VettingJson;
import org.feewatch.engine.vetting.VettingReport;
import org.feewatch.engine.vetting.VettingReport.VettedPartner;
import org.feewatch.store.Store.AuditRecord;
import org.feewatch.store.Store.PartnerRecord;
import org.feewatch.store.Store.PublishedItem;
import org.feewatch.store.Store.RunSummary;
import org.feewatch.store.Store.ScheduleChange;
import org.feewatch.store.Store.ScheduleReading;
import org.feewatch.store.Store.SnapshotRecord;
import org.feewatch.store.Store.VettingRecord;

/**
 * Turns a finished audit into what the store keeps: the run and its report, the partners, a reading
 * of every partner schedule (ok with its body and items, or failed with the reason), each partner's
 * vetting with its evidence package, and — when a schedule changed since its previous reading and the
 * partner now breaks a rule it did not break at its previous vetting — a change finding.
 */
public final class RunRecorder {

    private final Store store;

    public RunRecorder(Store store) {
        this.store = store;
    }

    /** What one audit read and found. */
    public record Outcome(Report report, byte[] reportJson, List<Partner> partners, List<SourceRef> sources,
            List<SourceStatus> statuses, List<Disclosure> disclosures) {
        public Outcome {
            partners = List.copyOf(partners);
            sources = List.copyOf(sources);
            statuses = List.copyOf(statuses);
            disclosures = List.copyOf(disclosures);
        }
    }

    /** The latest reading of a source that was read (a failed reading in between is not compared with). */
    private Optional<SnapshotRecord> lastReadable(String partnerId, String sourceId) throws StoreException {
        SnapshotRecord last = null;
        for (SnapshotRecord r : store.snapshots(partnerId)) {
            if (r.sourceId().equals(sourceId) && r.ok()) {
                last = r;
            }
        }
        return Optional.ofNullable(last);
    }

    public RunSummary record(String kind, String actor, String casePath, Instant startedAt, Instant finishedAt,
            Outcome outcome) throws StoreException {
        Report report = outcome.report();
        List<PartnerRecord> partners = new ArrayList<>();
        for (Partner p : outcome.partners()) {
            partners.add(new PartnerRecord(p.id(), report.caseInfo().institutionId(), p.name(),
                    p.type() == null ? null : p.type().wireName(), p.status().wireName(), p.governmentBacked(), null,
                    null));
        }
        Map<String, SourceStatus> statuses = new HashMap<>();
        outcome.statuses().forEach(s -> statuses.put(s.id(), s));
        Map<String, Disclosure> read = new HashMap<>();
        outcome.disclosures().forEach(d -> read.put(d.source().id(), d));

        List<ScheduleReading> readings = new ArrayList<>();
        Map<String, ScheduleDiff> diffs = new HashMap<>();
        Map<String, Long> previousSnapshot = new HashMap<>();
        for (SourceRef s : outcome.sources()) {
            if (s.kind() != SourceKind.PARTNER_SCHEDULE || s.owner() == null) {
                continue;
            }
            SourceStatus status = statuses.get(s.id());
            Disclosure d = read.get(s.id());
            boolean ok = d != null && (status == null || status.ok());
            List<PublishedItem> items = new ArrayList<>();
            if (ok) {
                for (FeeItem i : d.items()) {
                    items.add(new PublishedItem(i.name(), i.category(), i.priceText()));
                }
            }
            Instant fetchedAt = ok && d.snapshot() != null && d.snapshot().fetchedAt() != null ? d.snapshot().fetchedAt()
                    : finishedAt;
            readings.add(new ScheduleReading(s.id(), s.owner(), s.location(), fetchedAt, ok,
                    ok && d.snapshot() != null ? d.snapshot().sha256() : null,
                    ok ? null : status != null && status.error() != null ? status.error() : "not read", items,
                    ok && d.snapshot() != null ? d.snapshot().body() : null));
            Optional<SnapshotRecord> before = lastReadable(s.owner(), s.id());
            if (ok && before.isPresent()) {
                ScheduleDiff diff = ScheduleDiff.between(before.get().items(), items);
                if (!diff.isEmpty()) {
                    diffs.put(s.id(), diff);
                    previousSnapshot.put(s.id(), before.get().id());
                }
            }
        }

        VettingReport vetting = PartnerVetting.vet(report, outcome.partners(), outcome.sources(),
                outcome.disclosures(), null);
        List<VettingRecord> vettings = new ArrayList<>();
        List<ScheduleChange> changes = new ArrayList<>();
        for (VettedPartner v : vetting.partners()) {
            String id = v.partner().id();
            String evidence = VettingJson.render(new VettingReport(vetting.generatedAt(), vetting.caseInfo(), List.of(v)));
            vettings.add(new VettingRecord(0, id, null, finishedAt, v.partner().status().wireName(),
                    v.verdict().wireName(), v.rules(), evidence));
            List<VettingRecord> history = store.vettings(id);
            Set<String> newRules = new LinkedHashSet<>(v.rules());
            if (!history.isEmpty()) {
                newRules.removeAll(history.get(history.size() - 1).rules());
            }
            if (history.isEmpty() || newRules.isEmpty()) {
                continue; // nothing to compare with, or no breach the partner did not already have
            }
            for (VettingReport.Schedule s : v.schedules()) {
                ScheduleDiff diff = diffs.get(s.sourceId());
                if (diff != null) {
                    changes.add(new ScheduleChange(s.sourceId(), id, previousSnapshot.get(s.sourceId()),
                            List.copyOf(newRules), diff.toJson()));
                }
            }
        }
        return store.record(new AuditRecord(kind, startedAt, finishedAt, actor, casePath,
                report.caseInfo().institutionId(), report.caseInfo().region(),
                report.caseInfo().asOf() == null ? null : report.caseInfo().asOf().toString(), report.engineVersion(),
                report.findings().size(), outcome.reportJson(), partners, readings, vettings, changes));
    }
}
