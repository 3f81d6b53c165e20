package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.BankCase.productFee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.feewatch.api.FeeItem;
import org.feewatch.api.Finding;
import org.feewatch.api.Policy;
import org.feewatch.api.ProductTerms;
import org.feewatch.api.Repayment;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

class Disc004UnderstatedAprTest {

    private final Disc004UnderstatedApr rule = new Disc004UnderstatedApr();

    private static ProductTerms terms(String apr, String label, String execution, Integer months, Repayment repayment,
            String maxAmount, FeeItem... fees) {
        return new ProductTerms("prod", "北辰普惠快贷", apr == null ? null : new BigDecimal(apr), label, List.of(),
                execution == null ? null : new BigDecimal(execution), months, repayment,
                maxAmount == null ? null : new BigDecimal(maxAmount), List.of(fees), "body", "年化利率 4.35% …");
    }

    private static List<Finding> run(ProductTerms t) {
        return new BankCase().product("prod", t).run(new Disc004UnderstatedApr());
    }

    @Test
    void theDemoProductUnderstatesItsAprByItsUpfrontServiceFee() {
        // 4.35 % advertised, 12 months equal installments, 1.5 % of the amount taken at disbursement
        List<Finding> findings = run(terms("4.35", null, null, 12, Repayment.EQUAL_INSTALLMENT, "3000000",
                productFee("prod", "贷款服务费", "放款时按贷款金额的1.5%一次性收取")));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(Subject.product("prod"), f.subject());
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(7.178455627818598, Double.parseDouble(f.metrics().get("computedApr")), 1e-8);
        assertEquals("4.35", f.metrics().get("advertisedApr"));
        assertTrue(!f.title().contains("effective"), f.title());
        assertEquals("12", f.metrics().get("termMonths"));
        assertTrue(f.title().contains("7.18%"), f.title());
        assertEquals("sha-prod", f.evidence().get(0).sha256());
    }

    @Test
    void withinTheToleranceIsInOrder() {
        // no fees: the APR is the rate itself
        assertEquals(List.of(), run(terms("4.35", null, null, 12, Repayment.EQUAL_INSTALLMENT, "3000000")));
        // a tiny fee: 0.03 % upfront on interest-only payments adds about 0.03 pp
        assertEquals(List.of(), run(terms("4.35", null, null, 12, Repayment.INTEREST_MONTHLY, "1000000",
                productFee("prod", "贷款服务费", "按贷款金额的0.03%收取"))));
    }

    @Test
    void theExecutionRateIsUsedWhenThePageStatesOne() {
        List<Finding> findings = run(terms("3.85", null, "4.35", 12, Repayment.INTEREST_MONTHLY, "500000"));
        assertEquals(1, findings.size());
        assertEquals(4.35, Double.parseDouble(findings.get(0).metrics().get("computedApr")), 1e-6);
        assertEquals("4.35", findings.get(0).metrics().get("interestRate"));
    }

    @Test
    void aFixedFeeIsTakenOnTheLargestAmount() {
        // 1500 yuan on 3,000,000 for a year: about 0.05 pp; on 300,000 about 0.5 pp
        List<Finding> findings = run(terms("4.35", null, null, 12, Repayment.INTEREST_MONTHLY, "3000000",
                productFee("prod", "贷款服务费", "每笔1500元")));
        assertEquals(List.of(), findings);
        List<Finding> small = run(terms("4.35", null, null, 12, Repayment.INTEREST_MONTHLY, "300000",
                productFee("prod", "贷款服务费", "每笔1500元")));
        assertEquals(1, small.size());
    }

    @Test
    void aCompoundLabelIsComparedWithTheEffectiveApr() {
        // 4.35 % nominal is 4.4355 % effective: a page advertising 4.35 % as compound understates by 0.0855 pp, in tolerance
        assertEquals(List.of(), run(terms("4.35", "复利", null, 12, Repayment.EQUAL_INSTALLMENT, "3000000")));
        List<Finding> findings = run(terms("4.30", "复利", null, 12, Repayment.EQUAL_INSTALLMENT, "3000000",
                productFee("prod", "账户管理费", "每月按本金的0.01%")));
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).title().contains("effective"), findings.get(0).title());
    }

    @Test
    void toleranceComesFromThePolicy() {
        ProductTerms t = terms("4.35", null, null, 12, Repayment.INTEREST_MONTHLY, "1000000",
                productFee("prod", "贷款服务费", "按贷款金额的0.03%收取"));
        BankCase c = new BankCase().product("prod", t);
        c.policy = new Policy(300, null, null, new BigDecimal("0.01"));
        assertEquals(1, c.run(rule).size());
    }

    @Test
    void missingTermsGiveAnInfoFinding() {
        List<Finding> noTerm = run(terms("4.35", null, null, null, Repayment.BULLET, "1000000"));
        assertEquals(Severity.INFO, noTerm.get(0).severity());
        assertTrue(noTerm.get(0).title().contains("term"), noTerm.get(0).title());
        List<Finding> noAmount = run(terms("4.35", null, null, 12, Repayment.BULLET, null,
                productFee("prod", "贷款服务费", "每笔3000元")));
        assertEquals(Severity.INFO, noAmount.get(0).severity());
    }

    @Test
    void pagesWithoutAnAdvertisedRateAreDisc003s() {
        assertEquals(List.of(), run(terms(null, null, null, 12, Repayment.BULLET, "1000000")));
    }

    @Test
    void negotiatedFeesAreNotCountedButListed() {
        List<Finding> findings = run(terms("4.35", null, null, 12, Repayment.EQUAL_INSTALLMENT, "3000000",
                productFee("prod", "贷款服务费", "按贷款金额的1.5%收取"), productFee("prod", "顾问费", "协议定价")));
        assertTrue(findings.get(0).title().endsWith("not counted: 顾问费 协议定价"), findings.get(0).title());
    }
}
