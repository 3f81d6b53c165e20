package org.feewatch.region.bj.internal;

import org.feewatch.rules.national.testing.PackAudit;

/** A case of a bank in CN-BJ audited as of 2023-12-31, with one-year loans from 2023-03-15 by default. */
public final class RegionAudit extends PackAudit {

    public RegionAudit() {
        super("CN-BJ", "2023-12-31");
    }

    public static L loan(String id) {
        return new L("2023-03-15", "2024-03-15").id(id);
    }
}
