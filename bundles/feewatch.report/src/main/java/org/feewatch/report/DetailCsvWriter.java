package org.feewatch.report;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.function.Consumer;

import org.feewatch.api.LoanMetrics;
import org.feewatch.report.internal.Csv;

/**
 * The {@code --detail} CSV, streamed: one row per accepted loan as the engine hands it over (in
 * book order), header {@value #HEADER}; rates as plain decimals with at least four decimals (as
 * given when longer), APRs with eight decimals, an
 * empty cell when a figure is unknown, rule codes joined with {@code ;}. Use as the engine's
 * detail consumer; a write error is thrown as {@link UncheckedIOException}, which stops the audit.
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

    private final java.io.Writer out;
    private final StringBuilder row = new StringBuilder(128);
    private long rows;

    public DetailCsvWriter(OutputStream out) throws IOException {
        this.out = new org.feewatch.report.internal.Utf8Writer(out, 1 << 16);
        this.out.write(HEADER);
        this.out.write(Csv.EOL);
    }

    @Override
    public void accept(LoanMetrics m) {
        row.setLength(0);
        row.append(Csv.field(m.loanId())).append(',');
        decimal(m.lpr1y());
        row.append(',');
        decimal(m.nominalRate());
        row.append(',');
        apr(m.apr());
        row.append(',');
        apr(m.aprEffective());
        row.append(',');
        apr(m.aprBankOnly());
        row.append(',');
        row.append(Csv.field(String.join(";", m.rules())));
        row.append(Csv.EOL);
        try {
            out.append(row);
        } catch (IOException e) {
            throw new UncheckedIOException("the detail file could not be written: " + e.getMessage(), e);
        }
        rows++;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    private void decimal(BigDecimal d) {
        if (d != null) {
            row.append(d.scale() >= RATE_MIN_DECIMALS ? d.toPlainString()
                    : d.setScale(RATE_MIN_DECIMALS).toPlainString());
        }
    }

    private void apr(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return;
        }
        double v = value;
        if (Math.abs(v) >= FAST_LIMIT) {
            row.append(new BigDecimal(v).setScale(APR_DECIMALS, java.math.RoundingMode.HALF_EVEN).toPlainString());
            return;
        }
        long fixed = Math.round(Math.abs(v) * SCALE);
        if (v < 0 && fixed != 0) {
            row.append('-');
        }
        row.append(fixed / SCALE).append('.');
        String frac = Long.toString(fixed % SCALE);
        for (int i = frac.length(); i < APR_DECIMALS; i++) {
            row.append('0');
        }
        row.append(frac);
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
