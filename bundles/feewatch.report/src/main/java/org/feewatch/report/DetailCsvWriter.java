package org.feewatch.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.feewatch.api.LoanMetrics;
import org.feewatch.report.internal.Csv;

/**
 * The {@code --detail} CSV, streamed: one row per accepted loan as the engine hands it over (in
 * book order), header {@value #HEADER}; rates as plain decimals with at least four decimals (as
 * given when longer), APRs with eight decimals, an
 * empty cell when a figure is unknown, rule codes joined with {@code ;}. Use as the engine's
 * detail consumer; a write error is thrown as {@link UncheckedIOException}, which stops the audit.
 * Rows are rendered straight into bytes: a book of millions of loans writes millions of rows.
 */
public final class DetailCsvWriter implements Consumer<LoanMetrics>, Closeable {

    public static final String HEADER = "id,lpr_1y,nominal_rate,apr,apr_effective,apr_bank_only,rules";
    /** APRs are written with this many decimals (REPORT.md asks for at least four). */
    public static final int APR_DECIMALS = 8;
    /** LPR and contract rates get at least this many decimals, like every rate column of the file. */
    public static final int RATE_MIN_DECIMALS = 4;
    private static final long SCALE = 100_000_000L;
    /** Above this the fixed-point shortcut could overflow: such APRs go through BigDecimal. */
    private static final double FAST_LIMIT = 9.0e10;
    /** Rates recur (a few LPR fixings, the products' contract rates): their text is kept, up to this many. */
    private static final int RATE_CACHE_LIMIT = 4096;
    private static final int BUFFER_BYTES = 1 << 16;

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int n;
    private final Map<BigDecimal, byte[]> rateText = new HashMap<>();
    private long rows;

    public DetailCsvWriter(OutputStream out) throws IOException {
        this.out = out;
        bytes((HEADER + Csv.EOL).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void accept(LoanMetrics m) {
        try {
            text(m.loanId());
            put((byte) ',');
            rate(m.lpr1y());
            put((byte) ',');
            rate(m.nominalRate());
            put((byte) ',');
            apr(m.apr());
            put((byte) ',');
            apr(m.aprEffective());
            put((byte) ',');
            apr(m.aprBankOnly());
            put((byte) ',');
            List<String> rules = m.rules();
            if (rules.size() == 1) {
                text(rules.get(0));
            } else if (!rules.isEmpty()) {
                text(String.join(";", rules));
            }
            put((byte) '\r');
            put((byte) '\n');
        } catch (IOException e) {
            throw new UncheckedIOException("the detail file could not be written: " + e.getMessage(), e);
        }
        rows++;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** A CSV field: plain ASCII that needs no quoting is copied as is, anything else goes through {@link Csv#field}. */
    private void text(String s) throws IOException {
        if (s == null || s.isEmpty()) {
            return;
        }
        int len = s.length();
        if (len < 256 && plain(s, len)) {
            room(len);
            for (int i = 0; i < len; i++) {
                buf[n++] = (byte) s.charAt(i);
            }
        } else {
            bytes(Csv.field(s).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean plain(String s, int len) {
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return !Csv.needsQuotes(s);
    }

    private void rate(BigDecimal d) throws IOException {
        if (d == null) {
            return;
        }
        byte[] text = rateText.get(d);
        if (text == null) {
            text = (d.scale() >= RATE_MIN_DECIMALS ? d.toPlainString() : d.setScale(RATE_MIN_DECIMALS).toPlainString())
                    .getBytes(StandardCharsets.US_ASCII);
            if (rateText.size() < RATE_CACHE_LIMIT) {
                rateText.put(d, text);
            }
        }
        bytes(text);
    }

    private void apr(Double value) throws IOException {
        if (value == null || !Double.isFinite(value)) {
            return;
        }
        double v = value;
        if (Math.abs(v) >= FAST_LIMIT) {
            bytes(new BigDecimal(v).setScale(APR_DECIMALS, RoundingMode.HALF_EVEN).toPlainString()
                    .getBytes(StandardCharsets.US_ASCII));
            return;
        }
        long fixed = Math.round(Math.abs(v) * SCALE);
        room(32);
        if (v < 0 && fixed != 0) {
            buf[n++] = '-';
        }
        long whole = fixed / SCALE;
        digits(whole);
        buf[n++] = '.';
        // eight decimals: two halves of four digits, two digits at a time; divisions by constants
        // as multiplications (exact over these ranges), which C1 does not do by itself
        int frac = (int) (fixed - whole * SCALE);
        int high = (int) ((frac * 109_951_163L) >>> 40); // frac / 10_000
        int low = frac - high * 10_000;
        fourDigits(high);
        fourDigits(low);
    }

    /** 0 to 9999 as four digits (room already made). */
    private void fourDigits(int v) {
        int hundreds = (v * 5243) >>> 19; // v / 100
        int rest = v - hundreds * 100;
        buf[n++] = PAIRS[2 * hundreds];
        buf[n++] = PAIRS[2 * hundreds + 1];
        buf[n++] = PAIRS[2 * rest];
        buf[n++] = PAIRS[2 * rest + 1];
    }

    /** "00" to "99". */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /** The decimal digits of a non-negative number (room already made). */
    private void digits(long v) {
        if (v < 10) {
            buf[n++] = (byte) ('0' + v);
            return;
        }
        if (v < 100) {
            buf[n++] = PAIRS[2 * (int) v];
            buf[n++] = PAIRS[2 * (int) v + 1];
            return;
        }
        int start = n;
        while (v > 0) {
            buf[n++] = (byte) ('0' + v % 10);
            v /= 10;
        }
        for (int i = start, j = n - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void put(byte b) throws IOException {
        if (n == buf.length) {
            flushBuffer();
        }
        buf[n++] = b;
    }

    private void bytes(byte[] b) throws IOException {
        if (b.length > buf.length - n) {
            flushBuffer();
            if (b.length > buf.length) {
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
    }

    private void room(int k) throws IOException {
        if (n + k > buf.length) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        if (n > 0) {
            out.write(buf, 0, n);
            n = 0;
        }
    }

    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flushBuffer();
        } finally {
            out.close();
        }
    }
}
