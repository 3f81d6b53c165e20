package org.feewatch.engine.lpr;

import java.util.List;

import org.feewatch.api.LprFixing;

/**
 * What one import did: how many reformed fixings the input held, how many were new to the table,
 * which known dates got different figures, the latest fixing now known, and where the import was
 * recorded.
 */
public record LprImport(String origin, int read, int added, List<String> changed, LprFixing latest,
        String recordedAs) {

    public LprImport {
        changed = changed == null ? List.of() : List.copyOf(changed);
    }

    /** One line for a user. */
    public String summary() {
        return "Imported " + read + " LPR fixing" + (read == 1 ? "" : "s") + " from " + origin + ": " + added + " new"
                + (changed.isEmpty() ? "" : ", " + changed.size() + " changed (" + String.join("; ", changed) + ")")
                + (latest == null ? "" : "; latest fixing " + latest.date() + " (1Y " + latest.oneYear().toPlainString()
                        + " %, 5Y+ " + latest.fiveYear().toPlainString() + " %)")
                + "; recorded as " + recordedAs;
    }
}
