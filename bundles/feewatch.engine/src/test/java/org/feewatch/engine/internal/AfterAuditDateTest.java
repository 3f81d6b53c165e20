package org.feewatch.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.InputIssue;
import org.feewatch.api.Loan;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.junit.jupiter.api.Test;

class AfterAuditDateTest {

    private static Loan loan(String id, long line, LocalDate contract) {
        return new Loan(id, new Borrower("B", BorrowerType.MICRO, null), null, null, new BigDecimal("100000"),
                contract, contract.plusYears(1), new RateTerms(RateType.FIXED, null, null, new BigDecimal("4.35"), null),
                Repayment.BULLET, false, BigDecimal.ZERO, null, null, "loans.jsonl", line);
    }

    @Test
    void loansAfterTheAuditDateAreOneWarningNamingTheFirst() {
        AfterAuditDate late = new AfterAuditDate(LocalDate.of(2023, 12, 31));
        late.tally(new Loan[] {loan("A", 1, LocalDate.of(2023, 12, 31)), loan("B", 7, LocalDate.of(2024, 6, 1))});
        late.tally(new Loan[] {loan("C", 3, LocalDate.of(2024, 1, 2))});
        assertEquals(new InputIssue("loans.jsonl", 3L, "2 loans were contracted after the audit date 2023-12-31 "
                + "(case.json asOf), the first (C) on 2024-01-02: audited as of their own contract dates; check that the "
                + "book and asOf cover the same period"), late.warning());
    }

    @Test
    void noLoanAfterTheAuditDateNoWarning() {
        AfterAuditDate late = new AfterAuditDate(LocalDate.of(2023, 12, 31));
        late.tally(new Loan[] {loan("A", 1, LocalDate.of(2023, 12, 31))});
        assertNull(late.warning());
    }
}
