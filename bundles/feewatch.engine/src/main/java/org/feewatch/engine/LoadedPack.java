package org.feewatch.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.feewatch.api.CaseInfo;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Policy;
import org.feewatch.api.RuleInfo;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RulePack;
import org.feewatch.engine.internal.GuardedRule;

/**
 * A pack as read once at the start of an audit: everything it supplies is asked for here, inside a
 * guard, so a pack that throws is reported as an {@code info} finding and left out instead of
 * stopping the audit, and the audit sees one consistent answer.
 */
final class LoadedPack implements RulePack {

    /** A rule with its catalogue entry, or why the entry could not be read. */
    record LoadedRule(Rule rule, RuleInfo info, String problem, Throwable cause) {
    }

    private static final String UNNAMED = "unnamed-pack";

    final String id;
    final String version;
    final String region;
    final String label;
    final boolean national;
    final Policy policy;
    final List<OnLendingAverage> averages;
    final Map<String, String> synonyms;
    final Set<String> prohibited;
    final Set<String> bankBorne;
    final List<LoadedRule> rules;

    private LoadedPack(String id, String version, String region, Policy policy, List<OnLendingAverage> averages,
            Map<String, String> synonyms, Set<String> prohibited, Set<String> bankBorne, List<LoadedRule> rules) {
        this.id = id;
        this.version = version;
        this.region = region;
        this.national = AuditEngine.NATIONAL_REGION.equals(region);
        this.label = label(id, version, region);
        this.policy = policy == null ? Policy.EMPTY : policy;
        this.averages = averages == null ? List.of() : List.copyOf(averages);
        this.synonyms = synonyms == null ? Map.of() : Map.copyOf(synonyms);
        this.prohibited = prohibited == null ? Set.of() : Set.copyOf(prohibited);
        this.bankBorne = bankBorne == null ? Set.of() : Set.copyOf(bankBorne);
        this.rules = rules;
    }

    /** "national 1.0.0" for a national pack, "region CN-BJ 1.0.0" for a region pack. */
    static String label(String id, String version, String region) {
        return AuditEngine.NATIONAL_REGION.equals(region) ? id + " " + version : "region " + region + " " + version;
    }

    /**
     * Reads a pack, or returns null when it does not apply to the case (another region, or not in
     * force on {@code asOf}) or could not be read (then an info finding says so).
     */
    static LoadedPack probe(RulePack pack, CaseInfo caseInfo, FindingSink sink, AuditOptions options) {
        String id = UNNAMED;
        String label = UNNAMED;
        try {
            id = pack.id();
            if (id == null || id.isBlank()) {
                id = UNNAMED;
            }
            String version = pack.version();
            String region = pack.region();
            label = label(id, version, region);
            if (!AuditEngine.NATIONAL_REGION.equals(region) && !region.equals(caseInfo.region())) {
                return null;
            }
            LocalDate asOf = caseInfo.asOf();
            LocalDate from = pack.effectiveFrom();
            LocalDate to = pack.effectiveTo();
            if (asOf != null && ((from != null && asOf.isBefore(from)) || (to != null && asOf.isAfter(to)))) {
                return null;
            }
            List<LoadedRule> rules = new ArrayList<>();
            for (Rule rule : pack.rules()) {
                try {
                    rules.add(new LoadedRule(rule, rule.info(), null, null));
                } catch (OutOfMemoryError oom) {
                    throw oom;
                } catch (Throwable t) {
                    rules.add(new LoadedRule(rule, null, GuardedRule.reason(t), t));
                }
            }
            return new LoadedPack(id, version, region, pack.policyDefaults(), pack.onLendingAverages(),
                    pack.feeSynonyms(), pack.prohibitedForSmallMicro(), pack.bankBorneCosts(), rules);
        } catch (OutOfMemoryError oom) {
            throw oom;
        } catch (Throwable t) {
            options.diagnostics().accept("pack " + label + " could not be loaded", t);
            sink.add(GuardedRule.failureFinding(GuardedRule.ENGINE_CODE, id, label,
                    "the pack could not be loaded: " + GuardedRule.reason(t) + "; none of its rules ran"));
            return null;
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public List<Rule> rules() {
        return rules.stream().map(LoadedRule::rule).toList();
    }

    @Override
    public Policy policyDefaults() {
        return policy;
    }

    @Override
    public List<OnLendingAverage> onLendingAverages() {
        return averages;
    }

    @Override
    public Map<String, String> feeSynonyms() {
        return synonyms;
    }

    @Override
    public Set<String> prohibitedForSmallMicro() {
        return prohibited;
    }

    @Override
    public Set<String> bankBorneCosts() {
        return bankBorne;
    }
}
