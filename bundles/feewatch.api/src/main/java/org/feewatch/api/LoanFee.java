package org.feewatch.api;

import java.math.BigDecimal;

/** A fee charged on a loan: payee is the institution id or a partner id. */
public record LoanFee(String payee, String item, BigDecimal amount, FeeTiming when) {
}
