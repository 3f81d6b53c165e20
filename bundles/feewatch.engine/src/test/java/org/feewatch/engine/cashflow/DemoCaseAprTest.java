package org.feewatch.engine.cashflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.feewatch.api.Loan;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.engine.testing.JsonlLoans;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Every loan of the shared demo case: apr and aprBankOnly as expected.json states them, to 1e-4 pp. */
class DemoCaseAprTest {

    static final Path DEMO = Path.of("/work/shared/examples/demo-case");

    @Test
    void demoCaseAprsMatchExpected() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DEMO.resolve("expected.json")),
                "the shared demo case (/work/shared/examples/demo-case) is not on this machine");
        JsonObject expected = JsonParser.parseString(Files.readString(DEMO.resolve("expected.json")))
                .getAsJsonObject().getAsJsonObject("loans");
        String institution = JsonParser.parseString(Files.readString(DEMO.resolve("case.json"))).getAsJsonObject()
                .getAsJsonObject("institution").get("id").getAsString();
        List<String> lines = Files.readAllLines(DEMO.resolve("loans.jsonl"), StandardCharsets.UTF_8);
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Loan loan = JsonlLoans.fromJson(lines.get(i), "loans.jsonl", i + 1);
            JsonObject want = expected.getAsJsonObject(loan.id());
            assertNotNull(want, loan.id());
            LoanFacts facts = CashFlowLoanAnalyzer.analyze(loan, null, institution, 0.20, null);
            assertEquals(want.get("apr").getAsDouble(), facts.aprAllIn(), 1e-4, loan.id() + " apr");
            assertEquals(want.get("aprBankOnly").getAsDouble(), facts.aprBankOnly(), 1e-4, loan.id() + " bank-only");
            assertEquals(want.get("aprEffective").getAsDouble(), facts.aprAllInEffective(), 1e-4,
                    loan.id() + " effective");
            checked++;
        }
        assertEquals(expected.size(), checked);
    }
}
