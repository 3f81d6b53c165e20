package org.feewatch.loanbook.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.feewatch.api.InputIssue;
import org.feewatch.api.spi.LoanBookListener;

/** The fees.csv pre-scan (into a {@link FeeIndex}) and the orphan-row warnings after the book is read. */
record FeeScan(FeeIndex index, CsvHeader header) {
    private static final String FILE = CsvLoanParser.FEES;

    /** Index of fees.csv, or a null index when its rows cannot be joined (no header, no loan id column). */
    static FeeScan scan(FileChannel ch, BookCharset cs, int maxLine, ColumnMapping columns,
            LoanBookListener listener) throws IOException {
        SequentialLines lines = new SequentialLines(ch, cs.bomLength(), 1, maxLine);
        SequentialLines.TooLong tooLong = (n, len) -> listener.onWarning(InputIssue.at(FILE, n, String.format(
                "the row is %,d bytes long, over the limit of %,d bytes; it was skipped", len, maxLine)));
        if (!lines.next(tooLong)) {
            listener.onWarning(InputIssue.of(FILE, "the file is empty: no header line, no fees"));
            return new FeeScan(null, null);
        }
        CsvHeader header = CsvHeader.parse(lines.bytes, lines.start, lines.end, cs.charset(), FILE,
                ColumnMapping.FEE_COLUMNS, ColumnMapping.REQUIRED_FEE_COLUMNS, columns::feeColumn,
                "its rows cannot be joined to loans and are ignored");
        header.warnings.forEach(listener::onWarning);
        int idField = header.field(0);
        if (idField < 0) {
            return new FeeScan(null, header);
        }
        Rows rows = new Rows(lines, cs, idField, listener);
        // the loop body is a method, compiled by C1 after a few hundred rows rather than 60,000
        while (lines.next(tooLong)) {
            rows.row();
        }
        FeeIndex index = rows.index;
        index.seal();
        return new FeeScan(index, header);
    }

    /** The pre-scan's rows, one at a time. */
    private static final class Rows {
        final FeeIndex index = new FeeIndex();
        private final SequentialLines lines;
        private final BookCharset cs;
        private final int idField;
        private final LoanBookListener listener;
        private final CsvFields f = new CsvFields();
        /** ASCII bytes are their own characters in the book's encoding (UTF-8, GBK, GB18030 …). */
        private final boolean asciiCompatible;
        // the previous row's id: its text, or (ASCII ids) its bytes in previousBytes[0, previousLength)
        private String previous;
        private byte[] previousBytes = new byte[64];
        private int previousLength = -1;

        Rows(SequentialLines lines, BookCharset cs, int idField, LoanBookListener listener) {
            this.lines = lines;
            this.cs = cs;
            this.idField = idField;
            this.listener = listener;
            this.asciiCompatible = asciiCompatible(cs.charset());
        }

        private static boolean asciiCompatible(Charset cs) {
            byte[] ascii = new byte[128];
            for (int i = 0; i < ascii.length; i++) {
                ascii[i] = (byte) i;
            }
            return new String(ascii, cs).equals(new String(ascii, StandardCharsets.ISO_8859_1));
        }

        void row() {
            byte[] b = lines.bytes;
            if (Bytes.emptyCsvRecord(b, lines.start, lines.end)) {
                forget();
                return;
            }
            String id = null;
            long hash;
            try {
                boolean plain = f.splitPlain(b, lines.start, lines.end);
                if (cs.charset() == StandardCharsets.UTF_8) {
                    // after a plain split, the bytes before its first non-ASCII byte are known to be valid
                    int from = plain ? f.firstHigh() : lines.start;
                    int bad = from < 0 ? -1 : Utf8.firstInvalid(b, from, lines.end);
                    if (bad >= 0) {
                        throw new Reject("invalid UTF-8 at byte " + (bad - lines.start + 1));
                    }
                }
                if (!plain) {
                    f.split(b, lines.start, lines.end);
                }
                if (idField >= f.count() || f.empty(idField)) {
                    throw new Reject("the row has no loan id");
                }
                hash = f.doubledQuotes(idField) ? 0 : IdRegistry.hashAscii(b, f.start(idField), f.end(idField));
                if (hash == 0 || !asciiCompatible) {
                    id = f.text(idField, cs.charset(), null);
                }
            } catch (Reject r) {
                listener.onWarning(InputIssue.at(FILE, lines.number, r.getMessage() + "; the row was skipped"));
                forget();
                return;
            }
            if (id == null) {
                // an ASCII id, no quotes doubled: its bytes are its text (no string made)
                int s = f.start(idField);
                int e = f.end(idField);
                if (sameAsPrevious(b, s, e) && index.lastGroupEnd() == lines.offset) {
                    index.extendLast(lines.nextOffset);
                    return;
                }
                index.add(hash, lines.offset, (int) (lines.nextOffset - lines.offset), lines.number);
                index.addNumbered(b, s, e);
                if (previousBytes.length < e - s) {
                    previousBytes = new byte[Math.max(e - s, 2 * previousBytes.length)];
                }
                System.arraycopy(b, s, previousBytes, 0, e - s);
                previousLength = e - s;
                previous = null;
                return;
            }
            if (id.equals(previous()) && index.lastGroupEnd() == lines.offset) {
                index.extendLast(lines.nextOffset);
            } else {
                index.add(hash != 0 ? hash : IdRegistry.hash(id), lines.offset, (int) (lines.nextOffset - lines.offset),
                        lines.number);
                index.addNumbered(id);
                previous = id;
                previousLength = -1;
            }
        }

        private void forget() {
            previous = null;
            previousLength = -1;
        }

        /** The previous row's id as text, or null. */
        private String previous() {
            if (previous == null && previousLength >= 0) {
                previous = new String(previousBytes, 0, previousLength, StandardCharsets.ISO_8859_1);
            }
            return previous;
        }

        /** Whether the ASCII id in bytes [s, e) is the previous row's id. */
        private boolean sameAsPrevious(byte[] b, int s, int e) {
            if (previousLength >= 0) {
                return Arrays.equals(previousBytes, 0, previousLength, b, s, e);
            }
            String p = previous;
            if (p == null || p.length() != e - s) {
                return false;
            }
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) != b[s + i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A warning for every row whose loan id no loan line had. */
    static void reportOrphans(FileChannel ch, FeeIndex index, CsvHeader header, BookCharset cs,
            LoanBookListener listener) throws IOException {
        CsvFields f = new CsvFields();
        for (int g = 0; g < index.groups(); g++) {
            if (index.isClaimed(g)) {
                continue;
            }
            ByteBuffer bb = ByteBuffer.allocate(index.length(g));
            long pos = index.offset(g);
            while (bb.hasRemaining() && ch.read(bb, pos + bb.position()) >= 0) {
                // read the group
            }
            byte[] b = bb.array();
            int end = bb.position();
            long line = index.firstLine(g);
            int i = 0;
            while (i < end) {
                int nl = Bytes.indexOf(b, i, end, (byte) '\n');
                int rowEnd = nl < 0 ? end : nl;
                int e = Bytes.lineContentEnd(b, i, rowEnd);
                String id = "?";
                try {
                    f.split(b, i, e);
                    id = f.text(header.field(0), cs.charset(), null);
                } catch (Reject r) {
                    // the scan already split this row; keep "?" if it cannot be split again
                }
                boolean comment = id.replace("\uFEFF", "").startsWith("#");
                listener.onWarning(InputIssue.at(FILE, line, comment
                        ? "a comment line (it starts with #), not a fee row: ignored"
                        : "fee for unknown loan \"" + PlainValues.show(id) + "\" (no such id in loans.csv); the row was ignored"));
                line++;
                i = nl < 0 ? end : nl + 1;
            }
        }
    }
}
