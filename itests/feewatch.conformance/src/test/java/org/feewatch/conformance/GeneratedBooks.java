package org.feewatch.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.feewatch.api.Finding;
import org.feewatch.api.Report;
import org.feewatch.api.Severity;
import org.feewatch.api.SubjectType;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Books written by the shared genbook.py, and the loan findings they are known to produce. */
final class GeneratedBooks {

    private GeneratedBooks() {
    }

    /** Runs genbook.py; throws when python3 or the script cannot run. */
    static Path generate(Path shared, long loans, String format, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", shared.resolve("tools/genbook.py").toString(), "--loans",
                Long.toString(loans), "--seed", "42", "--format", format, "--out", out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("genbook.py failed: " + output);
        }
        return out;
    }

    /** expected-counts.json's findings per rule. */
    static Map<String, Integer> expected(Path book) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(book.resolve("expected-counts.json"))).getAsJsonObject();
        Map<String, Integer> counts = new TreeMap<>();
        for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("findings").entrySet()) {
            counts.put(e.getKey(), e.getValue().getAsInt());
        }
        return counts;
    }

    /** The report's loan findings per rule (info findings are rules that could not judge: not counted). */
    static Map<String, Integer> loanFindings(Report report) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Finding f : report.findings()) {
            if (f.subject().type() == SubjectType.LOAN && f.severity() != Severity.INFO) {
                counts.merge(f.rule(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
