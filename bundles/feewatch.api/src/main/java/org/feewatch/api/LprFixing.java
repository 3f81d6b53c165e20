package org.feewatch.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One LPR fixing: the publication date and the 1-year and over-5-year figures in percent. */
public record LprFixing(LocalDate date, BigDecimal oneYear, BigDecimal fiveYear, String source) {
    /** The figure for a tenor, "1Y" or "5Y". */
    public BigDecimal forTenor(String tenor) {
        return "5Y".equalsIgnoreCase(tenor) ? fiveYear : oneYear;
    }
}
