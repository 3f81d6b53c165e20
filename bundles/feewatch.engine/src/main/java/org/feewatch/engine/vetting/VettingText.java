package org.feewatch.engine.vetting;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Evidence;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Finding;
import org.feewatch.api.Partner;
import org.feewatch.api.Verdict;
import org.feewatch.engine.vetting.VettingReport.Schedule;
import org.feewatch.engine.vetting.VettingReport.VettedPartner;

/** The vetting as text for a person reading a terminal: partner by partner, verdict first. */
public final class VettingText {

    /** Evidence lines shown per finding; the rest is counted. */
    private final int evidenceShown;

    public VettingText(int evidenceShown) {
        this.evidenceShown = Math.max(1, evidenceShown);
    }

    public String render(VettingReport report) {
        StringBuilder b = new StringBuilder();
        var c = report.caseInfo();
        b.append("Partner vetting: ").append(c.institutionId());
        if (c.institutionName() != null) {
            b.append(' ').append(c.institutionName());
        }
        b.append(" (").append(c.region()).append("), as of ").append(c.asOf()).append('\n');
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        report.partners().forEach(p -> counts.merge(p.verdict(), 1, Integer::sum));
        int n = report.partners().size();
        b.append(n).append(n == 1 ? " partner" : " partners");
        if (!counts.isEmpty()) {
            b.append(": ");
            boolean first = true;
            for (Map.Entry<Verdict, Integer> e : counts.entrySet()) {
                b.append(first ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey().wireName());
                first = false;
            }
        }
        b.append('\n');
        for (VettedPartner p : report.partners()) {
            b.append('\n');
            partner(b, p);
        }
        return b.toString();
    }

    private void partner(StringBuilder b, VettedPartner v) {
        Partner p = v.partner();
        b.append(p.id());
        if (p.name() != null) {
            b.append(' ').append(p.name());
        }
        b.append(" (").append(p.type() == null ? "other" : p.type().wireName()).append(", ")
                .append(p.status().wireName()).append(p.governmentBacked() ? ", government-backed" : "").append(")\n");
        b.append("  Verdict: ").append(v.verdict().wireName().toUpperCase(java.util.Locale.ROOT)).append(". ")
                .append(v.reason()).append('\n');
        if (v.schedules().isEmpty()) {
            b.append("  Fee schedules: none listed in sources.json\n");
        } else {
            b.append("  Fee schedules:\n");
            for (Schedule s : v.schedules()) {
                b.append("    ").append(s.sourceId()).append("  ").append(s.location()).append("  ");
                if (s.read()) {
                    b.append("read, ").append(s.items().size()).append(s.items().size() == 1 ? " item" : " items");
                    if (s.sha256() != null) {
                        b.append(", sha256 ").append(s.sha256());
                    }
                } else {
                    b.append("NOT READ: ").append(s.error() == null ? "unknown reason" : s.error());
                }
                b.append('\n');
                for (FeeItem item : s.items()) {
                    b.append("      ").append(item.name());
                    if (item.priceText() != null && !item.priceText().isBlank()) {
                        b.append("  ").append(oneLine(item.priceText()));
                    }
                    b.append('\n');
                }
            }
        }
        if (v.findings().isEmpty()) {
            b.append("  Findings: none\n");
            return;
        }
        b.append("  Findings:\n");
        for (Finding f : v.findings()) {
            b.append("    [").append(f.severity().wireName()).append("] ").append(f.rule()).append("  ")
                    .append(oneLine(f.title())).append('\n');
            b.append("      action: ").append(f.action() == null ? "-" : f.action().wireName());
            if (!f.citations().isEmpty()) {
                b.append("; cites ").append(String.join("; ", f.citations()));
            }
            b.append('\n');
            List<Evidence> evidence = f.evidence();
            for (int i = 0; i < Math.min(evidenceShown, evidence.size()); i++) {
                Evidence e = evidence.get(i);
                b.append("      - ").append(e.source());
                if (e.locator() != null) {
                    b.append(' ').append(e.locator());
                }
                b.append(": ").append(oneLine(e.text())).append('\n');
            }
            long total = f.metrics().containsKey("evidenceCount") ? parse(f.metrics().get("evidenceCount"))
                    : evidence.size();
            if (total > Math.min(evidenceShown, evidence.size())) {
                b.append("      … and ").append(total - Math.min(evidenceShown, evidence.size()))
                        .append(" more (see the JSON or the audit report)\n");
            }
        }
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
