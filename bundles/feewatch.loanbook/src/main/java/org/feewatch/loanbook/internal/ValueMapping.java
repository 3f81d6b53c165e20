package org.feewatch.loanbook.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.feewatch.api.BorrowerType;
import org.feewatch.api.FeeTiming;
import org.feewatch.api.RateType;
import org.feewatch.api.Repayment;

/**
 * Which values a bank's export may write for the enumerated columns of loans.csv and fees.csv
 * (等额本息, 小型企业, 1年期, 是, 按年 …), each read exactly as the canonical value of CASE-FORMAT.md it
 * is mapped to. Data, not code: the defaults below are those of config/org.feewatch.loanbook.columns.cfg
 * (keys {@code value.<column>}), and a configured key replaces its default, so a bank adds a value by
 * appending it to the line. Values match after the header normalisation of {@link ColumnMapping}
 * (NFKC, surrounding spaces, Latin case). The canonical values themselves are always accepted and are
 * never looked up here (the readers match them on their bytes first).
 */
final class ValueMapping {
    /** The mappable columns; the index of each in {@link #KEYS}. */
    static final int BORROWER_TYPE = 0;
    static final int RATE_TYPE = 1;
    static final int RATE_TENOR = 2;
    static final int REPAYMENT = 3;
    static final int ON_LENDING = 4;
    static final int FEE_WHEN = 5;
    /** The configuration key of each mappable column. */
    static final List<String> KEYS = List.of("value.borrower_type", "value.rate_type", "value.rate_tenor",
            "value.repayment", "value.on_lending", "value.fee.when");

    // default values (the same as config/org.feewatch.loanbook.columns.cfg); compile-time constants so that
    // the metatype defaults can use them. 小微企业 does not say which of small or micro: both are small and
    // micro borrowers (CASE-FORMAT.md) and no rule tells them apart, so it reads as small.
    static final String BORROWER_TYPES = "小微企业=small, 小型企业=small, 微型企业=micro, 个体工商户=individual-business, "
            + "小微企业主=micro-owner, 中型企业=medium, 大型企业=large";
    static final String RATE_TYPES = "LPR=lpr, 贷款市场报价利率=lpr, 基准利率=benchmark, 固定利率=fixed";
    static final String RATE_TENORS = "1年期=1Y, 一年期=1Y, 5年期以上=5Y, 五年期以上=5Y";
    static final String REPAYMENTS = "等额本息=equal-installment, 等额本金=equal-principal, "
            + "按月付息到期还本=interest-monthly, 按月付息、到期还本=interest-monthly, 到期一次还本付息=bullet, 利随本清=bullet";
    static final String BOOLEANS = "是=true, 否=false";
    static final String FEE_TIMINGS = "一次性=upfront, 期初=upfront, 按年=annual, 按月=monthly, 到期=maturity";
    private static final String[] DEFAULTS = {BORROWER_TYPES, RATE_TYPES, RATE_TENORS, REPAYMENTS, BOOLEANS,
        FEE_TIMINGS};

    /** Per column: normalised value → the canonical value (an enum constant, "1Y"/"5Y", a Boolean, or "bundled"). */
    private final List<Map<String, Object>> byColumn;
    /** Configured entries that were ignored, each with its reason. */
    final List<String> problems;

    private ValueMapping(List<Map<String, Object>> byColumn, List<String> problems) {
        this.byColumn = byColumn;
        this.problems = problems;
    }

    private static final ValueMapping DEFAULT = of(Map.of());

    static ValueMapping defaults() {
        return DEFAULT;
    }

    /** From configuration properties ({@code value.repayment = 等额本息=equal-installment, …}); absent keys keep their defaults. */
    static ValueMapping of(Map<String, ?> properties) {
        List<Map<String, Object>> columns = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < KEYS.size(); k++) {
            Map<String, Object> m = new HashMap<>();
            Object configured = properties.get(KEYS.get(k));
            String text = configured == null ? DEFAULTS[k]
                    : configured instanceof String[] arr ? String.join(",", arr) : configured.toString();
            for (String entry : text.split("[,，]")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.lastIndexOf('=');
                String value = eq < 0 ? "" : ColumnMapping.normalize(entry.substring(0, eq));
                String target = eq < 0 ? "" : entry.substring(eq + 1).strip();
                Object canonical = target(k, target);
                if (value.isEmpty() || canonical == null) {
                    problems.add(KEYS.get(k) + ": \"" + entry.strip() + "\" is not VALUE=CANONICAL with CANONICAL one of "
                            + allowed(k) + "; it is ignored");
                } else {
                    m.put(value, canonical);
                }
            }
            columns.add(Collections.unmodifiableMap(m));
        }
        return new ValueMapping(List.copyOf(columns), List.copyOf(problems));
    }

    private static Object target(int column, String target) {
        byte[] b = target.getBytes(StandardCharsets.UTF_8);
        return switch (column) {
            case BORROWER_TYPE -> WireValues.BORROWER_TYPES.match(b, 0, b.length);
            case RATE_TYPE -> WireValues.RATE_TYPES.match(b, 0, b.length);
            case REPAYMENT -> WireValues.REPAYMENTS.match(b, 0, b.length);
            case RATE_TENOR -> "1Y".equals(target) || "5Y".equals(target) ? target : null;
            case ON_LENDING -> "true".equals(target) ? Boolean.TRUE : "false".equals(target) ? Boolean.FALSE : null;
            default -> "bundled".equals(target) ? "bundled" : WireValues.FEE_TIMINGS.match(b, 0, b.length);
        };
    }

    private static String allowed(int column) {
        return switch (column) {
            case BORROWER_TYPE -> WireValues.BORROWER_TYPES.list();
            case RATE_TYPE -> WireValues.RATE_TYPES.list();
            case REPAYMENT -> WireValues.REPAYMENTS.list();
            case RATE_TENOR -> "1Y, 5Y";
            case ON_LENDING -> "true, false";
            default -> WireValues.FEE_TIMINGS.list() + ", bundled";
        };
    }

    /** The canonical value {@code text} is mapped to in {@code column}, or null. */
    Object canonical(int column, String text) {
        Map<String, Object> m = byColumn.get(column);
        return m.isEmpty() ? null : m.get(ColumnMapping.normalize(text));
    }

    /** Added to the message of a value that is neither canonical nor mapped: where it could be mapped. */
    static String hint(int column) {
        return " (nor mapped to one by " + KEYS.get(column) + " in config/org.feewatch.loanbook.columns.cfg)";
    }

    /** The mapped values of a column, for documentation and tests. */
    Map<String, Object> values(int column) {
        return byColumn.get(column);
    }
}
