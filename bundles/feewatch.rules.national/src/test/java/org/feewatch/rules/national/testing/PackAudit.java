package org.feewatch.rules.national.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.CaseInfo;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerType;
import org.feewatch.api.Policy;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.feewatch.api.Report;
import org.feewatch.api.spi.RulePack;
import org.feewatch.engine.AuditEngine;
import org.feewatch.engine.AuditInput;
import org.feewatch.engine.AuditOptions;
import org.feewatch.engine.cashflow.CashFlowLoanAnalyzer;
import org.feewatch.rules.national.internal.NationalLpr;
import org.feewatch.rules.national.internal.NationalRulePack;

/**
 * A case audited as the product does it: the real engine, the real national pack and the packs
 * under test, loans analysed by the real cash-flow model against the built-in LPR table. A region
 * pack's tests extend it with their region, audit date and loan dates. Shared through this module's
 * test jar.
 */
public class PackAudit {

    /** The national defaults of config/org.feewatch.policy.cfg. */
    public static final Policy NATIONAL = new Policy(300, new BigDecimal("1.0"), new BigDecimal("1.0"),
            new BigDecimal("0.10"));

    String region;
    String institutionType = "rural-commercial";
    LocalDate asOf;
    Policy nationalDefaults = NATIONAL;
    final List<Loan> loans = new ArrayList<>();
    final List<Partner> partners = new ArrayList<>();
    final List<OnLendingAverage> benchmarks = new ArrayList<>();

    /** A case of a bank in {@code region}, audited as of {@code asOf}. */
    protected PackAudit(String region, String asOf) {
        this.region = region;
        this.asOf = LocalDate.parse(asOf);
    }

    public PackAudit region(String v) { region = v; return this; }
    public PackAudit asOf(String v) { asOf = LocalDate.parse(v); return this; }
    public PackAudit nationalDefaults(Policy v) { nationalDefaults = v; return this; }

    public PackAudit partner(String id, PartnerType type, boolean governmentBacked) {
        partners.add(new Partner(id, id + " 担保有限公司", type, PartnerStatus.ACTIVE, governmentBacked));
        return this;
    }

    public PackAudit loan(Loan loan) {
        loans.add(loan);
        return this;
    }

    /** A loan builder with plain defaults: a micro borrower, 1,000,000 at a fixed 4.15 %, equal instalments. */
    public static final class L {
        String id = "L1";
        BorrowerType borrower = BorrowerType.MICRO;
        String principal = "1000000.00";
        String contract;
        String maturity;
        String nominal = "4.15";
        boolean onLending;
        final List<LoanFee> fees = new ArrayList<>();
        long line = 1;

        public L(String contract, String maturity) {
            this.contract = contract;
            this.maturity = maturity;
        }

        public L id(String v) { id = v; return this; }
        public L line(long v) { line = v; return this; }
        public L borrower(BorrowerType v) { borrower = v; return this; }
        public L principal(String v) { principal = v; return this; }
        public L dates(String c, String m) { contract = c; maturity = m; return this; }
        public L rate(String v) { nominal = v; return this; }
        public L onLending() { onLending = true; return this; }
        public L fee(String payee, String item, String amount, FeeTiming when) {
            fees.add(new LoanFee(payee, item, new BigDecimal(amount), when));
            return this;
        }

        public Loan build() {
            BigDecimal rate = new BigDecimal(nominal);
            return new Loan(id, new Borrower("B-" + id, borrower, null), "普惠贷", null, new BigDecimal(principal),
                    LocalDate.parse(contract), LocalDate.parse(maturity),
                    new RateTerms(RateType.FIXED, null, null, rate, null), Repayment.EQUAL_INSTALLMENT, onLending,
                    BigDecimal.ZERO, List.of(), fees, "loans.jsonl", line);
        }
    }

    public PackAudit loan(L loan) {
        return loan(loan.build());
    }

    /** Audits the case with the national pack and {@code packs}. */
    public Report run(RulePack... packs) {
        List<RulePack> all = new ArrayList<>();
        all.add(new NationalRulePack());
        all.addAll(List.of(packs));
        CaseInfo info = new CaseInfo("BANK-A", "某某农商银行", institutionType, region, asOf, Policy.EMPTY);
        List<Loan> book = List.copyOf(loans);
        AuditInput input = AuditInput.builder(info).nationalDefaults(nationalDefaults).partners(partners)
                .benchmarks(benchmarks).referenceRates(NationalLpr.BUILT_IN)
                .demandDepositRate(new BigDecimal("0.20"))
                .loanBook(book.isEmpty() ? null : listener -> listener.onLoans(0, book)).build();
        return AuditEngine.audit(input, all, new CashFlowLoanAnalyzer(),
                AuditOptions.builder().workerThreads(1).engineVersion("test").build());
    }

    /** The findings of one rule. */
    public static List<Finding> of(Report report, String rule) {
        return report.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }
}
