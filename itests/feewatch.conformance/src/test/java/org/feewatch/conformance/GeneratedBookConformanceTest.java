package org.feewatch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.feewatch.api.PartnerVerdict;
import org.feewatch.api.Verdict;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small book from the shared genbook.py, in both formats, through the real pipeline: the loan
 * findings per rule are exactly genbook's computed counts, nothing is rejected, P01 is approved.
 */
class GeneratedBookConformanceTest {

    private static final long LOANS = 3_000;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "csv"})
    void findingCountsAreGenbooksCounts(String format) throws Exception {
        Path shared = Shared.folder().orElse(null);
        Assumptions.assumeTrue(shared != null, "the shared folder (tools/genbook.py) is not here");
        Path book;
        try {
            book = GeneratedBooks.generate(shared, LOANS, format, tmp.resolve("book"));
        } catch (java.io.IOException e) {
            Assumptions.abort("genbook.py could not run (is python3 installed?): " + e.getMessage());
            return;
        }
        CaseAudit.Result r = CaseAudit.run(book, tmp.resolve("out"), 2);
        assertEquals(LOANS, r.report().loans().accepted());
        assertEquals(0, r.report().loans().rejected(), r.report().loans().errors().toString());
        assertEquals(GeneratedBooks.expected(book), GeneratedBooks.loanFindings(r.report()));
        for (PartnerVerdict v : r.report().partners()) {
            assertEquals(Verdict.APPROVE, v.verdict(), v.toString());
        }
    }
}
