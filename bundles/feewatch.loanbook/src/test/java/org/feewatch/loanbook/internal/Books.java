package org.feewatch.loanbook.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test books in src/test/resources/books and the readers set up as the product sets them up. */
final class Books {
    private Books() {
    }

    static Path book(String name) {
        try {
            return Path.of(Books.class.getResource("/books/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Small chunks and two threads, so even tiny books cross chunk boundaries in tests. */
    static ReaderSettings smallChunks() {
        return new ReaderSettings(2, 4096, 1024);
    }

    static CollectingListener readJsonl(Path dir, ReaderSettings settings) throws IOException {
        CollectingListener l = new CollectingListener();
        ChunkedBookReader.Totals t = new JsonlLoanBookReader(settings).readCounting(dir, l);
        check(l, t);
        return l;
    }

    static CollectingListener readCsv(Path dir, ReaderSettings settings) throws IOException {
        CollectingListener l = new CollectingListener();
        ChunkedBookReader.Totals t = new CsvLoanBookReader(settings, ColumnMapping.defaults(), "auto")
                .readCounting(dir, l);
        check(l, t);
        return l;
    }

    private static void check(CollectingListener l, ChunkedBookReader.Totals t) {
        if (t.accepted() != l.loans().size() || t.rejected() != l.rejected().size()) {
            throw new AssertionError("totals " + t + " do not match what the listener got");
        }
    }
}
