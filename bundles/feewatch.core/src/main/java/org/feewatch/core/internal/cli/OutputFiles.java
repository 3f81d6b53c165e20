package org.feewatch.core.internal.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The files {@code audit --out FILE --detail FILE} writes, opened as {@code Files.newOutputStream}
 * opens them (created, or written from the start with nothing of the old content left once closed),
 * but without making the file empty first when it exists.
 *
 * <p>Why: ext4 treats a file cut to nothing and written again as a replacement and writes it to the
 * disk when it is closed; cutting it to nothing the next time then waits until the disk has it. An
 * audit run again over its own outputs (hundreds of megabytes for a large book) waited tens of
 * milliseconds at each of those points. A file cut to its first byte instead (which the first write
 * replaces) is not treated so, and the cut when written removes what is left past the new content.
 *
 * <p>So a run stopped before it wrote anything (killed, the machine down) leaves the old first byte
 * where {@code Files.newOutputStream} would have left an empty file; once a byte is written the file
 * holds what was written, as there.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Opens {@code file} for writing from its start; call {@link #cutToPosition} once written.
     * Fails as {@code Files.newOutputStream} fails (missing folder, no permission).
     */
    static FileChannel openForRewrite(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            // size() is 0 for what is no regular file (a terminal, a pipe): left as it is
            if (ch.size() > 1) {
                ch.truncate(1);
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return ch;
    }

    /** Cuts a file opened by {@link #openForRewrite} where its writing ended. */
    static void cutToPosition(FileChannel ch) throws IOException {
        long size = ch.size();
        // a size of 0: nothing to cut, or no regular file (whose position cannot be asked)
        if (size > 0 && size > ch.position()) {
            ch.truncate(ch.position());
        }
    }

    /** A stream writing {@code file} from its start: {@link #openForRewrite}, cut when closed. */
    static OutputStream rewrite(Path file) throws IOException {
        FileChannel ch = openForRewrite(file);
        OutputStream out = Channels.newOutputStream(ch);
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (!ch.isOpen()) {
                    return;
                }
                try {
                    cutToPosition(ch);
                } finally {
                    ch.close();
                }
            }
        };
    }
}
