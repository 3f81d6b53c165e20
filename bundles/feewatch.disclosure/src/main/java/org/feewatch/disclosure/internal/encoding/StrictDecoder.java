package org.feewatch.disclosure.internal.encoding;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/** Decodes bytes, replacing each malformed or unmappable sequence by U+FFFD and counting them. */
final class StrictDecoder {

    record Result(String text, int errors) {
    }

    private StrictDecoder() {
    }

    static Result decode(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(Math.max(16, (int) ((bytes.length - offset) * (double) decoder.averageCharsPerByte()) + 16));
        int errors = 0;
        boolean decoded = false;
        while (true) {
            CoderResult r = in.hasRemaining() || !decoded ? decoder.decode(in, out, true) : CoderResult.UNDERFLOW;
            decoded = true;
            if (r.isUnderflow()) {
                r = decoder.flush(out);
                if (r.isUnderflow()) {
                    break;
                }
            }
            if (r.isOverflow()) {
                out = grow(out);
            } else if (r.isError()) {
                errors++;
                in.position(in.position() + r.length());
                if (!out.hasRemaining()) {
                    out = grow(out);
                }
                out.put('\uFFFD');
            }
        }
        out.flip();
        return new Result(out.toString(), errors);
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
        out.flip();
        bigger.put(out);
        return bigger;
    }
}
