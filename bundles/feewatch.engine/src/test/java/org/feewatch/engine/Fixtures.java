package org.feewatch.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.feewatch.api.Action;
import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.CaseInfo;
import org.feewatch.api.Evidence;
import org.feewatch.api.Loan;
import org.feewatch.api.LprFixing;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Policy;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.SubjectType;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.api.spi.RulePack;

/** Small builders for engine tests. */
final class Fixtures {

    static final LocalDate AS_OF = LocalDate.of(2023, 6, 30);

    private Fixtures() {
    }

    static CaseInfo caseInfo(String region, Policy policy) {
        return new CaseInfo("BANK-A", "测试银行", "rural-commercial", region, AS_OF, policy);
    }

    static Loan loan(String id, long line, String nominal) {
        return new Loan(id, new Borrower("B" + id, BorrowerType.MICRO, null), "p", null, new BigDecimal("100000"),
                LocalDate.of(2023, 3, 15), LocalDate.of(2024, 3, 15),
                new RateTerms(RateType.FIXED, null, null, new BigDecimal(nominal), null), Repayment.BULLET, false,
                BigDecimal.ZERO, List.of(), List.of(), "loans.jsonl", line);
    }

    static RuleInfo info(String code, Severity severity, SubjectType subject) {
        return new RuleInfo(code, "规则 " + code, "Rule " + code, null, List.of(subject), severity, Action.REVIEW,
                List.of("测试依据 " + code), null, null);
    }

    static RuleInfo info(String code, Severity severity, SubjectType subject, LocalDate from, LocalDate to) {
        return new RuleInfo(code, "规则 " + code, "Rule " + code, null, List.of(subject), severity, Action.REVIEW,
                List.of("测试依据 " + code), from, to);
    }

    /** A rule whose loan and case judgements are the given lambdas (either may be null). */
    static Rule rule(RuleInfo info, BiConsumer<LoanFacts, FindingSink> onLoan, Consumer<FindingSink> finish) {
        return new Rule() {
            @Override
            public RuleInfo info() {
                return info;
            }

            @Override
            public RuleEvaluation start(AuditContext context) {
                return new RuleEvaluation() {
                    @Override
                    public void onLoan(LoanFacts loan, FindingSink findings) {
                        if (onLoan != null) {
                            onLoan.accept(loan, findings);
                        }
                    }

                    @Override
                    public void finish(FindingSink findings) {
                        if (finish != null) {
                            finish.accept(findings);
                        }
                    }
                };
            }
        };
    }

    /** A rule that flags every loan whose all-in APR is above {@code limit}. */
    static Rule aprAbove(String code, double limit) {
        RuleInfo info = info(code, Severity.HIGH, SubjectType.LOAN);
        return rule(info, (loan, sink) -> {
            if (loan.aprAllIn() > limit) {
                sink.add(info, Subject.loan(loan.loan().id()), "APR above " + limit,
                        List.of(loan.evidence("APR " + loan.aprAllIn())), Map.of("apr", String.valueOf(loan.aprAllIn())));
            }
        }, null);
    }

    static RulePack pack(String id, String region, List<Rule> rules) {
        return pack(id, region, rules, Policy.EMPTY, List.of());
    }

    static RulePack pack(String id, String region, List<Rule> rules, Policy defaults, List<OnLendingAverage> averages) {
        return new RulePack() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public String region() {
                return region;
            }

            @Override
            public List<Rule> rules() {
                return rules;
            }

            @Override
            public Policy policyDefaults() {
                return defaults;
            }

            @Override
            public List<OnLendingAverage> onLendingAverages() {
                return averages;
            }
        };
    }

    /** The analyzer of the tests: the APR is the loan's nominal rate; "NaN" rates give no APR. */
    static final LoanAnalyzer NOMINAL_APR = (loan, context) -> {
        double apr = loan.rate().nominal().doubleValue();
        return new LoanFacts() {
            @Override
            public Loan loan() {
                return loan;
            }

            @Override
            public LprFixing lprOnContractDate() {
                return new LprFixing(LocalDate.of(2023, 2, 20), new BigDecimal("3.65"), new BigDecimal("4.30"), "test");
            }

            @Override
            public double aprAllIn() {
                return apr < 0 ? Double.NaN : apr;
            }

            @Override
            public double aprAllInEffective() {
                return apr < 0 ? Double.NaN : (Math.pow(1 + apr / 1200, 12) - 1) * 100;
            }

            @Override
            public double aprBankOnly() {
                return apr < 0 ? Double.NaN : apr;
            }

            @Override
            public double aprAllInWithoutDeposit() {
                return aprAllIn();
            }

            @Override
            public String categoryOf(String feeItem) {
                return context.feeDictionary().categoryOf(feeItem);
            }
        };
    };

    /** A book of {@code n} loans in batches of {@code batch}; every tenth loan has a 9 % rate. */
    static List<List<Loan>> book(int n, int batch) {
        List<List<Loan>> batches = new ArrayList<>();
        List<Loan> current = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            current.add(loan(String.format("L%05d", i), i, i % 10 == 0 ? "9.00" : "4.50"));
            if (current.size() == batch) {
                batches.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    static Evidence ev(String source, String locator, String text) {
        return Evidence.of(source, locator, text);
    }
}
