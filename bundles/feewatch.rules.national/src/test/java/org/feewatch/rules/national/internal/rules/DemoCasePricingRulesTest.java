package org.feewatch.rules.national.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.feewatch.api.Finding;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.Rule;
import org.feewatch.engine.testing.JsonlLoans;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The shared demo case through the pricing rules: their findings (loans and portfolio quarters, with
 * severities) are exactly the expected ones for their codes, and none of them is an info finding.
 */
class DemoCasePricingRulesTest {

    static final Path DEMO = Path.of("/work/shared/examples/demo-case");

    private static final List<Rule> RULES = List.of(new Rate001BenchmarkPricing(), new Rate002LprSpreadMismatch(),
            new Rate003SmallMicroAllInCost(), new Rate004JudicialProtectionLine(),
            new Rate005OnLendingAboveLocalAverage(), new Fee004TiedSelling(), new Fee005CompensatingDeposit());

    @Test
    void demoCaseFindingsOfThePricingRulesAreTheExpectedOnes() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DEMO.resolve("expected.json")),
                "the shared demo case (/work/shared/examples/demo-case) is not on this machine");
        JsonObject caseJson = JsonParser.parseString(Files.readString(DEMO.resolve("case.json"))).getAsJsonObject();
        PricingCase c = new PricingCase();
        c.region = caseJson.get("region").getAsString();
        c.institutionType = caseJson.getAsJsonObject("institution").get("type").getAsString();
        for (JsonElement e : JsonParser.parseString(Files.readString(DEMO.resolve("benchmarks.json"))).getAsJsonObject()
                .getAsJsonArray("onLendingAverages")) {
            JsonObject a = e.getAsJsonObject();
            c.averages.add(new OnLendingAverage(a.get("region").getAsString(), a.get("quarter").getAsString(),
                    a.get("institutionType").getAsString(), new BigDecimal(a.get("rate").getAsString()),
                    "benchmarks.json"));
        }
        List<String> lines = Files.readAllLines(DEMO.resolve("loans.jsonl"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                c.add(JsonlLoans.fromJson(lines.get(i), "loans.jsonl", i + 1));
            }
        }

        Set<String> codes = new TreeSet<>();
        RULES.forEach(r -> codes.add(r.info().code()));
        Set<String> expected = new TreeSet<>();
        for (JsonElement e : JsonParser.parseString(Files.readString(DEMO.resolve("expected.json"))).getAsJsonObject()
                .getAsJsonArray("findings")) {
            JsonObject f = e.getAsJsonObject();
            if (codes.contains(f.get("rule").getAsString())) {
                expected.add(f.get("rule").getAsString() + " " + f.get("subjectType").getAsString() + " "
                        + f.get("subjectId").getAsString() + " " + f.get("severity").getAsString());
            }
        }
        Set<String> actual = new TreeSet<>();
        for (Rule rule : RULES) {
            for (Map.Entry<Subject, Finding> e : c.run(rule).entrySet()) {
                Finding f = e.getValue();
                actual.add(f.rule() + " " + f.subject().type().wireName() + " " + f.subject().id() + " "
                        + f.severity().wireName());
                assertEquals(false, f.severity() == Severity.INFO, () -> "unexpected info finding " + f);
            }
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }
}
