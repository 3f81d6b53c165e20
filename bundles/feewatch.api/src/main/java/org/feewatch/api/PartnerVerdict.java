package org.feewatch.api;

import java.util.List;

/** A partner's verdict and the partner rules it broke. */
public record PartnerVerdict(String id, PartnerStatus status, Verdict verdict, List<String> rules) {
    public PartnerVerdict {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
