package org.feewatch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

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

    @org.junit.jupiter.api.Test
    void aStreamedReportRenderedWhileTheLoansAreJudgedIsByteForByteTheOneRenderedAtTheEnd() throws Exception {
        Path shared = Shared.folder().orElse(null);
        Assumptions.assumeTrue(shared != null, "the shared folder (tools/genbook.py) is not here");
        Path book;
        try {
            book = GeneratedBooks.generate(shared, LOANS, "jsonl", tmp.resolve("book"));
        } catch (java.io.IOException e) {
            Assumptions.abort("genbook.py could not run (is python3 installed?): " + e.getMessage());
            return;
        }
        // every loan finding streamed; rendered as spilled, and (no renderer) by the writer at the end
        CaseAudit.Result ahead = CaseAudit.run(book, tmp.resolve("ahead"), 2, b -> b.findingsInMemory(0)
                .findingRenderer(org.feewatch.report.JsonReportWriter.findingRenderer()));
        CaseAudit.Result atEnd = CaseAudit.run(book, tmp.resolve("end"), 2, b -> b.findingsInMemory(0)
                .findingRenderer(null));
        assertTrue(ahead.report().findings() instanceof org.feewatch.api.FindingStream);
        assertTrue(((org.feewatch.api.FindingStream) ahead.report().findings()).runs("json").stream()
                .anyMatch(org.feewatch.api.FindingStream.Run::rendered));
        assertEquals(GeneratedBooks.expected(book), GeneratedBooks.loanFindings(ahead.report()));
        assertEquals(withoutGeneratedAt(atEnd.json()), withoutGeneratedAt(ahead.json()));
        // the other formats read the same findings as objects
        assertEquals(java.nio.file.Files.readString(tmp.resolve("end/report.csv")),
                java.nio.file.Files.readString(tmp.resolve("ahead/report.csv")));
    }

    private static List<String> withoutGeneratedAt(Path json) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(json).stream().filter(l -> !l.contains("\"generatedAt\"")).toList();
    }
}
