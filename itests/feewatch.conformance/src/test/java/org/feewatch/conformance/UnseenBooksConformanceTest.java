package org.feewatch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.feewatch.api.InputIssue;
import org.feewatch.api.Report;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Loan books written the way banks export them and the first corpus did not cover (month ends, LPR
 * fixing days, deposits and bundles, a Chinese-header CSV export, Excel for Mac, UTF-16; a second round:
 * units in headers, other column orders, dates and amounts in export forms, fee rows in any order and
 * number, JSON key orders, nulls and escapes, line forms, one-loan books, weekend fixings, one-month, 0 %
 * and 30-year terms, deposits near the principal), each audited end to end and compared with its
 * {@code expected.txt}, worked out by hand from CASE-FORMAT.md and the RULES.md cash-flow model (the
 * second round's APRs with a separate calculation of that model, not the product's:
 * {@code itests/feewatch.conformance/unseenbooks-apr.py}):
 * <ul>
 * <li>{@code counts READ ACCEPTED REJECTED};</li>
 * <li>{@code reject FILE LINE TEXT}: exactly these lines are rejected, each reason containing TEXT;</li>
 * <li>{@code warn FILE LINE|- TEXT}: such a warning is among the report's warnings;</li>
 * <li>{@code detail ID LPR APR BANK_ONLY RULES}: exactly these --detail rows; APRs to 1e-6 percentage
 * points, {@code -} for an empty cell;</li>
 * <li>{@code finding RULE TYPE ID SEVERITY}: exactly these findings.</li>
 * </ul>
 */
class UnseenBooksConformanceTest {

    private static final Path OUT = Path.of("target", "conformance", "unseenbooks");

    @TestFactory
    Stream<DynamicTest> eachBookGivesWhatItsExpectedFileSays() throws IOException, URISyntaxException {
        Path root = Path.of(UnseenBooksConformanceTest.class.getResource("/unseenbooks").toURI());
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(!cases.isEmpty(), "no cases under " + root);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
    }

    private static void check(Path dir) throws Exception {
        String name = dir.getFileName().toString();
        CaseAudit.Result result = CaseAudit.run(dir, OUT.resolve(name), 2);
        Report r = result.report();
        TreeSet<String> expectedRejects = new TreeSet<>();
        TreeSet<String> expectedFindings = new TreeSet<>();
        Map<String, String[]> expectedDetail = new TreeMap<>();
        Map<String, String> rejects = new TreeMap<>();
        for (InputIssue e : r.loans().errors()) {
            rejects.put(e.file() + " " + e.line(), e.message());
        }
        for (String raw : Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split(" ", 4);
            switch (p[0]) {
                case "counts" -> assertEquals(p[1] + " " + p[2] + " " + p[3].strip(),
                        r.loans().read() + " " + r.loans().accepted() + " " + r.loans().rejected(),
                        name + ": read accepted rejected");
                case "reject" -> {
                    String key = p[1] + " " + p[2];
                    expectedRejects.add(key);
                    String message = rejects.get(key);
                    assertTrue(message != null && message.contains(p[3]),
                            name + ": " + key + " should be rejected with \"" + p[3] + "\", got " + message);
                }
                case "warn" -> {
                    Long at = p[2].equals("-") ? null : Long.valueOf(p[2]);
                    assertTrue(r.warnings().stream().anyMatch(w -> p[1].equals(w.file())
                            && java.util.Objects.equals(at, w.line()) && w.message().contains(p[3])),
                            name + ": no warning " + p[1] + ":" + p[2] + " \"" + p[3] + "\" in " + r.warnings());
                }
                case "detail" -> {
                    String[] d = line.split(" ");
                    expectedDetail.put(d[1], d);
                }
                case "finding" -> expectedFindings.add(p[1] + " " + p[2] + " " + p[3]);
                default -> throw new AssertionError(name + ": unknown expectation " + line);
            }
        }
        assertEquals(expectedRejects, new TreeSet<>(rejects.keySet()), name + ": rejected lines");
        TreeSet<String> findings = new TreeSet<>();
        r.findings().forEach(f -> findings.add(f.rule() + " " + f.subject().type().wireName() + " " + f.subject().id()
                + " " + f.severity().name().toLowerCase(java.util.Locale.ROOT)));
        assertEquals(expectedFindings, findings, name + ": findings (rule, subject type, id, severity)");

        List<String> rows = Files.readAllLines(result.detail(), StandardCharsets.UTF_8);
        assertEquals("id,lpr_1y,nominal_rate,apr,apr_effective,apr_bank_only,rules", rows.get(0));
        List<String> ids = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",", -1);
            ids.add(c[0]);
            String[] want = expectedDetail.get(c[0]);
            if (want == null) {
                continue;
            }
            assertEquals(dash(want[2]), c[1], name + ": lpr_1y of " + c[0]);
            assertApr(want[3], c[3], name + ": apr of " + c[0]);
            assertApr(want[4], c[5], name + ": apr_bank_only of " + c[0]);
            assertEquals(dash(want[5]), c[6], name + ": rules of " + c[0]);
        }
        assertEquals(new TreeSet<>(expectedDetail.keySet()), new TreeSet<>(ids), name + ": detail rows");
    }

    private static String dash(String s) {
        return s.equals("-") ? "" : s;
    }

    private static void assertApr(String expected, String actual, String what) {
        if (expected.equals("-")) {
            assertEquals("", actual, what);
        } else {
            assertTrue(!actual.isEmpty(), what + " is empty");
            assertEquals(Double.parseDouble(expected), Double.parseDouble(actual), 1e-6, what);
        }
    }
}
