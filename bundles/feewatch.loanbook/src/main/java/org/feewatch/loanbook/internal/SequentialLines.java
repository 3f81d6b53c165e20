package org.feewatch.loanbook.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads a file line by line on one thread (headers, the fees.csv pre-scan), giving each line's
 * bytes, physical number and file offsets. A line longer than the limit is reported and skipped
 * without being held.
 */
final class SequentialLines {
    /** A line too long to keep: its number and length. */
    interface TooLong {
        void line(long number, long length);
    }

    private final FileChannel ch;
    private final int maxLine;
    private byte[] buf;
    private int pos;
    private int filled;
    private long bufOffset;
    private boolean eof;

    byte[] bytes;
    int start;
    int end;
    long number;
    long offset;
    long nextOffset;
    boolean endedWithBreak;

    SequentialLines(FileChannel ch, long offset, long firstLine, int maxLine) {
        this.ch = ch;
        this.maxLine = maxLine;
        this.buf = new byte[Math.max(64 << 10, Math.min(maxLine + 2, 1 << 20))];
        this.bufOffset = offset;
        this.number = firstLine - 1;
    }

    /** Moves to the next line; false at the end of the file. */
    boolean next(TooLong tooLong) throws IOException {
        while (true) {
            int nl = Bytes.indexOf(buf, pos, filled, (byte) '\n');
            if (nl < 0 && !eof) {
                if (filled - pos > maxLine) {
                    skipLongLine(tooLong);
                    continue;
                }
                refill();
                continue;
            }
            if (nl < 0 && pos == filled) {
                return false;
            }
            number++;
            bytes = buf;
            start = pos;
            offset = bufOffset + pos;
            int lineEnd = nl < 0 ? filled : nl;
            endedWithBreak = nl >= 0;
            pos = nl < 0 ? filled : nl + 1;
            nextOffset = bufOffset + pos;
            end = Bytes.lineContentEnd(buf, start, lineEnd);
            if (end - start > maxLine) {
                tooLong.line(number, end - start);
                continue;
            }
            return true;
        }
    }

    private void refill() throws IOException {
        int keep = filled - pos;
        if (keep >= buf.length / 2) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, pos, bigger, 0, keep);
            buf = bigger;
        } else {
            System.arraycopy(buf, pos, buf, 0, keep);
        }
        bufOffset += pos;
        pos = 0;
        filled = keep;
        ByteBuffer bb = ByteBuffer.wrap(buf, filled, buf.length - filled);
        int n = ch.read(bb, bufOffset + filled);
        if (n < 0) {
            eof = true;
        } else {
            filled += n;
        }
    }

    private void skipLongLine(TooLong tooLong) throws IOException {
        long length = filled - pos;
        long lineNo = ++number;
        bufOffset += filled;
        pos = 0;
        filled = 0;
        while (true) {
            int n = ch.read(ByteBuffer.wrap(buf), bufOffset);
            if (n < 0) {
                eof = true;
                break;
            }
            filled = n;
            int nl = Bytes.indexOf(buf, 0, n, (byte) '\n');
            if (nl >= 0) {
                length += nl;
                pos = nl + 1;
                break;
            }
            length += n;
            bufOffset += n;
            filled = 0;
        }
        tooLong.line(lineNo, length);
    }
}
