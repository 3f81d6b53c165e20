package org.feewatch.region.gd.internal;

import org.feewatch.rules.national.testing.PackAudit;

/** A case of a bank in CN-GD audited as of 2025-12-31, with one-year loans from 2025-08-15 by default. */
public final class RegionAudit extends PackAudit {

    public RegionAudit() {
        super("CN-GD", "2025-12-31");
    }

    public static L loan(String id) {
        return new L("2025-08-15", "2026-08-15").id(id);
    }
}
