package org.feewatch.report.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.feewatch.api.Action;
import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.SubjectType;
import org.junit.jupiter.api.Test;

import com.google.gson.stream.JsonWriter;

class FindingJsonTest {

    private static final String TRICKY = "引号\" 反斜杠\\ tab\t nl\n \u0001 \u2028\u2029 𠀋 lone \ud800 </script>";

    @Test
    void findingsAreTheBytesGsonWritesMemberByMember() throws IOException {
        List<Finding> findings = findings(new Random(42), 2_000);
        ByteArrayOutputStream gsonBytes = new ByteArrayOutputStream();
        OutputStreamWriter gsonText = new OutputStreamWriter(gsonBytes, StandardCharsets.UTF_8);
        JsonWriter g = new JsonWriter(gsonText);
        g.setIndent("  ");
        g.setHtmlSafe(false);
        g.beginObject();
        g.name("findings").beginArray();
        for (Finding f : findings) {
            memberByMember(g, f);
        }
        g.endArray();
        g.endObject();
        g.flush();

        ByteArrayOutputStream mineBytes = new ByteArrayOutputStream();
        // a small buffer: strings and constant runs are cut at its end
        PrettyJson m = new PrettyJson(mineBytes, 64);
        m.beginObject();
        m.name("findings").beginArray();
        FindingJson writer = new FindingJson(m);
        for (Finding f : findings) {
            writer.write(f);
        }
        m.endArray();
        m.endObject();
        m.flush();

        assertEquals(gsonBytes.toString(StandardCharsets.UTF_8), mineBytes.toString(StandardCharsets.UTF_8));
        assertArrayEquals(gsonBytes.toByteArray(), mineBytes.toByteArray());
    }

    @Test
    void aFindingWithoutAnActionOrWithAMetricWithoutANameFailsAsTheMemberByMemberWriterFails() throws IOException {
        PrettyJson m = new PrettyJson(new ByteArrayOutputStream());
        m.beginObject();
        m.name("findings").beginArray();
        FindingJson writer = new FindingJson(m);
        Finding f = findings(new Random(1), 1).get(0);
        assertThrows(NullPointerException.class, () -> writer.write(new Finding(f.rule(), f.severity(), f.subject(),
                f.title(), f.evidence(), f.metrics(), f.citations(), null)));
        Map<String, String> unnamed = new LinkedHashMap<>();
        unnamed.put(null, "1");
        assertThrows(NullPointerException.class, () -> new FindingJson(m).write(new Finding(f.rule(), f.severity(),
                f.subject(), f.title(), f.evidence(), unnamed, f.citations(), f.action())));
    }

    @Test
    void findingsAreWrittenOnlyAsElementsOfTheFindingsArray() throws IOException {
        PrettyJson m = new PrettyJson(new ByteArrayOutputStream());
        m.beginObject();
        FindingJson writer = new FindingJson(m);
        Finding f = findings(new Random(1), 1).get(0);
        assertThrows(IllegalStateException.class, () -> writer.write(f));
    }

    /** As the JSON report writer wrote a finding before FindingJson, name by name and value by value. */
    private static void memberByMember(JsonWriter j, Finding f) throws IOException {
        j.beginObject();
        j.name("rule").value(f.rule());
        j.name("severity").value(f.severity().wireName());
        j.name("subject").beginObject();
        j.name("type").value(f.subject().type().wireName());
        j.name("id").value(f.subject().id());
        j.endObject();
        j.name("title").value(f.title());
        j.name("evidence").beginArray();
        for (Evidence e : f.evidence()) {
            j.beginObject();
            j.name("source").value(e.source());
            if (e.locator() != null) {
                j.name("locator").value(e.locator());
            }
            j.name("text").value(e.text());
            if (e.sha256() != null) {
                j.name("sha256").value(e.sha256());
            }
            j.endObject();
        }
        j.endArray();
        j.name("metrics").beginObject();
        for (Map.Entry<String, String> m : f.metrics().entrySet()) {
            j.name(m.getKey()).value(m.getValue());
        }
        j.endObject();
        j.name("citations").beginArray();
        for (String c : f.citations()) {
            j.value(c);
        }
        j.endArray();
        j.name("action").value(f.action().wireName());
        j.endObject();
    }

    /**
     * Findings of a few rules in turn, their code objects shared or copies, a rule's severity,
     * subject type, citations and action changing now and then, with empty and absent parts and
     * strings JSON escapes.
     */
    private static List<Finding> findings(Random random, int n) {
        String[] codes = {"DISC-001", "FEE-001", "RATE-003"};
        List<String> citations = List.of("银保监办发〔2023〕42号 第三条", "法发〔2017〕22号（24%）");
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = codes[random.nextInt(codes.length)];
            if (random.nextInt(10) == 0) {
                code = new String(code.toCharArray());
            }
            Severity severity = random.nextInt(8) == 0 ? Severity.values()[random.nextInt(5)] : Severity.HIGH;
            SubjectType type = random.nextInt(8) == 0 ? SubjectType.values()[random.nextInt(SubjectType.values().length)]
                    : SubjectType.LOAN;
            List<String> cited = switch (random.nextInt(12)) {
                case 0 -> List.of();
                case 1 -> List.of("c" + i);
                case 2 -> List.of(TRICKY);
                case 3 -> new ArrayList<>(citations);
                default -> citations;
            };
            Action action = random.nextInt(10) == 0 ? Action.values()[random.nextInt(Action.values().length)]
                    : Action.REFUND;
            List<Evidence> evidence = new ArrayList<>();
            for (int e = random.nextInt(4); e > 0; e--) {
                evidence.add(new Evidence(random.nextInt(9) == 0 ? null : "loans.jsonl",
                        random.nextBoolean() ? null : "line " + i,
                        random.nextInt(5) == 0 ? TRICKY : "贷款 L" + i + " 费用 " + "x".repeat(random.nextInt(120)),
                        random.nextInt(3) == 0 ? "ab".repeat(32) : null));
            }
            Map<String, String> metrics = new LinkedHashMap<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                metrics.put(k == 1 && random.nextInt(6) == 0 ? TRICKY : "m" + k,
                        random.nextInt(7) == 0 ? null : k + "." + i);
            }
            String title = switch (random.nextInt(10)) {
                case 0 -> null;
                case 1 -> TRICKY;
                case 2 -> "";
                default -> "Fee not in the published price catalogue charged on loan L" + i + ": 资金管理费";
            };
            out.add(new Finding(code, severity, new Subject(type, "L" + i), title, evidence, metrics, cited,
                    action));
        }
        return out;
    }
}
