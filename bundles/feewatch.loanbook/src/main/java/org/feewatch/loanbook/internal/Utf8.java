package org.feewatch.loanbook.internal;

import org.feewatch.api.text.TextEncodings;

/** Strict UTF-8 validation on byte ranges (no overlong forms, no surrogates, nothing above U+10FFFF). */
final class Utf8 {
    private Utf8() {
    }

    /** Index of the first byte of an invalid sequence in {@code [start, end)}, or -1 when valid. */
    static int firstInvalid(byte[] b, int start, int end) {
        int i = start;
        while (i < end) {
            // ASCII runs are skipped eight bytes at a time
            i = Bytes.firstNonAscii(b, i, end);
            if (i < 0) {
                return -1;
            }
            int len = TextEncodings.utf8SequenceLength(b, i, end);
            if (len < 0) {
                return i;
            }
            i += len;
        }
        return -1;
    }

    /**
     * Like {@link #firstInvalid} but a sequence cut off by {@code end} is not an error: for samples
     * taken from the start of a file.
     */
    static boolean validPrefix(byte[] b, int start, int end) {
        int i = start;
        while (i < end) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int len = TextEncodings.utf8SequenceLength(b, i, end);
            if (len == -2) {
                return true;
            }
            if (len < 0) {
                return false;
            }
            i += len;
        }
        return true;
    }
}
