package org.feewatch.api;

import java.util.List;

/** Loan-book counts: read = accepted + rejected, with one error per rejected line. */
public record LoanCounts(long read, long accepted, long rejected, List<InputIssue> errors) {
    public LoanCounts {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static final LoanCounts NONE = new LoanCounts(0, 0, 0, List.of());
}
