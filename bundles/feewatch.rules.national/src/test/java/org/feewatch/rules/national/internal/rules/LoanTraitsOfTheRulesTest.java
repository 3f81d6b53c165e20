package org.feewatch.rules.national.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.CaseInfo;
import org.feewatch.api.Disclosure;
import org.feewatch.api.FeeItem;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerType;
import org.feewatch.api.Policy;
import org.feewatch.api.Repayment;
import org.feewatch.api.Snapshot;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RuleEvaluation;
import org.feewatch.engine.CaseAuditContext;
import org.feewatch.engine.cashflow.CashFlowLoanAnalyzer;
import org.feewatch.engine.internal.LoanTraits;
import org.feewatch.engine.price.PriceParser;
import org.feewatch.rules.national.internal.NationalLpr;
import org.feewatch.rules.national.internal.NationalRules;
import org.junit.jupiter.api.Test;

/**
 * Every national rule that judges loans finds exactly the same when the engine calls it only for the
 * loans that have the traits it asks for ({@code onlyLoansWith}) as when it is called for every loan:
 * loans of every kind (fees to the bank, to partners with and without a schedule, to nobody; products,
 * deposits, on-lending, every borrower size and rate type), through a case with a bank catalogue, a
 * partner schedule and on-lending averages, so that each rule finds something.
 */
class LoanTraitsOfTheRulesTest {

    private static final String BANK = "BANK-A";
    private static final String[] ITEMS = {"贷款承诺费", "资金管理费", "抵押登记费", "担保费", "资料工本费", "财务顾问费", "资信证明"};
    private static final String[] PAYEES = {BANK, BANK, "P01", "P01", "P02", "", "本行"};

    @Test
    void eachLoanRuleFindsTheSameWhenCalledOnlyForLoansOfItsTraits() {
        AuditContext context = context();
        List<LoanFacts> loans = loans(context, 4_000);
        for (Rule rule : NationalRules.create()) {
            RuleEvaluation probe = rule.start(context);
            int required = LoanTraits.mask(probe.onlyLoansWith());

            List<Finding> everyLoan = new ArrayList<>();
            RuleEvaluation all = rule.start(context);
            loans.forEach(l -> all.onLoan(l, everyLoan::add));
            all.finish(everyLoan::add);

            List<Finding> filtered = new ArrayList<>();
            RuleEvaluation some = rule.start(context);
            int skipped = 0;
            for (LoanFacts l : loans) {
                if ((required & ~LoanTraits.of(l, BANK)) == 0) {
                    some.onLoan(l, filtered::add);
                } else {
                    skipped++;
                }
            }
            some.finish(filtered::add);

            String code = rule.info().code();
            assertEquals(everyLoan.size(), filtered.size(), code + ": as many findings");
            assertTrue(everyLoan.equals(filtered), code + ": the same findings in the same order");
            if (required != 0) {
                assertTrue(skipped > 0, code + " asks for traits, so some loans lack them");
                assertFalse(everyLoan.isEmpty(), code + " finds something in this case");
            }
        }
    }

    private static List<LoanFacts> loans(AuditContext context, int count) {
        SplittableRandom random = new SplittableRandom(20261127);
        CashFlowLoanAnalyzer analyzer = new CashFlowLoanAnalyzer();
        BorrowerType[] sizes = BorrowerType.values();
        List<LoanFacts> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PricingCase.L l = PricingCase.loan().id(String.format("L%05d", i)).line(i + 1)
                    .borrower(sizes[random.nextInt(sizes.length)])
                    .repayment(Repayment.values()[random.nextInt(Repayment.values().length)]);
            LocalDate contract = LocalDate.of(2019 + random.nextInt(5), 1 + random.nextInt(12), 1 + random.nextInt(28));
            l.dates(contract.toString(), contract.plusMonths(1 + random.nextInt(36)).toString());
            int rate = random.nextInt(10);
            String nominal = rate < 7 ? "4.15" : (3 + random.nextInt(2500) / 100.0) + "";
            if (rate < 4) {
                l.lpr(random.nextInt(8) == 0 ? "5Y" : "1Y", random.nextInt(4) == 0 ? 25 : 50, nominal);
            } else if (rate < 6) {
                l.fixed(nominal);
            } else if (rate < 8) {
                l.benchmark("1.1", nominal);
            } else {
                l.lpr("1Y", 50, (10 + random.nextInt(2000) / 100.0) + "");
            }
            if (random.nextInt(12) == 0) {
                l.onLending();
            }
            if (random.nextInt(15) == 0) {
                l.deposit(random.nextInt(5) == 0 ? "0.00" : (1000 + random.nextInt(200_000)) + ".00");
            }
            if (random.nextInt(15) == 0) {
                l.bundled("意外险", (100 + random.nextInt(9000)) + ".00", random.nextBoolean());
            }
            for (int f = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0; f > 0; f--) {
                l.fee(PAYEES[random.nextInt(PAYEES.length)], ITEMS[random.nextInt(ITEMS.length)],
                        (random.nextInt(40_000) + 1) + ".00", FeeTiming.values()[random.nextInt(FeeTiming.values().length)]);
            }
            out.add(analyzer.analyze(l.build(), context));
        }
        return out;
    }

    private static AuditContext context() {
        Policy policy = new Policy(300, new BigDecimal("1.0"), new BigDecimal("1.0"), new BigDecimal("0.10"));
        CaseInfo info = new CaseInfo(BANK, "某某农村商业银行", "rural-commercial", "CN-BJ", LocalDate.of(2023, 12, 31),
                policy);
        SourceRef catalogue = new SourceRef("catalog", BANK, SourceKind.PRICE_CATALOG, null, "pages/catalog.html", null);
        SourceRef schedule = new SourceRef("p01", "P01", SourceKind.PARTNER_SCHEDULE, null, "pages/p01.html", null);
        Disclosure bank = new Disclosure(catalogue, snapshot("catalog"), List.of(
                item("catalog", "贷款承诺费", "按贷款金额的0.5%收取", "仅适用于大中型企业客户"),
                item("catalog", "财务顾问费", "每笔不超过20000元", "对小微企业免收"),
                item("catalog", "资信证明", "每份200元", "小微企业免收")), null, List.of());
        Disclosure partner = new Disclosure(schedule, snapshot("p01"),
                List.of(item("p01", "担保费", "年担保费率0.8%", null)), null, List.of());
        return CaseAuditContext.builder(info).policy(policy)
                .partners(List.of(new Partner("P01", "某某融资担保有限公司", PartnerType.GUARANTEE, PartnerStatus.ACTIVE, true)))
                .sources(List.of(catalogue, schedule))
                .sourceStatuses(List.of(SourceStatus.ok("catalog", "sha-catalog", 3), SourceStatus.ok("p01", "sha-p01", 1)))
                .disclosures(List.of(bank, partner)).hasLoanBook(true).feeDictionary(BankCase.DICTIONARY)
                .lpr(NationalLpr.BUILT_IN).demandDepositRate(new BigDecimal("0.20"))
                .onLendingAverages(List.of(average("2021Q4"), average("2022Q1"), average("2022Q2"), average("2022Q3"),
                        average("2022Q4"), average("2023Q1"), average("2023Q2"), average("2023Q3")))
                .build();
    }

    private static OnLendingAverage average(String quarter) {
        return new OnLendingAverage("CN-BJ", quarter, "rural-commercial", new BigDecimal("4.00"), "benchmarks.json");
    }

    private static FeeItem item(String sourceId, String name, String price, String remark) {
        return new FeeItem(sourceId, name, null, null, price, PriceParser.parse(price), null, remark, null,
                "tr:nth-child(1)", name + " " + price + (remark == null ? "" : " " + remark));
    }

    private static Snapshot snapshot(String sourceId) {
        byte[] body = ("page " + sourceId).getBytes(StandardCharsets.UTF_8);
        return new Snapshot(sourceId, "pages/" + sourceId + ".html", "sha-" + sourceId, "text/html", "UTF-8", "meta",
                Instant.parse("2023-12-31T00:00:00Z"), body, new String(body, StandardCharsets.UTF_8));
    }
}
