package org.feewatch.rules.national.internal.rules;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerType;
import org.feewatch.api.Policy;
import org.feewatch.api.Price;
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
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.CaseAuditContext;
import org.feewatch.engine.fees.SynonymFeeDictionary;
import org.feewatch.engine.price.PriceParser;

/**
 * A small case for the partner rules: partners, their schedules (read or failed) and loans with
 * given APRs, run through a rule the way the engine does (start, every loan, finish), with findings
 * merged per rule and subject.
 */
final class PartnerCase {

    static final String BANK = "BANK-A";

    /** A few synonyms, enough for these tests; the national dictionary is tested on its own. */
    static final FeeDictionary DICTIONARY = new SynonymFeeDictionary(Map.of(
            "担保费", "guarantee-fee", "保证费", "guarantee-fee", "保险费", "insurance-fee",
            "保证保险费", "insurance-fee", "资金管理费", "fund-management-fee", "承诺费", "commitment-fee",
            "押品评估费", "collateral-appraisal-fee", "平台服务费", "platform-service-fee"),
            Set.of("fund-management-fee", "commitment-fee"), Set.of("collateral-appraisal-fee"));

    final List<Partner> partners = new ArrayList<>();
    final List<SourceRef> sources = new ArrayList<>();
    final List<SourceStatus> statuses = new ArrayList<>();
    final List<Disclosure> disclosures = new ArrayList<>();
    final List<LoanFacts> loans = new ArrayList<>();
    Policy policy = new Policy(300, new BigDecimal("1.0"), new BigDecimal("1.0"), new BigDecimal("0.10"));
    LocalDate asOf = LocalDate.parse("2023-12-31");

    /** The case's audit date. */
    PartnerCase asOf(String date) {
        asOf = LocalDate.parse(date);
        return this;
    }

    PartnerCase partner(String id, PartnerStatus status) {
        partners.add(new Partner(id, id + " 有限公司", PartnerType.OTHER, status, false));
        return this;
    }

    /** A schedule that was read, with items given as name, then its price as published (text) or as a Price. */
    PartnerCase schedule(String partnerId, Object... namesAndPrices) {
        String sourceId = partnerId.toLowerCase() + "-schedule-" + sources.size();
        SourceRef ref = new SourceRef(sourceId, partnerId, SourceKind.PARTNER_SCHEDULE, null,
                "pages/" + sourceId + ".html", null);
        sources.add(ref);
        List<FeeItem> items = new ArrayList<>();
        for (int i = 0; i < namesAndPrices.length; i += 2) {
            String name = (String) namesAndPrices[i];
            Object p = namesAndPrices[i + 1];
            // a price as published is parsed as the extractor would; a Price is taken as given
            Price price = p instanceof Price pr ? pr : PriceParser.parse((String) p);
            String text = p instanceof String s ? s : price.text();
            items.add(new FeeItem(sourceId, name, DICTIONARY.categoryOf(name), null, text, price, null, null, null,
                    "table > tr:nth-child(" + (i / 2 + 2) + ")", name + " " + (text == null ? "" : text)));
        }
        byte[] body = ("schedule of " + partnerId).getBytes(StandardCharsets.UTF_8);
        Snapshot snapshot = new Snapshot(sourceId, ref.file(), "sha-" + sourceId, "text/html", "UTF-8", "hint",
                Instant.parse("2023-12-31T00:00:00Z"), body, new String(body, StandardCharsets.UTF_8));
        disclosures.add(new Disclosure(ref, snapshot, items, null, List.of()));
        statuses.add(SourceStatus.ok(sourceId, snapshot.sha256(), items.size()));
        return this;
    }

    /** A schedule that was read, with items given as name, price as published, remark (优惠措施, 生效日期 …). */
    PartnerCase scheduleWithRemarks(String partnerId, String... nameTextRemark) {
        String sourceId = partnerId.toLowerCase() + "-schedule-" + sources.size();
        SourceRef ref = new SourceRef(sourceId, partnerId, SourceKind.PARTNER_SCHEDULE, null,
                "pages/" + sourceId + ".html", null);
        sources.add(ref);
        List<FeeItem> items = new ArrayList<>();
        for (int i = 0; i < nameTextRemark.length; i += 3) {
            String name = nameTextRemark[i];
            String text = nameTextRemark[i + 1];
            String remark = nameTextRemark[i + 2];
            items.add(new FeeItem(sourceId, name, DICTIONARY.categoryOf(name), null, text, PriceParser.parse(text), null,
                    remark, null, "table > tr:nth-child(" + (i / 3 + 2) + ")",
                    name + " " + text + (remark == null ? "" : " " + remark)));
        }
        byte[] body = ("schedule of " + partnerId).getBytes(StandardCharsets.UTF_8);
        Snapshot snapshot = new Snapshot(sourceId, ref.file(), "sha-" + sourceId, "text/html", "UTF-8", "hint",
                Instant.parse("2023-12-31T00:00:00Z"), body, new String(body, StandardCharsets.UTF_8));
        disclosures.add(new Disclosure(ref, snapshot, items, null, List.of()));
        statuses.add(SourceStatus.ok(sourceId, snapshot.sha256(), items.size()));
        return this;
    }

    PartnerCase failedSchedule(String partnerId, String error) {
        String sourceId = partnerId.toLowerCase() + "-schedule-" + sources.size();
        sources.add(new SourceRef(sourceId, partnerId, SourceKind.PARTNER_SCHEDULE, "http://127.0.0.1:9/" + sourceId,
                null, null));
        statuses.add(SourceStatus.failed(sourceId, error));
        return this;
    }

    /** A loan with its APRs as the engine would have computed them. */
    PartnerCase loan(String id, BorrowerType borrower, String principal, String contract, String maturity,
            double aprAllIn, double aprBankOnly, String lpr1y, LoanFee... fees) {
        Loan loan = new Loan(id, new Borrower("B-" + id, borrower, null), "经营贷", null, new BigDecimal(principal),
                LocalDate.parse(contract), LocalDate.parse(maturity),
                new RateTerms(RateType.FIXED, null, null, new BigDecimal("4.00"), null), Repayment.EQUAL_INSTALLMENT,
                false, BigDecimal.ZERO, List.of(), List.of(fees), "loans.jsonl", loans.size() + 1);
        LprFixing fixing = lpr1y == null ? null
                : new LprFixing(LocalDate.parse(contract), new BigDecimal(lpr1y), new BigDecimal("4.20"), "test");
        loans.add(new LoanFacts() {
            @Override
            public Loan loan() {
                return loan;
            }

            @Override
            public LprFixing lprOnContractDate() {
                return fixing;
            }

            @Override
            public double aprAllIn() {
                return aprAllIn;
            }

            @Override
            public double aprAllInEffective() {
                return Math.pow(1 + aprAllIn / 1200, 12) * 100 - 100;
            }

            @Override
            public double aprBankOnly() {
                return aprBankOnly;
            }

            @Override
            public double aprAllInWithoutDeposit() {
                return aprAllIn;
            }

            @Override
            public String categoryOf(String feeItem) {
                return DICTIONARY.categoryOf(feeItem);
            }
        });
        return this;
    }

    static LoanFee fee(String payee, String item, String amount, FeeTiming when) {
        return new LoanFee(payee, item, new BigDecimal(amount), when);
    }

    static Price percent(String rate, Price.Period period) {
        return new Price(Price.Kind.PERCENT, null, new BigDecimal(rate), Price.Base.PRINCIPAL, period, null, null, null,
                null, rate + "% " + period);
    }

    static Price percentRange(String low, String high, Price.Period period) {
        return new Price(Price.Kind.PERCENT, new BigDecimal(low), new BigDecimal(high), Price.Base.PRINCIPAL, period,
                null, null, null, null, low + "%-" + high + "% " + period);
    }


    /** The context the engine would give the rules: the real one, with this case's data. */
    AuditContext context() {
        CaseInfo info = new CaseInfo(BANK, "某某银行", "rural-commercial", "CN", asOf, policy);
        return CaseAuditContext.builder(info).policy(policy).partners(partners).sources(sources)
                .sourceStatuses(statuses).disclosures(disclosures).hasLoanBook(!loans.isEmpty())
                .feeDictionary(DICTIONARY).demandDepositRate(new BigDecimal("0.20")).build();
    }

    /** Runs a rule over the case and returns its findings, merged per subject as the engine's sink does. */
    Map<Subject, Finding> run(Rule rule) {
        Map<Subject, Finding> merged = Collections.synchronizedMap(new LinkedHashMap<>());
        FindingSink sink = f -> merged.merge(f.subject(), f, (a, b) -> {
            List<org.feewatch.api.Evidence> evidence = new ArrayList<>(a.evidence());
            evidence.addAll(b.evidence());
            Map<String, String> metrics = new HashMap<>(b.metrics());
            metrics.putAll(a.metrics());
            return new Finding(a.rule(), a.severity().atLeast(b.severity()) ? a.severity() : b.severity(), a.subject(),
                    a.title(), evidence, metrics, a.citations(), a.action());
        });
        RuleEvaluation evaluation = rule.start(context());
        for (LoanFacts loan : loans) {
            evaluation.onLoan(loan, sink);
        }
        evaluation.finish(sink);
        return merged;
    }
}
