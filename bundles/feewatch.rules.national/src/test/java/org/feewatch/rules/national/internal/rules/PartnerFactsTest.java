package org.feewatch.rules.national.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.feewatch.api.FeeTiming;
import org.feewatch.api.Loan;
import org.junit.jupiter.api.Test;

class PartnerFactsTest {

    private static Loan loan(String from, String to) {
        return new Loan("L1", null, null, null, BigDecimal.ONE, LocalDate.parse(from), LocalDate.parse(to), null, null,
                false, null, List.of(), List.of(), "loans.jsonl", 1);
    }

    @Test
    void aMaturityOnTheLastDayOfAShorterMonthCountsAsAFullMonth() {
        assertEquals(1, PartnerFacts.termMonths(loan("2023-01-31", "2023-02-28")));
        assertEquals(13, PartnerFacts.termMonths(loan("2023-01-31", "2024-02-29")));
        assertEquals(12, PartnerFacts.termMonths(loan("2023-06-09", "2024-06-09")));
        assertEquals(11, PartnerFacts.termMonths(loan("2023-06-09", "2024-06-08")));
    }

    @Test
    void anAnnualFeeIsPaidInMonths0And12AndSoOnStrictlyBeforeMaturity() {
        assertEquals(1, PartnerFacts.occurrences(FeeTiming.ANNUAL, 12));
        assertEquals(2, PartnerFacts.occurrences(FeeTiming.ANNUAL, 13));
        assertEquals(2, PartnerFacts.occurrences(FeeTiming.ANNUAL, 24));
        assertEquals(24, PartnerFacts.occurrences(FeeTiming.MONTHLY, 24));
        assertEquals(1, PartnerFacts.occurrences(FeeTiming.MATURITY, 24));
    }
}
