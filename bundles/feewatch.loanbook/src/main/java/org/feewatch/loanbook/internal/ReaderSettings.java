package org.feewatch.loanbook.internal;

/**
 * How a book is read: parser threads (0 = one per processor), the size of the byte chunks the file is
 * read in, and the longest line accepted (a longer one is rejected without being held in memory).
 */
record ReaderSettings(int threads, int chunkBytes, int maxLineBytes) {
    static final ReaderSettings DEFAULTS = new ReaderSettings(0, 2 << 20, 1 << 20);

    ReaderSettings {
        if (maxLineBytes < 1024) {
            maxLineBytes = 1024;
        }
        // a chunk always holds at least one whole line of the longest length allowed
        chunkBytes = Math.max(chunkBytes, 2 * maxLineBytes);
    }

    int effectiveThreads() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    static ReaderSettings of(ReaderConfig c) {
        return new ReaderSettings(c.threads(), (int) Math.min(Integer.MAX_VALUE / 4, c.chunkKiB() * 1024L),
                (int) Math.min(Integer.MAX_VALUE / 8, c.maxLineKiB() * 1024L));
    }
}
