package org.feewatch.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.feewatch.api.LoanMetrics;
import org.feewatch.api.spi.DetailRows;
import org.feewatch.report.internal.Csv;

/**
 * The {@code --detail} CSV, streamed: one row per accepted loan as the engine hands it over (in
 * book order), header {@value #HEADER}; rates as plain decimals with at least four decimals (as
 * given when longer), APRs with eight decimals, an
 * empty cell when a figure is unknown, rule codes joined with {@code ;}. Use as the engine's
 * detail consumer; a write error is thrown as {@link UncheckedIOException}, which stops the audit.
 * Rows are rendered straight into bytes: a book of millions of loans writes millions of rows. As
 * {@link DetailRows}, the threads that judge the loans render their rows and this writer copies them.
 */
public final class DetailCsvWriter implements DetailRows, Closeable {

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
    /** Rows of {@link #accept} are written out once this many bytes are waiting. */
    private static final int BUFFER_BYTES = 1 << 16;
    /** A batch's first buffer: the rows of a reader's batch of 4,096 loans mostly fit. */
    private static final int BATCH_BYTES = 1 << 18;
    /** Spare batch buffers kept for the next batches (about the audit's batches in flight). */
    private static final int SPARE_BUFFERS = 16;

    private final OutputStream out;
    private final RateTexts rates = new RateTexts();
    /** The rows of {@link #accept}, waiting to be written out. */
    private final Rows own = new Rows(new byte[BUFFER_BYTES + 512], rates);
    /** Buffers of batches already written, for new batches (guarded by itself). */
    private final byte[][] spare = new byte[SPARE_BUFFERS][];
    private int spareCount;
    private long rows;

    public DetailCsvWriter(OutputStream out) throws IOException {
        this.out = out;
        own.bytes((HEADER + Csv.EOL).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void accept(LoanMetrics m) {
        own.add(m);
        rows++;
        if (own.n >= BUFFER_BYTES) {
            try {
                flushOwn();
            } catch (IOException e) {
                throw failed(e);
            }
        }
    }

    @Override
    public Batch newBatch() {
        byte[] buf = null;
        synchronized (spare) {
            if (spareCount > 0) {
                buf = spare[--spareCount];
                spare[spareCount] = null;
            }
        }
        return new Rows(buf != null ? buf : new byte[BATCH_BYTES], rates);
    }

    @Override
    public void write(Batch batch) {
        Rows b = (Rows) batch;
        try {
            if (b.n <= own.buf.length - own.n) {
                // a small batch joins the waiting rows, so that small batches make few writes
                System.arraycopy(b.buf, 0, own.buf, own.n, b.n);
                own.n += b.n;
                if (own.n >= BUFFER_BYTES) {
                    flushOwn();
                }
            } else {
                flushOwn();
                out.write(b.buf, 0, b.n);
            }
        } catch (IOException e) {
            throw failed(e);
        }
        rows += b.count;
        byte[] buf = b.buf;
        b.buf = null; // the batch is done: its buffer serves a new one
        if (buf.length <= 4 * BATCH_BYTES) {
            synchronized (spare) {
                if (spareCount < spare.length) {
                    spare[spareCount++] = buf;
                }
            }
        }
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    private void flushOwn() throws IOException {
        if (own.n > 0) {
            out.write(own.buf, 0, own.n);
            own.n = 0;
        }
    }

    private static UncheckedIOException failed(IOException e) {
        return new UncheckedIOException("the detail file could not be written: " + e.getMessage(), e);
    }

    public void flush() throws IOException {
        flushOwn();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flushOwn();
        } finally {
            out.close();
        }
    }

    /** Rows rendered into a growable buffer: the writer's own, or a judging thread's batch. */
    private static final class Rows implements Batch {
        private static final int RATE_SLOTS = 256;
        byte[] buf;
        int n;
        int count;
        private final RateTexts rates;
        private final BigDecimal[] rateKeys = new BigDecimal[RATE_SLOTS];
        private final byte[][] rateTexts = new byte[RATE_SLOTS][];

        Rows(byte[] buf, RateTexts rates) {
            this.buf = buf;
            this.rates = rates;
        }

        @Override
        public int size() {
            return count;
        }

        /**
         * The text of a rate: the rates of a book are a few dozen shared objects, so a row mostly
         * finds its rate's text by one hash and one identity check in this batch's own table (of
         * its own, so that no two threads write the same memory), else in the shared map.
         */
        private byte[] rateText(BigDecimal d) {
            int h = d.hashCode();
            int slot = (h ^ (h >>> 8)) & (RATE_SLOTS - 1);
            BigDecimal key = rateKeys[slot];
            if (key == d) {
                return rateTexts[slot];
            }
            byte[] text = key != null && key.equals(d) ? rateTexts[slot] : rates.text(d);
            rateKeys[slot] = d;
            rateTexts[slot] = text;
            return text;
        }

        @Override
        public void add(String loanId, BigDecimal lpr1y, BigDecimal nominalRate, double apr, double aprEffective,
                double aprBankOnly, List<String> rules) {
            text(loanId);
            room(1);
            buf[n++] = ',';
            if (lpr1y != null) {
                bytes(rateText(lpr1y));
            }
            room(1);
            buf[n++] = ',';
            if (nominalRate != null) {
                bytes(rateText(nominalRate));
            }
            room(APR_ROOM);
            buf[n++] = ',';
            int aprStart = n;
            apr(apr);
            int aprLength = n - aprStart;
            room(APR_ROOM);
            buf[n++] = ',';
            apr(aprEffective);
            if (aprBankOnly == apr) {
                // most loans have no partner fees: the bank-only APR is the all-in one, already written
                room(aprLength + 1);
                buf[n++] = ',';
                System.arraycopy(buf, aprStart, buf, n, aprLength);
                n += aprLength;
            } else {
                room(APR_ROOM);
                buf[n++] = ',';
                apr(aprBankOnly);
            }
            room(1);
            buf[n++] = ',';
            if (rules == null || rules.isEmpty()) {
                // no rule broken: an empty cell
            } else if (rules.size() == 1) {
                text(rules.get(0));
            } else {
                text(String.join(";", rules));
            }
            room(2);
            buf[n++] = '\r';
            buf[n++] = '\n';
            count++;
        }

        /**
         * A CSV field: plain ASCII that needs no quoting is copied as is (checked while it is copied),
         * anything else goes through {@link Csv#field}.
         */
        private void text(String s) {
            if (s == null || s.isEmpty()) {
                return;
            }
            int len = s.length();
            if (len < 256) {
                room(len);
                byte[] b = buf;
                int at = n;
                int i = 0;
                for (; i < len; i++) {
                    char c = s.charAt(i);
                    // ',' '"' CR LF and whitespace are all at or below ','
                    if (c > ',' ? c >= 0x80 : c == ',' || c == '"' || c == '\n' || c == '\r') {
                        break;
                    }
                    b[at + i] = (byte) c;
                }
                if (i == len && !edgeSpace(s.charAt(0)) && !edgeSpace(s.charAt(len - 1))) {
                    n = at + len;
                    return;
                }
            }
            bytes(Csv.field(s).getBytes(StandardCharsets.UTF_8));
        }

        /** A first or last character that makes a plain ASCII field quoted (ASCII whitespace is at or below ' '). */
        private static boolean edgeSpace(char c) {
            return c <= ' ' && Character.isWhitespace(c);
        }

        /** A comma and the longest APR of the fixed-point form: sign, 11 digits, point, 8 decimals. */
        private static final int APR_ROOM = 32;

        /** An APR with eight decimals; nothing when it is unknown (room for {@link #APR_ROOM} bytes already made). */
        private void apr(double v) {
            if (!Double.isFinite(v)) {
                return;
            }
            if (Math.abs(v) >= FAST_LIMIT) {
                bytes(new BigDecimal(v).setScale(APR_DECIMALS, RoundingMode.HALF_EVEN).toPlainString()
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            long fixed = Math.round(Math.abs(v) * SCALE);
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
            byte[] b = buf;
            int at = n;
            b[at] = PAIRS[2 * hundreds];
            b[at + 1] = PAIRS[2 * hundreds + 1];
            b[at + 2] = PAIRS[2 * rest];
            b[at + 3] = PAIRS[2 * rest + 1];
            n = at + 4;
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

        void bytes(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
        }

        private void room(int k) {
            if (k > buf.length - n) {
                buf = Arrays.copyOf(buf, Math.max(2 * buf.length, n + k));
            }
        }
    }

    /** "00" to "99". */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /** The text of rates, shared by every thread that renders rows. */
    private static final class RateTexts {
        private final Map<BigDecimal, byte[]> all = new ConcurrentHashMap<>();

        byte[] text(BigDecimal d) {
            byte[] text = all.get(d);
            if (text == null) {
                text = (d.scale() >= RATE_MIN_DECIMALS ? d.toPlainString()
                        : d.setScale(RATE_MIN_DECIMALS).toPlainString()).getBytes(StandardCharsets.US_ASCII);
                if (all.size() < RATE_CACHE_LIMIT) {
                    all.put(d, text);
                }
            }
            return text;
        }
    }
}
