package org.feewatch.api;

import java.math.BigDecimal;

/**
 * A loan's rate terms. {@code nominal} is the contract's stated annual rate in percent;
 * {@code tenor} ("1Y" or "5Y") and {@code spreadBp} apply to LPR loans; {@code multiplier} to
 * loans priced off the retired benchmark rate. Absent fields are null.
 */
public record RateTerms(RateType type, String tenor, Integer spreadBp, BigDecimal nominal, BigDecimal multiplier) {
}
