package org.feewatch.loanbook.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The encoding of a CSV book file: a UTF-8 byte-order mark, else UTF-8 when the first megabyte is
 * valid UTF-8, else GB18030 (a superset of GBK and GB2312, the encodings of Chinese core-banking
 * exports). A configured charset name overrides the detection.
 */
record BookCharset(Charset charset, int bomLength, boolean detected) {
    private static final int SAMPLE = 1 << 20;
    static final Charset GB18030 = Charset.forName("GB18030");

    /**
     * The first megabyte of a book file: read once per file, for its {@link BookForm}, its charset and the
     * GBK hint.
     */
    static byte[] head(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bb = ByteBuffer.allocate((int) Math.min(SAMPLE, ch.size()));
            while (bb.hasRemaining() && ch.read(bb) >= 0) {
                // fill the sample
            }
            return bb.array();
        }
    }

    /** The charset of the file that starts with {@code sample} (its {@link #head}). */
    static BookCharset of(byte[] sample, String configured) throws IOException {
        int bom = sample.length >= 3 && sample[0] == (byte) 0xEF && sample[1] == (byte) 0xBB
                && sample[2] == (byte) 0xBF ? 3 : 0;
        if (configured != null && !configured.isBlank() && !"auto".equalsIgnoreCase(configured.strip())) {
            Charset cs = named(configured.strip());
            return new BookCharset(cs, cs == StandardCharsets.UTF_8 ? bom : 0, false);
        }
        if (bom > 0 || Utf8.validPrefix(sample, 0, sample.length)) {
            return new BookCharset(StandardCharsets.UTF_8, bom, true);
        }
        return new BookCharset(GB18030, 0, true);
    }

    private static Charset named(String name) throws IOException {
        try {
            Charset cs = Charset.forName(name);
            // GBK and GB2312 files are read as GB18030, which contains both
            if (cs.name().equals("GBK") || cs.name().equals("GB2312")) {
                return GB18030;
            }
            return cs.name().equals("UTF-8") ? StandardCharsets.UTF_8 : cs;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IOException("the configured CSV encoding \"" + name + "\" is not known");
        }
    }
}
