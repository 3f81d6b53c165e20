package org.feewatch.disclosure.internal.fetch;

import java.math.BigDecimal;
import java.time.Duration;

/** Limits as people write them: "30 s", "0.5 s", "10 MB", "64 KB". */
final class Units {

    private static final long KB = 1024;
    private static final long MB = KB * 1024;

    private Units() {
    }

    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
    }

    static String bytes(long n) {
        if (n >= MB && n % MB == 0) {
            return n / MB + " MB";
        }
        if (n >= KB && n % KB == 0) {
            return n / KB + " KB";
        }
        return n + " bytes";
    }
}
