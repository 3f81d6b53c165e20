package org.feewatch.engine.vetting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import org.feewatch.api.Evidence;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Finding;
import org.feewatch.api.Partner;
import org.feewatch.engine.vetting.VettingReport.Schedule;
import org.feewatch.engine.vetting.VettingReport.VettedPartner;

import com.google.gson.stream.JsonWriter;

/**
 * The vetting as JSON ({@value VettingReport#SCHEMA}). Partners carry the same id, status, verdict
 * and rules as the report's {@code partners[]}, plus the reason, their schedules and their findings
 * in the report's finding format.
 */
public final class VettingJson {

    private VettingJson() {
    }

    public static String render(VettingReport report) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = new JsonWriter(out)) {
            w.setIndent("  ");
            w.setHtmlSafe(false);
            w.beginObject();
            w.name("schema").value(VettingReport.SCHEMA);
            w.name("generatedAt").value(report.generatedAt() == null ? null : report.generatedAt().toString());
            var c = report.caseInfo();
            w.name("case").beginObject().name("institution").value(c.institutionId()).name("region").value(c.region())
                    .name("asOf").value(c.asOf() == null ? null : c.asOf().toString()).endObject();
            w.name("partners").beginArray();
            for (VettedPartner v : report.partners()) {
                partner(w, v);
            }
            w.endArray();
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString() + "\n";
    }

    private static void partner(JsonWriter w, VettedPartner v) throws IOException {
        Partner p = v.partner();
        w.beginObject();
        w.name("id").value(p.id());
        w.name("name").value(p.name());
        w.name("type").value(p.type() == null ? null : p.type().wireName());
        w.name("status").value(p.status().wireName());
        w.name("governmentBacked").value(p.governmentBacked());
        w.name("verdict").value(v.verdict().wireName());
        w.name("rules").beginArray();
        for (String r : v.rules()) {
            w.value(r);
        }
        w.endArray();
        w.name("reason").value(v.reason());
        w.name("schedules").beginArray();
        for (Schedule s : v.schedules()) {
            w.beginObject();
            w.name("id").value(s.sourceId());
            w.name("location").value(s.location());
            w.name("status").value(s.read() ? "ok" : "failed");
            if (s.sha256() != null) {
                w.name("sha256").value(s.sha256());
            }
            if (!s.read()) {
                w.name("error").value(s.error());
            }
            w.name("items").beginArray();
            for (FeeItem item : s.items()) {
                w.beginObject().name("name").value(item.name()).name("category").value(item.category())
                        .name("price").value(item.priceText()).name("locator").value(item.locator()).endObject();
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.name("findings").beginArray();
        for (Finding f : v.findings()) {
            finding(w, f);
        }
        w.endArray();
        w.endObject();
    }

    private static void finding(JsonWriter w, Finding f) throws IOException {
        w.beginObject();
        w.name("rule").value(f.rule());
        w.name("severity").value(f.severity().wireName());
        w.name("subject").beginObject().name("type").value(f.subject().type().wireName()).name("id")
                .value(f.subject().id()).endObject();
        w.name("title").value(f.title());
        w.name("evidence").beginArray();
        for (Evidence e : f.evidence()) {
            w.beginObject().name("source").value(e.source()).name("locator").value(e.locator()).name("text")
                    .value(e.text());
            if (e.sha256() != null) {
                w.name("sha256").value(e.sha256());
            }
            w.endObject();
        }
        w.endArray();
        w.name("metrics").beginObject();
        for (Map.Entry<String, String> m : f.metrics().entrySet()) {
            w.name(m.getKey()).value(m.getValue());
        }
        w.endObject();
        w.name("citations").beginArray();
        for (String c : f.citations()) {
            w.value(c);
        }
        w.endArray();
        w.name("action").value(f.action() == null ? null : f.action().wireName());
        w.endObject();
    }
}
