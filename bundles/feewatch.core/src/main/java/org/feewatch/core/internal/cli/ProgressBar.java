package org.feewatch.core.internal.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.feewatch.core.AuditProgressListener;

/**
 * A one-line progress bar on standard error for long loan books: percent of the book read,
 * loans judged, loans per second and the time left. Drawn at most {@value #HZ} times a second,
 * only after the audit has run {@value #DELAY_MS} ms (short audits show nothing), and only when
 * standard error is a terminal.
 */
final class ProgressBar implements AuditProgressListener {

    static final int HZ = 4;
    static final long DELAY_MS = 500;
    private static final int WIDTH = 24;

    private final PrintStream err;
    private final long startNanos;
    private long lastDrawNanos;
    private boolean drawn;

    ProgressBar(PrintStream err, long startNanos) {
        this.err = err;
        this.startNanos = startNanos;
    }

    @Override
    public void onProgress(long bytesRead, long bytesTotal, long loansJudged) {
        long now = System.nanoTime();
        synchronized (this) {
            if (now - startNanos < DELAY_MS * 1_000_000 || now - lastDrawNanos < 1_000_000_000L / HZ) {
                return;
            }
            lastDrawNanos = now;
            err.print('\r' + line(bytesRead, bytesTotal, loansJudged, (now - startNanos) / 1e9) + "\u001b[K");
            err.flush();
            drawn = true;
        }
    }

    /** Clears the bar, so that what follows starts on a clean line. */
    synchronized void finish() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    static String line(long bytesRead, long bytesTotal, long loans, double seconds) {
        double rate = seconds > 0 ? loans / seconds : 0;
        StringBuilder sb = new StringBuilder();
        if (bytesTotal > 0) {
            double f = Math.min(1.0, (double) bytesRead / bytesTotal);
            int full = (int) Math.round(f * WIDTH);
            sb.append('[').append("#".repeat(full)).append(".".repeat(WIDTH - full)).append("] ");
            sb.append(String.format(Locale.ROOT, "%3d%%  ", (int) Math.floor(f * 100)));
            sb.append(String.format(Locale.ROOT, "%,d loans  %,.0f loans/s", loans, rate));
            if (f > 0.01 && f < 1.0) {
                long eta = Math.round(seconds * (1 - f) / f);
                sb.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
            }
        } else {
            sb.append(String.format(Locale.ROOT, "%,d loans  %,.0f loans/s", loans, rate));
        }
        return sb.toString();
    }
}
