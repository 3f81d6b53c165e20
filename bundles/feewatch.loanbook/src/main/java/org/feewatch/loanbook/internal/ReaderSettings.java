package org.feewatch.loanbook.internal;

/**
 * How a book is read: parser threads (0 = one per processor), the size of the byte chunks the file is
 * read in, the longest line accepted (a longer one is rejected without being held in memory), and
 * the most lines in one chunk (0 = no limit but the size).
 */
record ReaderSettings(int threads, int chunkBytes, int maxLineBytes, int batchLines) {
    static final int DEFAULT_BATCH_LINES = 4096;
    static final ReaderSettings DEFAULTS = new ReaderSettings(0, 2 << 20, 1 << 20, DEFAULT_BATCH_LINES);

    ReaderSettings {
        if (maxLineBytes < 1024) {
            maxLineBytes = 1024;
        }
        // a chunk always holds at least one whole line of the longest length allowed
        chunkBytes = Math.max(chunkBytes, 2 * maxLineBytes);
        if (batchLines <= 0) {
            batchLines = Integer.MAX_VALUE;
        }
    }

    /** With the default number of lines per chunk. */
    ReaderSettings(int threads, int chunkBytes, int maxLineBytes) {
        this(threads, chunkBytes, maxLineBytes, DEFAULT_BATCH_LINES);
    }

    int effectiveThreads() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    static ReaderSettings of(ReaderConfig c) {
        return new ReaderSettings(c.threads(), (int) Math.min(Integer.MAX_VALUE / 4, c.chunkKiB() * 1024L),
                (int) Math.min(Integer.MAX_VALUE / 8, c.maxLineKiB() * 1024L), c.batchLines());
    }
}
