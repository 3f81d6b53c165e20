package org.feewatch.rules.national.internal.rules;

import static org.feewatch.rules.national.internal.rules.BankCase.bankFee;
import static org.feewatch.rules.national.internal.rules.BankCase.fee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.junit.jupiter.api.Test;

class Fee002ShiftedCostTest {

    private final Fee002ShiftedCost rule = new Fee002ShiftedCost();

    @Test
    void bankBorneCostsChargedByTheBankOrAPartnerAreFlagged() {
        List<Finding> findings = new BankCase()
                .loan("L40", BorrowerType.MICRO, "208000", "2023-03-19", "2026-03-19",
                        fee("P02", "押品评估费", "624.00", FeeTiming.UPFRONT))
                .loan("L53", BorrowerType.SMALL, "2960000", "2023-01-02", "2026-01-02", bankFee("抵押登记费", "550.00"))
                .loan("L60", BorrowerType.INDIVIDUAL_BUSINESS, "300000", "2023-01-02", "2025-01-02",
                        fee("P05", "抵押物保险费", "300.00", FeeTiming.ANNUAL))
                .run(rule);
        assertEquals(List.of("L40", "L53", "L60"), findings.stream().map(f -> f.subject().id()).toList());
        Finding byPartner = findings.get(0);
        assertEquals(Severity.HIGH, byPartner.severity());
        assertEquals(Subject.loan("L40"), byPartner.subject());
        assertEquals("624.00", byPartner.metrics().get("amount"));
        assertTrue(byPartner.title().contains("by partner P02"), byPartner.title());
        Finding byBank = findings.get(1);
        assertTrue(byBank.title().contains("抵押登记费 by the bank"), byBank.title());
        assertEquals("550.00", byBank.metrics().get("amount"));
        assertEquals("line 2", byBank.evidence().get(0).locator());
        assertEquals("600.00", findings.get(2).metrics().get("amount"), "an annual premium over two years is paid twice");
    }

    @Test
    void largerBorrowersAndOtherFeesAreNotThisRule() {
        List<Finding> findings = new BankCase()
                .loan("L1", BorrowerType.MEDIUM, "2960000", "2023-01-02", "2026-01-02", bankFee("抵押登记费", "550.00"))
                .loan("L2", BorrowerType.MICRO, "2960000", "2023-01-02", "2026-01-02", bankFee("贷款承诺费", "550.00"),
                        fee("P01", "担保费", "5000", FeeTiming.UPFRONT), fee("P03", "保险费", "500", FeeTiming.UPFRONT))
                .run(rule);
        assertEquals(List.of(), findings);
    }
}
