package org.feewatch.api;

import java.time.LocalDate;

/** case.json: who is audited, where, as of when, and the case's own policy thresholds. */
public record CaseInfo(String institutionId, String institutionName, String institutionType, String region,
        LocalDate asOf, Policy policy) {
    public CaseInfo {
        policy = policy == null ? Policy.EMPTY : policy;
    }
}
