package org.feewatch.api.spi;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import org.feewatch.api.LoanMetrics;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A consumer of an audit's detail rows (one per accepted loan, in book order) that also takes
 * them rendered ahead: each thread that judges loans fills a {@link Batch} of its own, row after
 * row, and the one thread that writes the rows in book order hands the whole batch to
 * {@link #write}, which only copies its bytes. So the rows are rendered on every judging thread
 * at once instead of one by one on the writing thread, and no {@link LoanMetrics} is built only
 * to be taken apart again. An audit given a plain consumer calls {@link #accept} for every row.
 */
@ConsumerType
public interface DetailRows extends Consumer<LoanMetrics> {

    /** An empty batch of rows for one thread to fill. Thread-safe. */
    Batch newBatch();

    /**
     * Writes {@code batch}'s rows after the rows written before (by this method or {@link #accept});
     * called by one thread at a time, in book order. The batch is not used afterwards.
     */
    void write(Batch batch);

    /** Rows rendered by one thread, in the order added; not thread-safe. */
    @ConsumerType
    interface Batch {

        /**
         * The row of one loan, as {@link #accept} writes {@code new LoanMetrics(loanId, lpr1y,
         * nominalRate, apr, aprEffective, aprBankOnly, rules)}, with a NaN or infinite APR for an
         * unknown one (null there).
         */
        void add(String loanId, BigDecimal lpr1y, BigDecimal nominalRate, double apr, double aprEffective,
                double aprBankOnly, List<String> rules);

        /** The row {@link #accept} writes for {@code m}. */
        default void add(LoanMetrics m) {
            add(m.loanId(), m.lpr1y(), m.nominalRate(), orNaN(m.apr()), orNaN(m.aprEffective()),
                    orNaN(m.aprBankOnly()), m.rules());
        }

        /** Rows added so far. */
        int size();

        private static double orNaN(Double d) {
            return d == null ? Double.NaN : d;
        }
    }
}
