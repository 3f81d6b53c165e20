package org.feewatch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.feewatch.api.Report;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Cases written to look like pages feewatch has never seen (old CMS layouts, GBK without a declared
 * charset, section headings for the pricing basis, bilingual headers, rates stated in many ways,
 * partner schedules in several shapes, a missing and an empty schedule), each audited end to end
 * and compared with its {@code expected-findings.txt}: exactly those findings, no more, no fewer.
 */
class UnseenPagesConformanceTest {

    private static final Path OUT = Path.of("target", "conformance", "unseen");

    @TestFactory
    Stream<DynamicTest> eachCaseGivesExactlyItsExpectedFindings() throws IOException, URISyntaxException {
        Path root = Path.of(UnseenPagesConformanceTest.class.getResource("/hardpages").toURI());
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(!cases.isEmpty(), "no cases under " + root);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            CaseAudit.Result r = CaseAudit.run(c, OUT.resolve(c.getFileName().toString()), 2);
            assertEquals(expected(c.resolve("expected-findings.txt")), actual(r.report()),
                    "findings of " + c.getFileName() + " (rule, subject type, subject id)");
            for (var source : r.report().sources()) {
                if (!source.ok()) {
                    assertTrue(source.error() != null && !source.error().isBlank(),
                            "failed source " + source.id() + " has no reason");
                }
            }
        }));
    }

    private static TreeSet<String> expected(Path file) throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                String[] parts = t.split("\\s+", 3);
                lines.add(parts[0] + " " + parts[1] + " " + parts[2]);
            }
        }
        return lines;
    }

    private static TreeSet<String> actual(Report report) {
        TreeSet<String> lines = new TreeSet<>();
        report.findings().forEach(f -> lines.add(f.rule() + " " + f.subject().type().wireName() + " " + f.subject().id()));
        return lines;
    }
}
