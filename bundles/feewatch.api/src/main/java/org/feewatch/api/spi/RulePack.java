package org.feewatch.api.spi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Policy;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A set of rules with its data: the national pack (region {@code CN}) or a region pack
 * ({@code CN-BJ} …) adding rules under its own prefix ({@code BJ-001}), tighter policy defaults,
 * reference data and fee-item synonyms. A region pack may tighten national thresholds, never loosen
 * them: the engine refuses (and logs) a looser value.
 */
@ConsumerType
public interface RulePack {

    /** A stable id, such as {@code national} or {@code region-cn-bj}. */
    String id();

    /** The pack's version, shown in the report's {@code engine.plugins}. */
    String version();

    /** {@code CN} for the national pack, else the region code it serves. */
    String region();

    /** First day the pack applies (inclusive), or null. */
    default LocalDate effectiveFrom() {
        return null;
    }

    /** Last day the pack applies (inclusive), or null. */
    default LocalDate effectiveTo() {
        return null;
    }

    List<Rule> rules();

    /** Policy defaults; unset fields leave the lower layer's value. */
    default Policy policyDefaults() {
        return Policy.EMPTY;
    }

    /** On-lending averages the pack supplies for RATE-005. */
    default List<OnLendingAverage> onLendingAverages() {
        return List.of();
    }

    /** Extra fee-item synonyms: item name as written → canonical category. */
    default Map<String, String> feeSynonyms() {
        return Map.of();
    }

    /** Canonical fee categories that may not be charged to small and micro borrowers (FEE-001). */
    default java.util.Set<String> prohibitedForSmallMicro() {
        return java.util.Set.of();
    }

    /** Canonical fee categories that are costs the bank must bear (FEE-002). */
    default java.util.Set<String> bankBorneCosts() {
        return java.util.Set.of();
    }

    /** Hosts the pack allows fetching from in serve mode. */
    default List<String> allowedHosts() {
        return List.of();
    }
}
