package org.feewatch.engine.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;

/**
 * The {@code info} finding that says a case's region has no region pack in use, so that a report
 * never looks complete when the region's rules and data were not applied: code
 * {@value #CODE}, subject type {@code source} with the region code, action {@code review}.
 */
public final class RegionCoverage {

    /** The code of the engine's "no region pack" finding. */
    public static final String CODE = "ENGINE-002";

    private RegionCoverage() {
    }

    /**
     * @param region        the case's region (not {@code CN})
     * @param asOf          the case's audit date
     * @param notInForce    labels of installed packs for the region that do not apply on {@code asOf}
     */
    public static Finding missing(String region, LocalDate asOf, List<String> notInForce) {
        String what = notInForce.isEmpty()
                ? "no region pack for " + region + " is installed"
                : "the installed pack" + (notInForce.size() == 1 ? " " : "s ") + String.join(", ", notInForce)
                        + (notInForce.size() == 1 ? " does" : " do") + " not apply on " + asOf;
        return new Finding(CODE, Severity.INFO, Subject.source(region),
                "Region pack for " + region + " missing: only the national rules were applied",
                List.of(new Evidence("case.json", "region", what + "; its region rules and region data (such as the"
                        + " local averages RATE-005 compares with) were not used. Install it with"
                        + " ./feewatch plugins install FILE", null)),
                Map.of("region", region), List.of(), Action.REVIEW);
    }
}
