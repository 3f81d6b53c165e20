package org.feewatch.rules.national.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.feewatch.api.Disclosure;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Snapshot;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.spi.DisclosureExtractor;
import org.feewatch.api.spi.Rule;
import org.feewatch.disclosure.internal.extract.ExtractionLimits;
import org.feewatch.disclosure.internal.extract.ProductPageExtractor;
import org.feewatch.disclosure.internal.extract.TableCatalogueExtractor;
import org.feewatch.engine.testing.JsonlLoans;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The shared demo case through the disclosure and fee rules (DISC-001 … DISC-004, FEE-001 …
 * FEE-003): its pages read by the real extractors, its loan book line by line; the findings of these
 * codes are exactly the expected ones (rule, subject, severity), none of them is an info finding,
 * and the product APR is the expected figure.
 */
class DemoCaseDisclosureRulesTest {

    static final Path DEMO = Path.of("/work/shared/examples/demo-case");

    private static final List<Rule> RULES = List.of(new Disc001UndisclosedFee(), new Disc002IncompleteCatalogueItem(),
            new Disc003NoAnnualRate(), new Disc004UnderstatedApr(), new Fee001ProhibitedFee(), new Fee002ShiftedCost(),
            new Fee003AbovePublishedPrice());

    private static BankCase demo;
    private static JsonObject expected;

    @BeforeAll
    static void readDemo() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DEMO.resolve("expected.json")),
                "the shared demo case (/work/shared/examples/demo-case) is not on this machine");
        expected = JsonParser.parseString(Files.readString(DEMO.resolve("expected.json"))).getAsJsonObject();
        demo = new BankCase();
        JsonObject caseJson = JsonParser.parseString(Files.readString(DEMO.resolve("case.json"))).getAsJsonObject();
        demo.institution = caseJson.getAsJsonObject("institution").get("id").getAsString();
        DisclosureExtractor catalogues = new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, BankCase.DICTIONARY);
        DisclosureExtractor products = new ProductPageExtractor(ExtractionLimits.DEFAULTS, BankCase.DICTIONARY);
        for (JsonElement e : JsonParser.parseString(Files.readString(DEMO.resolve("sources.json"))).getAsJsonArray()) {
            JsonObject s = e.getAsJsonObject();
            SourceRef ref = new SourceRef(s.get("id").getAsString(), s.get("owner").getAsString(),
                    SourceKind.fromWire(s.get("kind").getAsString()), null, s.get("file").getAsString(), null);
            byte[] body = Files.readAllBytes(DEMO.resolve(ref.file()));
            Snapshot snapshot = new Snapshot(ref.id(), ref.file(), sha256(body), "text/html", "UTF-8", "meta",
                    Instant.parse("2023-12-31T00:00:00Z"), body, new String(body, StandardCharsets.UTF_8));
            DisclosureExtractor extractor = ref.kind() == SourceKind.PRODUCT_PAGE ? products : catalogues;
            Disclosure d = extractor.extract(ref, snapshot);
            demo.sources.add(ref);
            demo.disclosures.add(d);
            demo.statuses.add(SourceStatus.ok(ref.id(), snapshot.sha256(), d.items().size()));
        }
        List<String> lines = Files.readAllLines(DEMO.resolve("loans.jsonl"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                demo.loan(JsonlLoans.fromJson(lines.get(i), "loans.jsonl", i + 1));
            }
        }
    }

    @Test
    void findingsOfTheDisclosureAndFeeRulesAreTheExpectedOnes() {
        Set<String> codes = new TreeSet<>();
        RULES.forEach(r -> codes.add(r.info().code()));
        Set<String> wanted = new TreeSet<>();
        for (JsonElement e : expected.getAsJsonArray("findings")) {
            JsonObject f = e.getAsJsonObject();
            if (codes.contains(f.get("rule").getAsString())) {
                wanted.add(f.get("rule").getAsString() + " " + f.get("subjectType").getAsString() + " "
                        + f.get("subjectId").getAsString() + " " + f.get("severity").getAsString());
            }
        }
        Set<String> actual = new TreeSet<>();
        for (Rule rule : RULES) {
            for (Finding f : demo.run(rule)) {
                assertTrue(f.severity() != Severity.INFO, () -> "unexpected info finding " + f);
                assertTrue(!f.evidence().isEmpty(), () -> "finding without evidence " + f);
                f.metrics().forEach((k, v) -> assertTrue(v.matches("-?\\d+(\\.\\d+)?"),
                        () -> "metric " + k + " of " + f.rule() + " is not a decimal string: " + v));
                actual.add(f.rule() + " " + f.subject().type().wireName() + " " + f.subject().id() + " "
                        + f.severity().wireName());
            }
        }
        assertEquals(String.join("\n", wanted), String.join("\n", actual));
    }

    @Test
    void theProductAprIsTheExpectedFigure() {
        Finding f = demo.run(new Disc004UnderstatedApr()).get(0);
        double computed = expected.getAsJsonObject("products").getAsJsonObject("prod-puhui").get("computedApr")
                .getAsDouble();
        assertEquals(computed, Double.parseDouble(f.metrics().get("computedApr")), 1e-7);
    }

    @Test
    void pageEvidenceCarriesTheSnapshotHash() {
        for (Finding f : demo.run(new Disc002IncompleteCatalogueItem())) {
            assertEquals(64, f.evidence().get(0).sha256().length(), f.toString());
            assertTrue(f.evidence().get(0).locator() != null && !f.evidence().get(0).locator().isBlank());
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
