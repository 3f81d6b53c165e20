package org.feewatch.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.feewatch.api.InputIssue;
import org.feewatch.api.spi.LoanBookListener;
import org.feewatch.api.spi.LoanBookReader;
import org.feewatch.core.UnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which loan book a case folder has (CASE-FORMAT.md: only the listed problems stop an audit). */
class CaseAuditLoanBookTest {

    @TempDir
    Path dir;

    /** A reader as the installed ones find their book: a regular file of that name. */
    private static LoanBookReader reader(String format, String file) {
        return new LoanBookReader() {
            @Override
            public String format() {
                return format;
            }

            @Override
            public Path bookFile(Path caseDir) {
                Path p = caseDir.resolve(file);
                return Files.isRegularFile(p) ? p : null;
            }

            @Override
            public void read(Path caseDir, LoanBookListener listener) {
            }
        };
    }

    private CaseAudit audit(List<LoanBookReader> readers) {
        return new CaseAudit(new CaseAudit.Plugins(List.of(), List.of(), readers, null, null), null, BigDecimal.ZERO,
                "test");
    }

    @Test
    void aFolderNamedLoansJsonlIsAWarningNotAFatalError() throws Exception {
        // unseen case c34-book-is-folder: this stopped the audit with "no loan-book reader ... is installed"
        Files.createDirectories(dir.resolve("loans.jsonl"));
        List<InputIssue> warnings = new ArrayList<>();
        assertNull(audit(List.of(reader("jsonl", "loans.jsonl"), reader("csv", "loans.csv"))).loanBook(dir, warnings));
        assertEquals(List.of(InputIssue.of("loans.jsonl",
                "not a file (a folder or other entry has its name): no loan book was read")), warnings);
    }

    @Test
    void aBookWithoutItsReaderStillStopsTheAudit() throws Exception {
        Files.writeString(dir.resolve("loans.csv"), "id\n");
        List<InputIssue> warnings = new ArrayList<>();
        UnavailableException e = assertThrows(UnavailableException.class,
                () -> audit(List.of(reader("jsonl", "loans.jsonl"))).loanBook(dir, warnings));
        assertEquals("the case has loans.csv but no loan-book reader for it is installed", e.getMessage());
    }
}
