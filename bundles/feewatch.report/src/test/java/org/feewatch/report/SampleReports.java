package org.feewatch.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.AprPoint;
import org.feewatch.api.CaseInfo;
import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.InputIssue;
import org.feewatch.api.LoanCounts;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerVerdict;
import org.feewatch.api.Policy;
import org.feewatch.api.Report;
import org.feewatch.api.Severity;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.Subject;
import org.feewatch.api.Verdict;

/** Reports with every kind of content, for the writers' tests. */
final class SampleReports {

    static final String SHA = "3f".repeat(32);

    private SampleReports() {
    }

    static Report full() {
        CaseInfo c = new CaseInfo("BANK-A", "某某农村商业银行", "rural-commercial", "CN-BJ", LocalDate.of(2023, 6, 30),
                new Policy(300, new BigDecimal("1.0"), new BigDecimal("1.0"), new BigDecimal("0.10")));
        List<Finding> findings = List.of(
                new Finding("FEE-001", Severity.CRITICAL, Subject.loan("L0001"),
                        "Prohibited fee 贷款承诺费 charged to a micro borrower",
                        List.of(new Evidence("loans.jsonl", "line 1", "贷款承诺费 1500.00", null),
                                new Evidence("bank-catalog", "table > tr:nth-child(3)", "贷款承诺费, \"0.5%\"", SHA)),
                        Map.of("amount", "1500.00"), List.of("银保监发〔2020〕18号"), Action.REFUND),
                new Finding("DISC-002", Severity.MEDIUM, Subject.feeItem("bank-catalog", "贷款意向书"),
                        "<script>alert(1)</script> item without a price", List.of(), Map.of(), List.of(),
                        Action.FIX_DISCLOSURE),
                new Finding("PART-003", Severity.HIGH, Subject.partner("P03"), "No readable fee schedule",
                        List.of(Evidence.of("partners.json", null, "P03")), Map.of(), List.of("银保监办发〔2023〕42号 (八)"),
                        Action.REJECT_PARTNER),
                new Finding("RATE-003", Severity.INFO, Subject.source("national"),
                        "Rule RATE-003 of pack national 1.0.0 could not be applied",
                        List.of(Evidence.of("national", "rule RATE-003", "no LPR for 2031-01-05")), Map.of(), List.of(),
                        Action.REVIEW));
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        bySeverity.put("critical", 1);
        bySeverity.put("high", 1);
        bySeverity.put("medium", 1);
        bySeverity.put("info", 1);
        Map<String, Integer> byRule = new LinkedHashMap<>();
        findings.forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
        List<AprPoint> sample = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            LocalDate d = LocalDate.of(2023, 1, 5).plusDays(i * 4L);
            BigDecimal lpr = d.isBefore(LocalDate.of(2023, 6, 20)) ? new BigDecimal("3.65") : new BigDecimal("3.55");
            sample.add(new AprPoint("L" + i, d, lpr, 4 + (i % 9) * 0.6, i % 4 != 0));
        }
        return new Report(Instant.parse("2026-11-27T10:00:00.123456Z"), c, "1.0.0",
                List.of("national 1.0.0", "region CN-BJ 1.0.0"),
                List.of(SourceStatus.ok("bank-catalog", SHA, 42), SourceStatus.failed("p03-schedule", "HTTP 404")),
                new LoanCounts(1000, 998, 2, List.of(InputIssue.at("loans.jsonl", 17, "principal is negative"),
                        new InputIssue(null, null, "line without a file"))),
                List.of(InputIssue.at("fees.csv", 40, "fee for unknown loan L9999"),
                        InputIssue.of(null, "region pack refused a looser maxSpreadBp")),
                findings,
                List.of(new PartnerVerdict("P01", PartnerStatus.ACTIVE, Verdict.APPROVE, List.of()),
                        new PartnerVerdict("P03", PartnerStatus.PROSPECTIVE, Verdict.REJECT, List.of("PART-003"))),
                bySeverity, byRule, sample);
    }

    static Report empty() {
        CaseInfo c = new CaseInfo("BANK-B", null, null, "CN", LocalDate.of(2024, 1, 31), null);
        return new Report(Instant.parse("2026-11-27T10:00:00Z"), c, "1.0.0", List.of(), List.of(), LoanCounts.NONE,
                List.of(), List.of(), List.of(), Map.of(), Map.of());
    }
}
