package org.feewatch.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.feewatch.api.InputIssue;
import org.feewatch.api.Policy;
import org.feewatch.api.spi.RulePack;

/**
 * The effective policy of an audit: case.json over the region packs over the national defaults
 * (configuration first, then the national pack's own defaults). A region pack may tighten a
 * national threshold, never loosen it: a looser value (a higher spread, fee-rate cap or APR
 * tolerance) is refused, the national value stays, and the refusal is a warning of the report.
 * case.json is the auditor's own choice and is taken as written.
 */
public final class PolicyLayers {

    /** The layered policy and the refusals to report. */
    public record Result(Policy effective, List<InputIssue> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private PolicyLayers() {
    }

    /**
     * @param casePolicy       case.json's policy (may be empty)
     * @param regionPacks      the packs of the case's region, in load order
     * @param nationalDefaults configuration's national defaults over the national packs' defaults
     */
    public static Result resolve(Policy casePolicy, List<RulePack> regionPacks, Policy nationalDefaults) {
        Policy national = nationalDefaults == null ? Policy.EMPTY : nationalDefaults;
        List<InputIssue> warnings = new ArrayList<>();
        Policy region = Policy.EMPTY;
        for (RulePack pack : regionPacks) {
            Policy offered = pack.policyDefaults();
            if (offered == null) {
                continue;
            }
            String who = "region pack " + pack.id() + " " + pack.version();
            Integer spread = tighterOrNational(offered.maxSpreadBp(), national.maxSpreadBp(), "maxSpreadBp", who,
                    warnings);
            BigDecimal guarantee = tighterOrNational(offered.maxGuaranteeFeeRate(), national.maxGuaranteeFeeRate(),
                    "maxGuaranteeFeeRate", who, warnings);
            BigDecimal insurance = tighterOrNational(offered.maxInsuranceFeeRate(), national.maxInsuranceFeeRate(),
                    "maxInsuranceFeeRate", who, warnings);
            BigDecimal tolerance = tighterOrNational(offered.aprTolerancePp(), national.aprTolerancePp(),
                    "aprTolerancePp", who, warnings);
            // an earlier region pack's value stays when a later one offers another
            region = region.orElse(new Policy(spread, guarantee, insurance, tolerance));
        }
        Policy effective = (casePolicy == null ? Policy.EMPTY : casePolicy).orElse(region).orElse(national);
        addMissing(effective.maxSpreadBp(), "maxSpreadBp", warnings);
        addMissing(effective.maxGuaranteeFeeRate(), "maxGuaranteeFeeRate", warnings);
        addMissing(effective.maxInsuranceFeeRate(), "maxInsuranceFeeRate", warnings);
        addMissing(effective.aprTolerancePp(), "aprTolerancePp", warnings);
        return new Result(effective, warnings);
    }

    private static <T extends Comparable<T>> T tighterOrNational(T offered, T national, String field, String who,
            List<InputIssue> warnings) {
        if (offered == null) {
            return null;
        }
        if (national != null && offered.compareTo(national) > 0) {
            warnings.add(new InputIssue(null, null, who + " sets policy " + field + " to " + plain(offered)
                    + ", looser than the national " + plain(national) + ": refused, " + plain(national) + " applies"));
            return null;
        }
        return offered;
    }

    private static void addMissing(Object value, String field, List<InputIssue> warnings) {
        if (value == null) {
            warnings.add(new InputIssue(null, null, "policy " + field
                    + " is set neither in case.json nor by a region pack nor in the national defaults: "
                    + "rules that need it cannot judge"));
        }
    }

    private static String plain(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }
}
