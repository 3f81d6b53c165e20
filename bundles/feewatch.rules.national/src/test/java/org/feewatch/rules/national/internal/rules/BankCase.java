package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.feewatch.api.Borrower;
import org.feewatch.api.BorrowerType;
import org.feewatch.api.CaseInfo;
import org.feewatch.api.Disclosure;
import org.feewatch.api.FeeItem;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanFee;
import org.feewatch.api.LprFixing;
import org.feewatch.api.Policy;
import org.feewatch.api.ProductTerms;
import org.feewatch.api.RateTerms;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;
import org.feewatch.api.Snapshot;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.Subject;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FeeDictionary;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.CaseAuditContext;
import org.feewatch.engine.MergingFindingSink;
import org.feewatch.engine.fees.SynonymFeeDictionary;
import org.feewatch.engine.price.PriceParser;
import org.feewatch.rules.national.internal.NationalRulePack;

/**
 * A small case about the audited bank: its price catalogue, product pages and loans, built into the
 * engine's own {@link CaseAuditContext} with the national fee dictionary, and run through a rule the
 * way the engine does (start, every loan, finish) into the engine's merging sink.
 */
final class BankCase {

    static final String BANK = "BANK-A";
    static final FeeDictionary DICTIONARY = SynonymFeeDictionary.of(List.of(new NationalRulePack()));

    final List<SourceRef> sources = new ArrayList<>();
    final List<SourceStatus> statuses = new ArrayList<>();
    final List<Disclosure> disclosures = new ArrayList<>();
    final List<LoanFacts> loans = new ArrayList<>();
    Policy policy = new Policy(300, new BigDecimal("1.0"), new BigDecimal("1.0"), new BigDecimal("0.10"));
    LocalDate asOf = LocalDate.of(2023, 12, 31);
    String institution = BANK;

    /** A catalogue row: name, service content, price text as published, basis, remark. */
    record Row(String name, String content, String price, String basis, String remark) {
    }

    static Row row(String name, String content, String price, String remark) {
        return new Row(name, content, price, "市场调节价", remark);
    }

    /** A price catalogue of the bank that was read, with its rows (prices parsed as the extractor does). */
    BankCase catalogue(String sourceId, Row... rows) {
        SourceRef ref = new SourceRef(sourceId, BANK, SourceKind.PRICE_CATALOG, null, "pages/" + sourceId + ".html",
                null);
        sources.add(ref);
        List<FeeItem> items = new ArrayList<>();
        int n = 1;
        for (Row r : rows) {
            String text = String.join(" ", n + "", r.name, nz(r.content), nz(r.price), nz(r.basis), nz(r.remark)).strip();
            items.add(new FeeItem(sourceId, r.name, null, blankToNull(r.content), blankToNull(r.price),
                    PriceParser.parse(r.price), r.basis, blankToNull(r.remark), null,
                    "table > tbody > tr:nth-child(" + n + ")", text));
            n++;
        }
        disclosures.add(new Disclosure(ref, snapshot(sourceId), items, null, List.of()));
        statuses.add(SourceStatus.ok(sourceId, "sha-" + sourceId, items.size()));
        return this;
    }

    BankCase failedCatalogue(String sourceId, String error) {
        sources.add(new SourceRef(sourceId, BANK, SourceKind.PRICE_CATALOG, "https://bank.example/" + sourceId, null,
                null));
        statuses.add(SourceStatus.failed(sourceId, error));
        return this;
    }

    /** A product page that was read, with the terms the extractor found (null: none). */
    BankCase product(String sourceId, ProductTerms terms) {
        SourceRef ref = new SourceRef(sourceId, BANK, SourceKind.PRODUCT_PAGE, null, "pages/" + sourceId + ".html",
                null);
        sources.add(ref);
        disclosures.add(new Disclosure(ref, snapshot(sourceId), List.of(), terms, List.of()));
        statuses.add(SourceStatus.ok(sourceId, "sha-" + sourceId, terms == null ? 0 : 1));
        return this;
    }

    static FeeItem productFee(String sourceId, String name, String priceText) {
        return new FeeItem(sourceId, name, DICTIONARY.categoryOf(name), null, priceText, PriceParser.parse(priceText),
                null, null, null, "li", name + "：" + priceText);
    }

    private static Snapshot snapshot(String sourceId) {
        byte[] body = ("page " + sourceId).getBytes(StandardCharsets.UTF_8);
        return new Snapshot(sourceId, "pages/" + sourceId + ".html", "sha-" + sourceId, "text/html", "UTF-8", "meta",
                Instant.parse("2023-12-31T00:00:00Z"), body, new String(body, StandardCharsets.UTF_8));
    }

    BankCase loan(String id, BorrowerType borrower, String principal, String contract, String maturity, LoanFee... fees) {
        return loan(new Loan(id, new Borrower("B-" + id, borrower, null), "经营贷", null, new BigDecimal(principal),
                LocalDate.parse(contract), LocalDate.parse(maturity),
                new RateTerms(RateType.FIXED, null, null, new BigDecimal("4.00"), null), Repayment.EQUAL_INSTALLMENT,
                false, BigDecimal.ZERO, List.of(), List.of(fees), "loans.jsonl", loans.size() + 1));
    }

    /** A loan as read from a book; the disclosure rules read no APR, so none is computed. */
    BankCase loan(Loan loan) {
        loans.add(new LoanFacts() {
            @Override
            public Loan loan() {
                return loan;
            }

            @Override
            public LprFixing lprOnContractDate() {
                return null;
            }

            @Override
            public double aprAllIn() {
                return Double.NaN;
            }

            @Override
            public double aprAllInEffective() {
                return Double.NaN;
            }

            @Override
            public double aprBankOnly() {
                return Double.NaN;
            }

            @Override
            public double aprAllInWithoutDeposit() {
                return Double.NaN;
            }

            @Override
            public String categoryOf(String feeItem) {
                return DICTIONARY.categoryOf(feeItem);
            }
        });
        return this;
    }

    static LoanFee bankFee(String item, String amount) {
        return new LoanFee(BANK, item, new BigDecimal(amount), FeeTiming.UPFRONT);
    }

    static LoanFee fee(String payee, String item, String amount, FeeTiming when) {
        return new LoanFee(payee, item, new BigDecimal(amount), when);
    }

    AuditContext context() {
        CaseInfo info = new CaseInfo(institution, "某某农村商业银行", "rural-commercial", "CN", asOf, policy);
        return CaseAuditContext.builder(info).policy(policy).sources(sources).sourceStatuses(statuses)
                .disclosures(disclosures).hasLoanBook(!loans.isEmpty()).feeDictionary(DICTIONARY)
                .demandDepositRate(new BigDecimal("0.20")).build();
    }

    /** Runs the rule over the case: the findings, merged per rule and subject. */
    List<Finding> run(Rule rule) {
        MergingFindingSink sink = new MergingFindingSink(50);
        RuleEvaluation evaluation = rule.start(context());
        for (LoanFacts loan : loans) {
            evaluation.onLoan(loan, sink);
        }
        evaluation.finish(sink);
        return sink.findings();
    }

    static Map<Subject, Finding> bySubject(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(Finding::subject, f -> f));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
