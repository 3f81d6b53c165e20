package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.PricingCase.loan;
import static org.feewatch.rules.national.internal.rules.PricingCase.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.feewatch.api.Finding;
import org.feewatch.api.Repayment;
import org.feewatch.api.Severity;
import org.junit.jupiter.api.Test;

class Fee005CompensatingDepositTest {

    private final Fee005CompensatingDeposit rule = new Fee005CompensatingDeposit();

    @Test
    void depositIsFoundWithAprsWithAndWithoutIt() {
        Finding f = only(new PricingCase().add(loan().id("L0033").principal("1120000.00").lpr("1Y", 30, "3.75")
                .dates("2023-08-28", "2026-08-28").repayment(Repayment.EQUAL_PRINCIPAL).deposit("224000.00")).run(rule));
        assertEquals(Severity.HIGH, f.severity());
        assertEquals("5.9206", f.metrics().get("apr"));
        assertEquals("3.7500", f.metrics().get("aprWithoutDeposit"));
        assertEquals("224000.00", f.metrics().get("deposit"));
        assertEquals("20.0000", f.metrics().get("depositShareOfPrincipal"));
        assertEquals("0.20", f.metrics().get("demandRate"));
        assertEquals("Loan required a compensating deposit of 224000.00 yuan (20 % of principal): all-in APR 5.9206 % "
                + "with it, 3.7500 % without", f.title());
    }

    @Test
    void noDepositNoFinding() {
        assertTrue(new PricingCase().add(loan()).run(rule).isEmpty());
    }
}
