package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.PricingCase.loan;
import static org.feewatch.rules.national.internal.rules.PricingCase.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.feewatch.api.Action;
import org.feewatch.api.Finding;
import org.feewatch.api.Repayment;
import org.feewatch.api.Severity;
import org.junit.jupiter.api.Test;

class Fee004TiedSellingTest {

    private final Fee004TiedSelling rule = new Fee004TiedSelling();

    @Test
    void mandatoryProductIsTiedSelling() {
        Finding f = only(new PricingCase().add(loan().id("L0001").principal("152000.00").lpr("1Y", 25, "3.70")
                .dates("2023-10-13", "2024-10-13").repayment(Repayment.INTEREST_MONTHLY)
                .bundled("借款人意外伤害保险", "456.00", true).line(1)).run(rule));
        assertEquals(Severity.HIGH, f.severity());
        assertEquals(Action.REFUND, f.action());
        assertEquals("Loan required buying 借款人意外伤害保险 (insurance, premium 456.00 yuan); all-in APR 4.0066 %",
                f.title());
        assertEquals("456.00", f.metrics().get("premium"));
        assertEquals("4.0066", f.metrics().get("apr"));
        assertEquals("3.7000", f.metrics().get("aprBankOnly"));
        assertEquals("line 1", f.evidence().get(0).locator());
    }

    @Test
    void voluntaryProductIsNot() {
        assertTrue(new PricingCase().add(loan().bundled("理财", "10000", false)).run(rule).isEmpty());
    }

    @Test
    void severalProductsMakeOneFindingWithEach() {
        Finding f = only(new PricingCase().add(loan().bundled("意外险", "300", true).bundled("财产险", "200", true)
                .bundled("理财", "5000", false)).run(rule));
        assertEquals("500.00", f.metrics().get("premium"));
        assertEquals("2", f.metrics().get("products"));
        assertEquals(2, f.evidence().size());
    }
}
