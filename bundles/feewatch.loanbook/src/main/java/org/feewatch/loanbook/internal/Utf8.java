package org.feewatch.loanbook.internal;

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
            int len = sequenceLength(b, i, end);
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
            int len = sequenceLength(b, i, end);
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

    /** Length of the sequence at i, -1 when invalid, -2 when cut off by end. */
    static int sequenceLength(byte[] b, int i, int end) {
        int c = b[i] & 0xFF;
        int need;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            min = 0x10000;
        } else {
            return -1;
        }
        int cp = c & (0x3F >> need);
        for (int k = 1; k <= need; k++) {
            if (i + k >= end) {
                return -2;
            }
            int t = b[i + k] & 0xFF;
            if ((t & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (t & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return -1;
        }
        return need + 1;
    }
}
