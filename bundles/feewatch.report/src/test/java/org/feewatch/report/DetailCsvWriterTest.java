package org.feewatch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.feewatch.api.LoanMetrics;
import org.feewatch.api.spi.DetailRows;
import org.junit.jupiter.api.Test;

class DetailCsvWriterTest {

    @Test
    void rowsHaveTheHeaderFourDecimalRatesEightDecimalAprsEmptyUnknownsAndJoinedRules() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DetailCsvWriter w = new DetailCsvWriter(out)) {
            w.accept(new LoanMetrics("L0001", new BigDecimal("3.45"), new BigDecimal("3.70"), 4.006550431234,
                    4.0809491549, 3.7, List.of("FEE-004")));
            w.accept(new LoanMetrics("L0020", new BigDecimal("3.65"), new BigDecimal("4.65"), 4.60535055, 4.703814,
                    4.60535055, List.of("DISC-001", "FEE-001")));
            w.accept(new LoanMetrics("L,3", null, new BigDecimal("4.785"), null, null, null, List.of()));
            w.accept(new LoanMetrics("L4", new BigDecimal("3.65"), new BigDecimal("0"), -0.000000001, 123456.5,
                    Double.NaN, List.of()));
            w.accept(new LoanMetrics("贷款-5", new BigDecimal("3.123456"), new BigDecimal("4.65"), -2.5, 1e11, 0.0,
                    List.of("RATE-003")));
            w.accept(new LoanMetrics(" L6", null, null, 9.999999999, 10.0, null, List.of("A\"B")));
            // a bank-only APR equal to the all-in one, beyond the fixed-point form and at zero
            w.accept(new LoanMetrics("L8", null, null, 1e11, 1.0, 1e11, List.of()));
            w.accept(new LoanMetrics("L9", null, null, -0.0, -0.0, 0.0, List.of()));
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals("id,lpr_1y,nominal_rate,apr,apr_effective,apr_bank_only,rules", lines[0]);
        assertEquals("L0001,3.4500,3.7000,4.00655043,4.08094915,3.70000000,FEE-004", lines[1]);
        assertEquals("L0020,3.6500,4.6500,4.60535055,4.70381400,4.60535055,DISC-001;FEE-001", lines[2]);
        assertEquals("\"L,3\",,4.7850,,,,", lines[3]);
        assertEquals("L4,3.6500,0.0000,0.00000000,123456.50000000,,", lines[4]);
        assertEquals("贷款-5,3.123456,4.6500,-2.50000000,100000000000.00000000,0.00000000,RATE-003", lines[5]);
        assertEquals("\" L6\",,,10.00000000,10.00000000,,\"A\"\"B\"", lines[6]);
        assertEquals("L8,,,100000000000.00000000,1.00000000,100000000000.00000000,", lines[7]);
        assertEquals("L9,,,0.00000000,0.00000000,0.00000000,", lines[8]);
        assertEquals(9, lines.length);
    }

    private static final List<LoanMetrics> ROWS = List.of(
            new LoanMetrics("L0001", new BigDecimal("3.45"), new BigDecimal("3.70"), 4.006550431234, 4.0809491549, 3.7,
                    List.of("FEE-004")),
            new LoanMetrics("L0020", new BigDecimal("3.65"), new BigDecimal("4.65"), 4.60535055, 4.703814, 4.60535055,
                    List.of("DISC-001", "FEE-001")),
            new LoanMetrics("L,3", null, new BigDecimal("4.785"), null, null, null, List.of()),
            new LoanMetrics("L4", new BigDecimal("3.65"), new BigDecimal("0"), -0.000000001, 123456.5, Double.NaN,
                    List.of()),
            new LoanMetrics("贷款-5", new BigDecimal("3.123456"), new BigDecimal("4.65"), -2.5, 1e11, 0.0,
                    List.of("RATE-003")),
            new LoanMetrics(" L6", null, null, 9.999999999, 10.0, null, List.of("A\"B")),
            new LoanMetrics("L7 ", new BigDecimal("3.650"), new BigDecimal("3.6500"), 1e300, -1e12, 5.0,
                    List.of("X,Y", "Z")));

    @Test
    void rowsRenderedInBatchesByOtherThreadsAreTheBytesOfRowsAcceptedOneByOne() throws Exception {
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        try (DetailCsvWriter w = new DetailCsvWriter(one)) {
            for (int i = 0; i < 3000; i++) {
                for (LoanMetrics m : ROWS) {
                    w.accept(m);
                }
            }
        }
        ByteArrayOutputStream batched = new ByteArrayOutputStream();
        try (DetailCsvWriter w = new DetailCsvWriter(batched)) {
            // batches of several sizes, filled on threads of their own (as the judging threads do),
            // written in order, between rows accepted one by one
            w.accept(ROWS.get(0));
            int written = 1;
            for (int size : new int[] { 1, 6, 7000, 13991 }) {
                int from = written;
                DetailRows.Batch batch = w.newBatch();
                Thread t = new Thread(() -> {
                    for (int i = from; i < from + size; i++) {
                        LoanMetrics m = ROWS.get(i % ROWS.size());
                        if (i % 2 == 0) {
                            batch.add(m);
                        } else {
                            batch.add(m.loanId(), m.lpr1y(), m.nominalRate(), m.apr() == null ? Double.NaN : m.apr(),
                                    m.aprEffective() == null ? Double.POSITIVE_INFINITY : m.aprEffective(),
                                    m.aprBankOnly() == null ? Double.NaN : m.aprBankOnly(), m.rules());
                        }
                    }
                });
                t.start();
                t.join();
                assertEquals(size, batch.size());
                w.write(batch);
                written += size;
            }
            w.accept(ROWS.get(written % ROWS.size()));
            written++;
            assertEquals(3000 * ROWS.size(), written);
            assertEquals(written, w.rows());
        }
        assertEquals(one.toString(StandardCharsets.UTF_8), batched.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWriteErrorIsThrownSoTheAuditStops() throws IOException {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        DetailCsvWriter w = new DetailCsvWriter(broken);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> {
            for (int i = 0; i < 10_000; i++) {
                w.accept(new LoanMetrics("L" + i, null, null, 4.0, 4.1, 4.0, List.of()));
            }
        });
        assertEquals("the detail file could not be written: No space left on device", e.getMessage());
    }
}
