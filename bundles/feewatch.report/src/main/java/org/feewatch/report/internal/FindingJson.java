package org.feewatch.report.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;

import org.feewatch.api.Action;
import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.SubjectType;

/**
 * Writes findings as elements of the report's findings array, exactly the bytes {@link PrettyJson}
 * writes for them member by member (two-space indent, the array inside the document's object),
 * but with what lies between a finding's values as a few constant runs of bytes: the line breaks,
 * indents, names and punctuation of a finding are the same for every finding, and the part
 * before its subject id (rule code, severity, subject type) and the part after its metrics
 * (citations and action) the same for every finding of a rule. A report writes hundreds of
 * thousands of findings, and the member-by-member path costs a call per bracket and name.
 * Holds caches: one per writing thread.
 */
public final class FindingJson {

    /** The depth of the findings array: inside the document's object. */
    public static final int DEPTH = 2;

    private static final byte[] AFTER_ID = ascii("\n      },\n      \"title\": ");
    private static final byte[] EVIDENCE = ascii(",\n      \"evidence\": [");
    private static final byte[] FIRST_SOURCE = ascii("\n        {\n          \"source\": ");
    private static final byte[] NEXT_SOURCE = ascii(",\n        {\n          \"source\": ");
    private static final byte[] LOCATOR = ascii(",\n          \"locator\": ");
    private static final byte[] TEXT = ascii(",\n          \"text\": ");
    private static final byte[] SHA256 = ascii(",\n          \"sha256\": ");
    private static final byte[] EVIDENCE_END = ascii("\n        }");
    private static final byte[] NONE_END = ascii("]");
    private static final byte[] EVIDENCE_LIST_END = ascii("\n      ]");
    private static final byte[] METRICS = ascii(",\n      \"metrics\": {");
    private static final byte[] FIRST_MEMBER = ascii("\n        ");
    private static final byte[] NEXT_MEMBER = ascii(",\n        ");
    private static final byte[] NAME_SEPARATOR = ascii(": ");
    private static final byte[] NO_METRICS_END = ascii("}");
    private static final byte[] METRICS_END = ascii("\n      }");

    private static final int KEPT_RULES = 32;

    private final PrettyJson j;
    /** The bytes of each rule seen lately, found by the identity of the finding's rule code. */
    private final RuleBytes[] rules = new RuleBytes[KEPT_RULES];
    private int nextRule;
    private IOException metricFailure;
    private boolean firstMetric;
    private final BiConsumer<String, String> writeMetric = this::writeMetric;

    /** Writes into {@code j}, whose innermost open scope must be the findings array at {@link #DEPTH}. */
    public FindingJson(PrettyJson j) {
        this.j = j;
    }

    /** What comes before a finding's subject id and after its metrics, for one rule's findings. */
    private static final class RuleBytes {
        String rule;
        Severity severity;
        SubjectType type;
        /** From the line break before the object to the subject id's name separator. */
        byte[] head;
        List<String> citations;
        Action action;
        /** From the citations' name to the end of the object. */
        byte[] tail;
    }

    /** Writes {@code f} as the array's next element. */
    public void write(Finding f) throws IOException {
        if (j.depth() != DEPTH) {
            throw new IllegalStateException("findings written at depth " + j.depth() + ", not " + DEPTH);
        }
        RuleBytes r = ruleBytes(f);
        j.beginRawElement();
        j.bytes(r.head);
        j.stringOrNull(f.subject().id());
        j.bytes(AFTER_ID);
        j.stringOrNull(f.title());
        j.bytes(EVIDENCE);
        List<Evidence> evidence = f.evidence();
        int ne = evidence.size();
        for (int i = 0; i < ne; i++) {
            Evidence e = evidence.get(i);
            j.bytes(i == 0 ? FIRST_SOURCE : NEXT_SOURCE);
            j.recurringString(e.source());
            if (e.locator() != null) {
                j.bytes(LOCATOR);
                j.stringOrNull(e.locator());
            }
            j.bytes(TEXT);
            j.stringOrNull(e.text());
            if (e.sha256() != null) {
                j.bytes(SHA256);
                j.recurringString(e.sha256());
            }
            j.bytes(EVIDENCE_END);
        }
        j.bytes(ne == 0 ? NONE_END : EVIDENCE_LIST_END);
        j.bytes(METRICS);
        if (f.metrics().isEmpty()) {
            j.bytes(NO_METRICS_END);
        } else {
            // forEach walks the metrics without the iterator and entry objects of the unmodifiable entry set
            firstMetric = true;
            metricFailure = null;
            f.metrics().forEach(writeMetric);
            if (metricFailure != null) {
                throw metricFailure;
            }
            j.bytes(METRICS_END);
        }
        j.bytes(r.tail);
    }

    private void writeMetric(String name, String value) {
        if (metricFailure == null) {
            try {
                j.bytes(firstMetric ? FIRST_MEMBER : NEXT_MEMBER);
                firstMetric = false;
                // a metric without a name fails, as PrettyJson.name fails
                j.recurringString(java.util.Objects.requireNonNull(name, "a metric without a name"));
                j.bytes(NAME_SEPARATOR);
                j.stringOrNull(value);
            } catch (IOException e) {
                metricFailure = e;
            }
        }
    }

    private RuleBytes ruleBytes(Finding f) throws IOException {
        String rule = f.rule();
        // the same code object for all of a rule's findings: looked up by identity, then by value
        RuleBytes found = null;
        for (RuleBytes r : rules) {
            if (r == null) {
                break;
            }
            if (r.rule == rule) {
                found = r;
                break;
            }
        }
        if (found == null) {
            for (RuleBytes r : rules) {
                if (r == null) {
                    break;
                }
                if (r.rule != null && r.rule.equals(rule)) {
                    found = r;
                    break;
                }
            }
        }
        if (found == null) {
            found = new RuleBytes();
            found.rule = rule;
            rules[nextRule] = found;
            nextRule = (nextRule + 1) % KEPT_RULES;
        }
        if (found.head == null || found.severity != f.severity() || found.type != f.subject().type()) {
            found.severity = f.severity();
            found.type = f.subject().type();
            found.head = head(rule, found.severity, found.type);
        }
        if (found.tail == null || found.action != f.action()
                || found.citations != f.citations() && !found.citations.equals(f.citations())) {
            found.citations = f.citations();
            found.action = f.action();
            found.tail = tail(found.citations, found.action);
        }
        return found;
    }

    private static byte[] head(String rule, Severity severity, SubjectType type) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        PrettyJson h = PrettyJson.arrayElements(b, DEPTH, true);
        h.beginObject();
        h.name("rule").value(rule);
        h.name("severity").value(severity.wireName());
        h.name("subject").beginObject();
        h.name("type").value(type.wireName());
        h.name("id");
        h.flush();
        return b.toByteArray();
    }

    private static byte[] tail(List<String> citations, Action action) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        PrettyJson t = PrettyJson.objectMembers(b, DEPTH + 1);
        t.name("citations").beginArray();
        for (String c : citations) {
            t.value(c);
        }
        t.endArray();
        // an action that is not there fails here, as the member-by-member path fails
        t.name("action").value(action.wireName());
        t.endObject();
        t.flush();
        return b.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

}
