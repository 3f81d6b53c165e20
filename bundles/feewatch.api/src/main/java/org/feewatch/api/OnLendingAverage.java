package org.feewatch.api;

import java.math.BigDecimal;

/**
 * A local average annual rate (percent) of small and micro loans by institutions of one type in
 * one quarter ("2023Q1"), for RATE-005; {@code source} names where it came from (benchmarks.json
 * or a region pack's cited data file).
 */
public record OnLendingAverage(String region, String quarter, String institutionType, BigDecimal rate, String source) {
}
