package org.feewatch.store.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.feewatch.store.ScheduleDiff;
import org.feewatch.store.Store;
import org.feewatch.store.Store.ChangeFinding;
import org.feewatch.store.Store.DecisionRecord;
import org.feewatch.store.Store.PartnerRecord;
import org.feewatch.store.Store.RunSummary;
import org.feewatch.store.Store.SnapshotRecord;
import org.feewatch.store.Store.TrailEntry;
import org.feewatch.store.Store.VettingRecord;
import org.feewatch.store.StoreException;

/** What {@code runs list}, {@code runs show} and {@code partners history} print. */
public final class StoreText {

    private StoreText() {
    }

    /** An instant to the second, for reading (the store keeps it to the nanosecond). */
    public static String t(java.time.Instant at) {
        return at == null ? "-" : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    public static String runs(List<RunSummary> runs) {
        if (runs.isEmpty()) {
            return "No runs recorded yet.\n";
        }
        StringBuilder b = new StringBuilder(String.format("%-6s %-8s %-24s %-12s %8s  %-12s %s%n", "RUN", "KIND",
                "FINISHED", "INSTITUTION", "FINDINGS", "BY", "CASE"));
        for (RunSummary r : runs) {
            b.append(String.format("%-6d %-8s %-24s %-12s %8d  %-12s %s%n", r.id(), r.kind(), t(r.finishedAt()),
                    r.institution(), r.findings(), r.actor(), r.casePath() == null ? "-" : r.casePath()));
        }
        return b.toString();
    }

    public static String run(RunSummary r, List<VettingRecord> vettings) {
        StringBuilder b = new StringBuilder();
        b.append("Run ").append(r.id()).append(" (").append(r.kind()).append(")\n");
        b.append("  case         ").append(r.casePath() == null ? "-" : r.casePath()).append('\n');
        b.append("  institution  ").append(r.institution()).append(" (").append(r.region()).append("), as of ")
                .append(r.asOf()).append('\n');
        b.append("  started      ").append(t(r.startedAt())).append('\n');
        b.append("  finished     ").append(t(r.finishedAt())).append('\n');
        b.append("  by           ").append(r.actor()).append('\n');
        b.append("  engine       ").append(r.engineVersion()).append('\n');
        b.append("  findings     ").append(r.findings()).append('\n');
        b.append("  report       sha256 ").append(r.reportSha256()).append(" (runs show ").append(r.id())
                .append(" --report prints it)\n");
        if (!vettings.isEmpty()) {
            b.append("  partners\n");
            for (VettingRecord v : vettings) {
                b.append(String.format("    %-8s %-12s %-12s %s%n", v.partnerId(), v.status(), v.verdict(),
                        v.rules().isEmpty() ? "-" : String.join(", ", v.rules())));
            }
        }
        return b.toString();
    }

    public static String partnerHistory(Store store, String id) throws StoreException {
        PartnerRecord p = store.partner(id)
                .orElseThrow(() -> new StoreException("partner " + id + " is not in the store (no audit or vetting recorded it)"));
        StringBuilder b = new StringBuilder();
        b.append("Partner ").append(p.id());
        if (p.name() != null) {
            b.append(' ').append(p.name());
        }
        b.append(" (").append(p.type() == null ? "type unknown" : p.type()).append(", ").append(p.status())
                .append("), institution ").append(p.institution()).append('\n');
        b.append("First seen ").append(t(p.firstSeen())).append(", last seen ").append(t(p.lastSeen())).append("\n\n");

        b.append("Vettings\n");
        List<VettingRecord> vettings = store.vettings(id);
        if (vettings.isEmpty()) {
            b.append("  none\n");
        }
        for (VettingRecord v : vettings) {
            b.append(String.format("  %-24s run %-5s %-12s %s%n", t(v.at()), v.runId() == null ? "-" : v.runId(),
                    v.verdict(), v.rules().isEmpty() ? "no partner rule broken" : String.join(", ", v.rules())));
        }

        b.append("\nFee schedule readings\n");
        List<SnapshotRecord> snapshots = store.snapshots(id);
        if (snapshots.isEmpty()) {
            b.append("  none\n");
        }
        Map<String, SnapshotRecord> lastOk = new HashMap<>();
        for (SnapshotRecord s : snapshots) {
            b.append(String.format("  %-24s %-16s ", t(s.fetchedAt()), s.sourceId()));
            if (s.ok()) {
                b.append("ok, ").append(s.items().size()).append(s.items().size() == 1 ? " item" : " items")
                        .append(", sha256 ").append(s.sha256()).append('\n');
                SnapshotRecord before = lastOk.put(s.sourceId(), s);
                if (before != null) {
                    ScheduleDiff d = ScheduleDiff.between(before.items(), s.items());
                    b.append("      ").append(d.isEmpty() ? "unchanged" : "changed: " + d.describe()).append('\n');
                }
            } else {
                b.append("FAILED: ").append(s.error()).append('\n');
            }
        }

        List<ChangeFinding> changes = store.changeFindings(id);
        b.append("\nChanges that introduced a breach\n");
        if (changes.isEmpty()) {
            b.append("  none\n");
        }
        for (ChangeFinding c : changes) {
            b.append(String.format("  %-24s %-16s %s: %s%n", t(c.at()), c.sourceId(), String.join(", ", c.rules()),
                    ScheduleDiff.fromJson(c.changes()).describe()));
        }

        b.append("\nDecisions\n");
        List<DecisionRecord> decisions = store.decisions(id);
        if (decisions.isEmpty()) {
            b.append("  none\n");
        }
        for (DecisionRecord d : decisions) {
            b.append("  #").append(d.id()).append(' ').append(d.verdict()).append(", opened ").append(t(d.openedAt()))
                    .append(": ").append(d.state().name().toLowerCase(java.util.Locale.ROOT));
            if (d.decidedAt() != null) {
                b.append(' ').append(t(d.decidedAt())).append(" by ").append(d.decidedBy()).append(": ").append(d.reason());
            } else {
                b.append(" (partners decide ").append(id).append(" confirm|override --reason …)");
            }
            b.append('\n');
        }

        b.append("\nAudit trail\n");
        List<TrailEntry> trail = store.trail("partner:" + id);
        List<String> lines = new ArrayList<>();
        for (TrailEntry e : trail) {
            lines.add(String.format("  #%-5d %-24s %-12s %-22s %s", e.seq(), t(e.at()), e.actor(), e.action(),
                    e.reason() == null ? "" : e.reason()).stripTrailing());
        }
        b.append(lines.isEmpty() ? "  none\n" : String.join("\n", lines) + "\n");
        Store.ChainCheck check = store.verifyChain();
        b.append(check.intact() ? "  (the audit trail's " + check.rows() + " rows verify)\n"
                : "  WARNING: the audit trail does not verify: " + check.problem() + "\n");
        return b.toString();
    }
}
