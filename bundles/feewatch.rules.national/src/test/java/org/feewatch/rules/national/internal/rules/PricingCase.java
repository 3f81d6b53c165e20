package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.BundledProduct;
import org.feewatch.api.CaseInfo;
import org.feewatch.api.Disclosure;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Partner;
import org.feewatch.api.Policy;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FeeDictionary;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.ReferenceRates;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.cashflow.CashFlowLoanAnalyzer;
import org.feewatch.rules.national.internal.NationalLpr;

/**
 * A case for the pricing rules: loans analysed by the real {@link CashFlowLoanAnalyzer} against the
 * built-in LPR table, run through a rule as the engine does (start, every loan, finish), findings
 * merged per subject.
 */
final class PricingCase {

    static final String BANK = "BANK-A";

    String region = "CN-BJ";
    String institutionType = "rural-commercial";
    Policy policy = new Policy(300, new BigDecimal("1.0"), new BigDecimal("1.0"), new BigDecimal("0.10"));
    ReferenceRates lpr = NationalLpr.BUILT_IN;
    final List<OnLendingAverage> averages = new ArrayList<>();
    final List<Loan> loans = new ArrayList<>();

    /** A loan builder with plain defaults: a micro borrower, 1,000,000 at 1Y LPR + 50 bp, one year. */
    static final class L {
        String id = "L1";
        BorrowerType borrower = BorrowerType.MICRO;
        String principal = "1000000.00";
        String contract = "2023-03-15";
        String maturity = "2024-03-15";
        RateType type = RateType.LPR;
        String tenor = "1Y";
        Integer spreadBp = 50;
        String nominal = "4.15";
        String multiplier;
        Repayment repayment = Repayment.EQUAL_INSTALLMENT;
        boolean onLending;
        String deposit = "0";
        final List<BundledProduct> bundled = new ArrayList<>();
        final List<LoanFee> fees = new ArrayList<>();
        long line = 1;

        L id(String v) { id = v; return this; }
        L borrower(BorrowerType v) { borrower = v; return this; }
        L principal(String v) { principal = v; return this; }
        L dates(String c, String m) { contract = c; maturity = m; return this; }
        L lpr(String t, Integer bp, String n) { type = RateType.LPR; tenor = t; spreadBp = bp; nominal = n; return this; }
        L fixed(String n) { type = RateType.FIXED; tenor = null; spreadBp = null; nominal = n; return this; }
        L benchmark(String mult, String n) { type = RateType.BENCHMARK; tenor = null; spreadBp = null; multiplier = mult; nominal = n; return this; }
        L repayment(Repayment v) { repayment = v; return this; }
        L onLending() { onLending = true; return this; }
        L deposit(String v) { deposit = v; return this; }
        L bundled(String name, String premium, boolean mandatory) {
            bundled.add(new BundledProduct("insurance", name, new BigDecimal(premium), mandatory));
            return this;
        }
        L fee(String payee, String item, String amount, FeeTiming when) {
            fees.add(new LoanFee(payee, item, new BigDecimal(amount), when));
            return this;
        }
        L line(long v) { line = v; return this; }

        Loan build() {
            return new Loan(id, new Borrower("B-" + id, borrower, null), "普惠贷", null, new BigDecimal(principal),
                    LocalDate.parse(contract), LocalDate.parse(maturity),
                    new RateTerms(type, tenor, spreadBp, nominal == null ? null : new BigDecimal(nominal),
                            multiplier == null ? null : new BigDecimal(multiplier)),
                    repayment, onLending, new BigDecimal(deposit), bundled, fees, "loans.jsonl", line);
        }
    }

    static L loan() {
        return new L();
    }

    PricingCase add(L loan) {
        loans.add(loan.build());
        return this;
    }

    PricingCase add(Loan loan) {
        loans.add(loan);
        return this;
    }

    PricingCase average(String quarter, String rate) {
        averages.add(new OnLendingAverage(region, quarter, institutionType, new BigDecimal(rate), "benchmarks.json"));
        return this;
    }

    AuditContext context() {
        CaseInfo info = new CaseInfo(BANK, "某某农商银行", institutionType, region, LocalDate.parse("2023-12-31"), policy);
        return new AuditContext() {
            @Override public CaseInfo caseInfo() { return info; }
            @Override public Policy policy() { return policy; }
            @Override public List<Partner> partners() { return List.of(); }
            @Override public Optional<Partner> partner(String id) { return Optional.empty(); }
            @Override public List<SourceRef> sources() { return List.of(); }
            @Override public List<SourceStatus> sourceStatuses() { return List.of(); }
            @Override public List<Disclosure> disclosures() { return List.of(); }
            @Override public List<Disclosure> disclosuresOf(String owner) { return List.of(); }
            @Override public boolean hasLoanBook() { return true; }
            @Override public FeeDictionary feeDictionary() { return null; }
            @Override public ReferenceRates lpr() { return lpr; }
            @Override public List<OnLendingAverage> onLendingAverages() { return averages; }
            @Override public BigDecimal demandDepositRate() { return new BigDecimal("0.20"); }
            @Override public Optional<RuleInfo> ruleInfo(String code) { return Optional.empty(); }
        };
    }

    /** Runs a rule over the case: its findings by subject, merged as the engine's sink does. */
    Map<Subject, Finding> run(Rule rule) {
        AuditContext context = context();
        Map<Subject, Finding> merged = Collections.synchronizedMap(new LinkedHashMap<>());
        FindingSink sink = f -> merged.merge(f.subject(), f, (a, b) -> {
            List<org.feewatch.api.Evidence> evidence = new ArrayList<>(a.evidence());
            evidence.addAll(b.evidence());
            return new Finding(a.rule(), a.severity().atLeast(b.severity()) ? a.severity() : b.severity(), a.subject(),
                    a.title(), evidence, a.metrics(), a.citations(), a.action());
        });
        RuleEvaluation evaluation = rule.start(context);
        CashFlowLoanAnalyzer analyzer = new CashFlowLoanAnalyzer();
        for (Loan loan : loans) {
            LoanFacts facts = analyzer.analyze(loan, context);
            evaluation.onLoan(facts, sink);
        }
        evaluation.finish(sink);
        return merged;
    }

    /** The only finding of a run, failing when there is not exactly one. */
    static Finding only(Map<Subject, Finding> findings) {
        if (findings.size() != 1) {
            throw new AssertionError("expected one finding, got " + findings.values());
        }
        return findings.values().iterator().next();
    }
}
