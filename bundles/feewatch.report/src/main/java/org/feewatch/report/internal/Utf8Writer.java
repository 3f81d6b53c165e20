package org.feewatch.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A buffered UTF-8 writer for one thread: the report writers make millions of tiny writes
 * (a JSON name, an indent, a comma), and {@code BufferedWriter} over {@code OutputStreamWriter}
 * takes a lock and goes through a charset encoder on each of them. A lone surrogate is written as
 * {@code ?}, as {@code OutputStreamWriter} does.
 */
public final class Utf8Writer extends Writer {

    private final OutputStream out;
    private final byte[] buf;
    private final char[] scratch = new char[1024];
    private int n;
    /** A high surrogate whose low half has not been written yet, or 0. */
    private char high;

    public Utf8Writer(OutputStream out, int bufferSize) {
        this.out = out;
        this.buf = new byte[Math.max(bufferSize, 16)];
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        for (int i = off, end = off + len; i < end; i++) {
            char c = cbuf[i];
            if (c < 0x80 && high == 0) {
                if (n == buf.length) {
                    drain();
                }
                buf[n++] = (byte) c;
            } else {
                put(c);
            }
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        chars(s, off, off + len);
    }

    @Override
    public Writer append(CharSequence csq) throws IOException {
        if (csq == null) {
            write("null");
            return this;
        }
        chars(csq, 0, csq.length());
        return this;
    }

    /** Copies the characters out in bulk (cheaper than one bounds-checked charAt each), then encodes them. */
    private void chars(CharSequence s, int from, int to) throws IOException {
        while (from < to) {
            int k = Math.min(to - from, scratch.length);
            if (s instanceof String str) {
                str.getChars(from, from + k, scratch, 0);
            } else if (s instanceof StringBuilder sb) {
                sb.getChars(from, from + k, scratch, 0);
            } else {
                for (int i = 0; i < k; i++) {
                    scratch[i] = s.charAt(from + i);
                }
            }
            for (int i = 0; i < k; i++) {
                char c = scratch[i];
                if (c < 0x80 && high == 0) {
                    if (n == buf.length) {
                        drain();
                    }
                    buf[n++] = (byte) c;
                } else {
                    put(c);
                }
            }
            from += k;
        }
    }

    private void put(char c) throws IOException {
        if (n > buf.length - 4) {
            drain();
        }
        if (high != 0) {
            char h = high;
            high = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(h, c);
                buf[n++] = (byte) (0xF0 | (cp >> 18));
                buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[n++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            buf[n++] = '?';
            put(c);
            return;
        }
        if (c < 0x80) {
            buf[n++] = (byte) c;
        } else if (c < 0x800) {
            buf[n++] = (byte) (0xC0 | (c >> 6));
            buf[n++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            high = c;
        } else if (Character.isLowSurrogate(c)) {
            buf[n++] = '?';
        } else {
            buf[n++] = (byte) (0xE0 | (c >> 12));
            buf[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[n++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void drain() throws IOException {
        if (n > 0) {
            out.write(buf, 0, n);
            n = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (high != 0) {
            // a high surrogate at the very end has no low half coming
            high = 0;
            put('?');
        }
        flush();
        out.close();
    }
}
