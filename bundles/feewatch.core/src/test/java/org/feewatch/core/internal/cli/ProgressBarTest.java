package org.feewatch.core.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void theLineShowsShareReadLoansRateAndTimeLeft() {
        // a quarter of the book in 10 s: 30 s left
        String line = ProgressBar.line(250, 1000, 50_000, 10.0);
        assertEquals("[######..................]  25%  50,000 loans  5,000 loans/s  ETA 0:30", line);
    }

    @Test
    void withoutABookSizeOnlyTheCountsAreShown() {
        assertEquals("1,200 loans  600 loans/s", ProgressBar.line(0, 0, 1200, 2.0));
    }

    @Test
    void aShortAuditDrawsNothing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), System.nanoTime());
        bar.onProgress(10, 100, 5);
        bar.finish();
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLongAuditDrawsOnOneLineAndClearsIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long startedAWhileAgo = System.nanoTime() - 5_000_000_000L;
        ProgressBar bar = new ProgressBar(new PrintStream(err, true, StandardCharsets.UTF_8), startedAWhileAgo);
        bar.onProgress(500, 1000, 100);
        bar.finish();
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("\r[############............]  50%"), e);
        assertTrue(e.endsWith("\r\u001b[K"), e);
        assertTrue(!e.contains("\n"), "never a new line");
    }
}
