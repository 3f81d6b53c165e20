package org.feewatch.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.FindingSink;

/**
 * The thread-safe sink of one audit. Findings of the same rule and subject are merged into one:
 * the most severe severity is kept; the evidence of all of them is listed once each, in evidence
 * order (source, then locator with line 2 before line 10, then text), up to a cap, beyond which
 * only the count grows, shown as the metric {@value #EVIDENCE_COUNT}; title, metrics and action
 * are those of the finding whose first evidence comes first; citations are united. A finding that
 * was never merged keeps its evidence in the order its rule gave. The result does not depend on
 * the order threads delivered findings in. {@link #findings()} lists them by rule code, then
 * subject id (numbers inside ids compared as numbers, so L2 comes before L10), then subject type.
 */
public final class MergingFindingSink implements FindingSink {

    /** The metric giving how many pieces of evidence a finding had when some were left out. */
    public static final String EVIDENCE_COUNT = "evidenceCount";

    private record Key(String rule, Subject subject) {
    }

    private final int evidenceCap;
    private final Map<Key, Merged> merged = new ConcurrentHashMap<>();

    public MergingFindingSink(int evidenceCap) {
        if (evidenceCap < 1) {
            throw new IllegalArgumentException("evidence cap must be at least 1, was " + evidenceCap);
        }
        this.evidenceCap = evidenceCap;
    }

    @Override
    public void add(Finding finding) {
        java.util.Objects.requireNonNull(finding, "finding");
        Key key = new Key(finding.rule(), finding.subject());
        // the thread that creates the entry is not always the first to merge into it: the entry
        // takes its first finding in merge, under its lock
        merged.computeIfAbsent(key, k -> new Merged()).merge(finding, evidenceCap);
    }

    /** How many distinct findings there are so far. */
    public int size() {
        return merged.size();
    }

    /** The merged findings in the report's order. */
    public List<Finding> findings() {
        Finding[] out = new Finding[merged.size()];
        int n = 0;
        for (Merged m : merged.values()) {
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, n * 2 + 1);
            }
            Finding f = m.toFinding();
            if (f != null) { // null: created by an add that has not merged yet
                out[n++] = f;
            }
        }
        Finding[] all = java.util.Arrays.copyOf(out, n);
        java.util.Arrays.parallelSort(all, ORDER);
        return java.util.Arrays.asList(all);
    }

    /** Rule code, then subject id (natural order), then subject type. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::rule)
            .thenComparing((a, b) -> NaturalOrder.compare(a.subject().id(), b.subject().id()))
            .thenComparing(f -> f.subject().type());

    /** Evidence in a stable order: source, then locator (line 2 before line 10), then text. */
    static final Comparator<Evidence> EVIDENCE_ORDER = Comparator
            .comparing(Evidence::source, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Evidence::locator, Comparator.nullsFirst(NaturalOrder::compare))
            .thenComparing(Evidence::text)
            .thenComparing(Evidence::sha256, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    /**
     * Which of several findings of one rule and subject gives the merged one its title, metrics
     * and action: the one whose first evidence comes first, so the result does not depend on the
     * order in which threads delivered them.
     */
    private static final Comparator<Finding> BASE_ORDER = Comparator
            .comparing((Finding f) -> f.evidence().isEmpty() ? null : f.evidence().get(0),
                    Comparator.nullsLast(EVIDENCE_ORDER))
            .thenComparing(f -> f.title() == null ? "" : f.title())
            .thenComparing(f -> f.metrics().toString())
            .thenComparing(f -> f.action() == null ? "" : f.action().name());

    /**
     * One finding and whatever was merged into it. Most findings are never merged, so the merge
     * structures are made only when a second finding of the same rule and subject arrives.
     */
    private static final class Merged {
        private Finding base;
        private Severity severity;
        private int merged;
        private java.util.TreeSet<Evidence> evidence;
        private long evidenceTotal;
        private LinkedHashSet<String> citations;

        synchronized void merge(Finding f, int cap) {
            merged++;
            if (merged == 1) {
                base = f;
                severity = f.severity();
                if (f.evidence().size() > cap) {
                    start(f, cap);
                }
                return;
            }
            if (evidence == null) {
                start(base, cap);
            }
            if (BASE_ORDER.compare(f, base) < 0) {
                base = f;
            }
            if (f.severity().ordinal() < severity.ordinal()) {
                severity = f.severity();
            }
            addEvidence(f, cap);
            citations.addAll(f.citations());
        }

        private void start(Finding first, int cap) {
            evidence = new java.util.TreeSet<>(EVIDENCE_ORDER);
            citations = new LinkedHashSet<>(first.citations());
            evidenceTotal = 0;
            addEvidence(first, cap);
        }

        private void addEvidence(Finding f, int cap) {
            for (Evidence e : f.evidence()) {
                if (evidence.add(e)) {
                    evidenceTotal++;
                    if (evidence.size() > cap) {
                        // keep the first pieces in evidence order; memory stays bounded
                        evidence.pollLast();
                    }
                }
            }
        }

        synchronized Finding toFinding() {
            if (base == null) {
                return null;
            }
            if (evidence == null) {
                return base;
            }
            List<Evidence> shown;
            if (merged == 1) {
                // a single finding keeps the order its rule gave
                shown = base.evidence().stream().filter(evidence::contains).toList();
            } else {
                shown = List.copyOf(evidence);
            }
            Map<String, String> m = new LinkedHashMap<>(base.metrics());
            if (evidenceTotal > shown.size()) {
                m.put(EVIDENCE_COUNT, Long.toString(evidenceTotal));
            }
            List<String> cites = new ArrayList<>(base.citations());
            citations.stream().filter(c -> !cites.contains(c)).sorted().forEach(cites::add);
            return new Finding(base.rule(), severity, base.subject(), base.title(), shown, m, cites, base.action());
        }
    }
}
