package org.feewatch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The shared demo case through the whole pipeline (case reader → fetcher and extractors → loan
 * book → engine with the national pack → JSON report and detail CSV), scored by the shared
 * check-case.py against expected.json. Outputs stay in target/conformance/ for a look.
 */
class DemoCaseConformanceTest {

    private static Path shared;
    private static Path demo;
    private static final Path OUT = Path.of("target", "conformance");

    @BeforeAll
    static void findSharedFolder() {
        shared = Shared.folder().orElse(null);
        Assumptions.assumeTrue(shared != null,
                "the shared folder (examples/demo-case, tools/check-case.py) is not here: a user's clone has none");
        demo = shared.resolve("examples/demo-case");
    }

    private static String check(CaseAudit.Result r) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("python3", shared.resolve("tools/check-case.py").toString(),
                    demo.resolve("expected.json").toString(), r.json().toString(), r.detail().toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not installed: check-case.py cannot score the report");
            throw e;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(2, TimeUnit.MINUTES);
        System.out.println(output);
        assertEquals(0, p.exitValue(), "check-case.py found differences:\n" + output);
        return output;
    }

    @Test
    void theJsonlBookGivesTheExpectedFindingsVerdictsAndAprs() throws Exception {
        CaseAudit.Result r = CaseAudit.run(demo, OUT.resolve("jsonl"), 2);
        assertEquals(List.of(), ReportSchema.errors(r.json()));
        assertEquals("national 1.0.0", r.report().plugins().get(0));
        assertEquals(List.of(), r.report().findings().stream()
                .filter(f -> f.severity() == org.feewatch.api.Severity.INFO).toList(),
                "no rule of the demo case may fail or lack data");
        check(r);
    }

    @Test
    void theCsvBookGivesTheSameResult() throws Exception {
        Path copy = OUT.resolve("demo-csv-case");
        copyCase(demo, copy);
        Files.delete(copy.resolve("loans.jsonl"));
        Files.delete(copy.resolve("expected.json"));
        CaseAudit.Result r = CaseAudit.run(copy, OUT.resolve("csv"), 2);
        check(r);
    }

    @Test
    void theReportIsTheSameWhateverTheNumberOfThreads() throws Exception {
        CaseAudit.Result one = CaseAudit.run(demo, OUT.resolve("threads-1"), 1);
        CaseAudit.Result four = CaseAudit.run(demo, OUT.resolve("threads-4"), 4);
        assertEquals(withoutTime(one.json()), withoutTime(four.json()));
        assertEquals(Files.readString(one.detail()), Files.readString(four.detail()));
    }

    private static JsonObject withoutTime(Path json) throws IOException {
        JsonObject o = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        o.remove("generatedAt");
        return o;
    }

    private static void copyCase(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> s = Files.walk(to)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
