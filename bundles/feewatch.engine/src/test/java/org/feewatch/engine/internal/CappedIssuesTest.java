package org.feewatch.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.feewatch.api.InputIssue;
import org.junit.jupiter.api.Test;

class CappedIssuesTest {

    @Test
    void theSameIssueTwiceIsListedOnceAndNotCountedAsNotListed() {
        // a CSV header with three empty column names once gave three equal warnings, one listed and
        // "2 more loan book warnings are not listed" under it
        CappedIssues issues = new CappedIssues(1000);
        InputIssue unknown = InputIssue.at("loans.csv", 1, "unknown column \"x\" ignored");
        issues.add(unknown);
        issues.add(unknown);
        issues.add(InputIssue.at("loans.csv", 1, "unknown column \"x\" ignored"));
        assertEquals(List.of(unknown), issues.kept());
        assertEquals(0, issues.notListed());
        assertEquals(1, issues.total());
    }

    @Test
    void issuesBeyondTheCapAreCountedAsNotListed() {
        CappedIssues issues = new CappedIssues(2);
        for (int line = 1; line <= 5; line++) {
            issues.add(InputIssue.at("loans.csv", line, "a warning"));
        }
        assertEquals(List.of(1L, 2L), issues.kept().stream().map(InputIssue::line).toList());
        assertEquals(3, issues.notListed());
    }
}
