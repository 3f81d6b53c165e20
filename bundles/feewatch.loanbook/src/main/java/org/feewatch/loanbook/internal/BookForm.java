package org.feewatch.loanbook.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

import org.feewatch.api.InputIssue;
import org.feewatch.api.spi.LoanBookListener;

/**
 * The text form of a book file, from its first bytes, checked before the parsers see it (docs/loanbook.md,
 * "Text forms"): UTF-16 (or UTF-32) text, which no loan book may be, and classic Mac OS line ends (a
 * carriage return alone), which are read as line ends. Everything else is {@link Kind#PLAIN} and goes
 * straight to the parsers.
 */
final class BookForm {
    /** A CR-only file has no line feed at all in this many first bytes, and a carriage return. */
    private static final int SAMPLE = 64 * 1024;

    enum Kind { PLAIN, CR_ONLY, WIDE, BINARY }

    private static final BookForm PLAIN = new BookForm(Kind.PLAIN, null, null);

    final Kind kind;
    /** For {@link Kind#WIDE}: the charset that decodes the file (to count its lines). */
    final Charset wide;
    /** For {@link Kind#WIDE} and {@link Kind#BINARY}: what the file is, for the message. */
    final String evidence;

    private BookForm(Kind kind, Charset wide, String evidence) {
        this.kind = kind;
        this.wide = wide;
        this.evidence = evidence;
    }

    /** The form of the file that starts with {@code s} (its {@link BookCharset#head}). */
    static BookForm of(byte[] s) {
        int n = s.length;
        if (n >= 4 && u(s[0]) == 0xFF && u(s[1]) == 0xFE && s[2] == 0 && s[3] == 0) {
            return wide("UTF-32LE", "UTF-32 text (byte-order mark FF FE 00 00)");
        }
        if (n >= 4 && s[0] == 0 && s[1] == 0 && u(s[2]) == 0xFE && u(s[3]) == 0xFF) {
            return wide("UTF-32BE", "UTF-32 text (byte-order mark 00 00 FE FF)");
        }
        if (n >= 2 && u(s[0]) == 0xFF && u(s[1]) == 0xFE) {
            return wide("UTF-16LE", "UTF-16 text (byte-order mark FF FE)");
        }
        if (n >= 2 && u(s[0]) == 0xFE && u(s[1]) == 0xFF) {
            return wide("UTF-16BE", "UTF-16 text (byte-order mark FE FF)");
        }
        // without a mark: ASCII text in UTF-16 has a zero byte beside every character
        if (n >= 4 && s[0] != 0 && s[1] == 0 && s[2] != 0 && s[3] == 0) {
            return wide("UTF-16LE", "UTF-16 text (a zero byte after each of its first characters)");
        }
        if (n >= 4 && s[0] == 0 && s[1] != 0 && s[2] == 0 && s[3] != 0) {
            return wide("UTF-16BE", "UTF-16 text (a zero byte before each of its first characters)");
        }
        if (n >= 4 && s[0] == 'P' && s[1] == 'K' && s[2] == 3 && s[3] == 4) {
            return new BookForm(Kind.BINARY, null, "an Excel workbook (.xlsx) or another zip file");
        }
        if (n >= 8 && u(s[0]) == 0xD0 && u(s[1]) == 0xCF && u(s[2]) == 0x11 && u(s[3]) == 0xE0) {
            return new BookForm(Kind.BINARY, null, "an Excel 97-2003 workbook (.xls)");
        }
        boolean cr = false;
        for (int i = 0, m = Math.min(n, SAMPLE); i < m; i++) {
            if (s[i] == '\n') {
                return PLAIN;
            }
            cr |= s[i] == '\r';
        }
        return cr ? new BookForm(Kind.CR_ONLY, null, null) : PLAIN;
    }

    private static BookForm wide(String charset, String evidence) {
        return new BookForm(Kind.WIDE, Charset.forName(charset), evidence);
    }

    private static int u(byte b) {
        return b & 0xFF;
    }

    /**
     * A workbook is not text: it has no lines to count, so it is one rejection, at line 1, saying what the
     * file is. Returns 1.
     */
    long rejectBinary(String fileName, String saveAs, LoanBookListener listener) {
        listener.onRejected(InputIssue.at(fileName, 1, fileName + " is " + evidence + ", not text: no loan in it"
                + " can be read; save the book as " + saveAs + " and audit again"));
        return 1;
    }

    /**
     * A wide-text book is not read: every non-blank line from {@code firstLoanLine} on is rejected with
     * the reason (so that read = accepted + rejected counts the book's loans), lines counted in the
     * file's own encoding. Returns how many lines were rejected.
     */
    long rejectAll(Path file, String fileName, long firstLoanLine, String expected, LoanBookListener listener)
            throws IOException {
        String reason = fileName + " is " + evidence + ", not " + expected
                + ": no loan in it can be read; save the book as " + expected + " and audit again";
        long rejected = 0;
        try (InputStream in = Files.newInputStream(file);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, wide.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            long line = 0;
            for (String text = r.readLine(); text != null; text = r.readLine()) {
                line++;
                if (line < firstLoanLine || text.replace("\uFEFF", "").isBlank()) {
                    continue;
                }
                listener.onRejected(InputIssue.at(fileName, line, reason));
                rejected++;
            }
        }
        return rejected;
    }

    /**
     * A copy of a CR-only file with each carriage return that is not followed by a line feed turned
     * into a line feed: byte for byte, so offsets, line numbers and lengths are those of the original.
     */
    static Path withLineFeeds(Path file) throws IOException {
        Path copy = Files.createTempFile("feewatch-book-", ".tmp");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(copy))) {
            boolean pendingCr = false;
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (pendingCr) {
                    // a CR before a LF stays (CRLF); a CR alone becomes the line end
                    out.write(b == '\n' ? '\r' : '\n');
                }
                pendingCr = b == '\r';
                if (!pendingCr) {
                    out.write(b);
                }
            }
            if (pendingCr) {
                out.write('\n');
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return copy;
    }

    /** The warning for a file read with its carriage returns as line ends. */
    static InputIssue crOnlyWarning(String fileName) {
        return InputIssue.of(fileName, "the file's lines end in a carriage return alone (classic Mac OS): "
                + "each one was read as a line end");
    }

    /**
     * For loans.jsonl: what a rejection adds when the file is one JSON document over many lines (a JSON
     * array, or objects printed over several lines, as "save as JSON" and pretty-printers write) rather
     * than one loan object a line; "" when it looks like JSON Lines. Decided once per book from its head.
     */
    static String jsonDocumentHint(byte[] head) {
        int i = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i >= head.length) {
            return "";
        }
        String what;
        if (head[i] == '[') {
            what = "a JSON array";
        } else if (head[i] == '{') {
            int j = i + 1;
            while (j < head.length && (head[j] == ' ' || head[j] == '\t' || head[j] == '\r')) {
                j++;
            }
            if (j >= head.length || head[j] != '\n') {
                return "";
            }
            what = "JSON objects printed over several lines";
        } else {
            return "";
        }
        return " (loans.jsonl looks like " + what + ": a loan book has one whole loan object on each line, JSON"
                + " Lines; export it so)";
    }
}
