package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.feewatch.api.BundledProduct;
import org.feewatch.api.Loan;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shared demo case's two books (loans.jsonl; loans.csv + fees.csv) are the same 60 loans. */
class DemoCaseTest {
    private static final Path DEMO = Path.of("/work/shared/examples/demo-case");

    private static Path demo() {
        Assumptions.assumeTrue(Files.isDirectory(DEMO),
                "the shared demo case (/work/shared/examples/demo-case) is not on this machine");
        return DEMO;
    }

    @Test
    void bothBooksReadToTheSameSixtyLoans() throws IOException {
        Path dir = demo();
        CollectingListener jsonl = Books.readJsonl(dir, ReaderSettings.DEFAULTS);
        CollectingListener csv = Books.readCsv(dir, ReaderSettings.DEFAULTS);
        assertEquals(60, jsonl.loans().size());
        assertEquals(60, csv.loans().size());
        assertTrue(jsonl.rejected().isEmpty(), jsonl.rejections().toString());
        assertTrue(csv.rejected().isEmpty(), csv.rejections().toString());
        assertTrue(jsonl.warnings().isEmpty(), jsonl.warningTexts().toString());
        assertTrue(csv.warnings().isEmpty(), csv.warningTexts().toString());
        for (int i = 0; i < 60; i++) {
            Loan a = jsonl.loans().get(i);
            Loan b = csv.loans().get(i);
            // fees.csv has no "mandatory" column: voluntary bundled products are in loans.jsonl only
            List<BundledProduct> tied = a.bundled().stream().filter(BundledProduct::mandatory)
                    .map(p -> new BundledProduct(null, p.name(), p.premium(), true)).collect(Collectors.toList());
            // loans.csv has no multiplier column for benchmark-rate loans
            Loan expected = new Loan(a.id(), a.borrower(), a.product(), a.channel(), a.principal(),
                    a.contractDate(), a.maturityDate(),
                    new org.feewatch.api.RateTerms(a.rate().type(), a.rate().tenor(), a.rate().spreadBp(),
                            a.rate().nominal(), null),
                    a.repayment(), a.onLending(), a.compensatingDeposit(), tied, a.fees(), "loans.csv", i + 2);
            assertEquals(expected, b, "loan " + a.id());
        }
        long voluntary = jsonl.loans().stream().flatMap(l -> l.bundled().stream()).filter(p -> !p.mandatory())
                .count();
        assertEquals(1, voluntary, "the demo documents exactly one voluntary bundled product");
    }
}
