package org.feewatch.loanbook.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** A loan's fee rows are the same whether fees.csv is mapped in memory or read row group by group. */
class FeeReadsTest {
    private static CollectingListener read(Path book, long maxMappedFees) throws IOException {
        CollectingListener l = new CollectingListener();
        new CsvLoanBookReader(Books.smallChunks(), ColumnMapping.defaults(), "auto", maxMappedFees).readCounting(book, l);
        return l;
    }

    @Test
    void mappedAndReadFeesGiveTheSameBook() throws IOException {
        for (String name : new String[] {"csv-mapped", "csv-broken"}) {
            Path book = Books.book(name);
            CollectingListener mapped = read(book, Long.MAX_VALUE);
            CollectingListener read = read(book, 0);
            assertFalse(mapped.loans().isEmpty(), name);
            assertEquals(mapped.loans(), read.loans(), name);
            assertEquals(mapped.rejections(), read.rejections(), name);
            assertEquals(mapped.warningTexts(), read.warningTexts(), name);
        }
    }
}
