package org.feewatch.engine.cashflow;

import java.math.BigDecimal;

import org.feewatch.api.FeeTiming;

/**
 * A fee of a product's published terms, already turned into yuan per payment: {@code amount} is paid
 * once ({@code upfront}, {@code maturity}), each year or each month according to {@code when}.
 */
public record TermFee(String name, BigDecimal amount, FeeTiming when) {
}
