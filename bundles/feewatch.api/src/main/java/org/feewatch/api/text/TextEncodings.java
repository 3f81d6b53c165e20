package org.feewatch.api.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/** Strict UTF-8 sequences (no overlong forms, no surrogates, nothing above U+10FFFF) and GBK sniffing. */
public final class TextEncodings {

    /** {@link #utf8SequenceLength}: the bytes at the index are no UTF-8 sequence. */
    public static final int INVALID = -1;
    /** {@link #utf8SequenceLength}: a sequence that would be valid is cut off by the range's end. */
    public static final int CUT_OFF = -2;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextEncodings() {
    }

    /**
     * Length of the UTF-8 sequence that starts at {@code i} (a byte of 0x80 or more), bounded by
     * {@code end}: 2 to 4, {@link #INVALID} or {@link #CUT_OFF}.
     */
    public static int utf8SequenceLength(byte[] b, int i, int end) {
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
            return INVALID;
        }
        int cp = c & (0x3F >> need);
        for (int k = 1; k <= need; k++) {
            if (i + k >= end) {
                return CUT_OFF;
            }
            int t = b[i + k] & 0xFF;
            if ((t & 0xC0) != 0x80) {
                return INVALID;
            }
            cp = (cp << 6) | (t & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return INVALID;
        }
        return need + 1;
    }

    /**
     * True when bytes that are not valid UTF-8 read as GB18030 (covering GBK and GB2312) without
     * error, a character cut off at the range's end aside (the range may be a sample of a file), and
     * their invalid UTF-8 bytes (two at least: one stray byte says nothing of an encoding) outnumber
     * their valid multi-byte UTF-8 characters: Chinese text written in a Windows code page, not a
     * UTF-8 file with a damaged line or two.
     */
    public static boolean looksLikeGb18030(byte[] b, int start, int end) {
        int validMultiByte = 0;
        int invalid = 0;
        int i = start;
        while (i < end) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int len = utf8SequenceLength(b, i, end);
            if (len == CUT_OFF) {
                break;
            }
            if (len == INVALID) {
                invalid++;
                i++;
            } else {
                validMultiByte++;
                i += len;
            }
        }
        if (invalid < 2 || invalid <= validMultiByte) {
            return false;
        }
        CharsetDecoder decoder = GB18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(end - start);
        // not the end of input: a character cut off at the range's end is left over, not an error
        return !decoder.decode(ByteBuffer.wrap(b, start, end - start), out, false).isError();
    }
}
