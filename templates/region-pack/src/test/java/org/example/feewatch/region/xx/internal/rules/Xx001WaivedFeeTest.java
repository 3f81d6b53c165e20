package org.example.feewatch.region.xx.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.example.feewatch.region.xx.internal.XxRulePack;
import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.CaseInfo;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.Policy;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.feewatch.api.Report;
import org.feewatch.engine.AuditEngine;
import org.feewatch.engine.AuditInput;
import org.feewatch.engine.AuditOptions;
import org.feewatch.engine.cashflow.CashFlowLoanAnalyzer;
import org.junit.jupiter.api.Test;

/** Runs the pack through the real engine, as feewatch does. */
class Xx001WaivedFeeTest {

    private static Loan loan(String id, BorrowerType type, String item) {
        return new Loan(id, new Borrower("B-" + id, type, null), "贷款", null, new BigDecimal("100000"),
                LocalDate.of(2024, 3, 1), LocalDate.of(2025, 3, 1),
                new RateTerms(RateType.FIXED, null, null, new BigDecimal("4.0"), null), Repayment.BULLET, false,
                BigDecimal.ZERO, List.of(), List.of(new LoanFee("NOTARY", item, new BigDecimal("500"), FeeTiming.UPFRONT)),
                "loans.jsonl", 1);
    }

    private static Report audit(List<Loan> loans) {
        CaseInfo info = new CaseInfo("BANK", "银行", "rural-commercial", "CN-XX", LocalDate.of(2024, 6, 30), Policy.EMPTY);
        AuditInput input = AuditInput.builder(info).loanBook(l -> l.onLoans(0, loans)).build();
        return AuditEngine.audit(input, List.of(new XxRulePack()), new CashFlowLoanAnalyzer(), AuditOptions.defaults());
    }

    @Test
    void aWaivedFeeOnASmallLoanIsFound() {
        Report r = audit(List.of(loan("L1", BorrowerType.MICRO, "借款合同公证费")));
        List<Finding> found = r.findings().stream().filter(f -> f.rule().equals("XX-001")).toList();
        assertEquals(1, found.size(), r.findings().toString());
        assertEquals(List.of("region CN-XX 1.0.0"), r.plugins());
    }

    @Test
    void aMediumBorrowerGivesNothing() {
        assertTrue(audit(List.of(loan("L1", BorrowerType.MEDIUM, "借款合同公证费"))).findings().stream()
                .noneMatch(f -> f.rule().equals("XX-001")));
    }
}
