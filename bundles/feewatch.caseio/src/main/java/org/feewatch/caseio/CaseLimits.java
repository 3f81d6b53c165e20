package org.feewatch.caseio;

/**
 * Limits on a .zip case (CASE-FORMAT.md "Limits"): at most {@code maxEntries} entries and
 * {@code maxUncompressedBytes} bytes once uncompressed; beyond either the zip is refused and
 * nothing is extracted.
 */
public record CaseLimits(int maxEntries, long maxUncompressedBytes) {

    /** 100,000 entries and 1 GB (10^9 bytes). */
    public static final CaseLimits DEFAULT = new CaseLimits(100_000, 1_000_000_000L);

    public CaseLimits {
        if (maxEntries < 1 || maxUncompressedBytes < 1) {
            throw new IllegalArgumentException("zip limits must be positive");
        }
    }
}
