package org.feewatch.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.feewatch.api.LoanMetrics;
import org.feewatch.api.spi.FindingRenderer;

/**
 * How an audit runs. Defaults: one worker per processor, engine version "unknown", no detail rows,
 * no progress, 60 s for each rule's {@code finish}, evidence capped at 50 pieces per finding,
 * at most 1,000 listed loan errors and 1,000 listed warnings (counts stay exact), an APR sample
 * of 2,000 loans, the system clock. Build with {@link #builder()}.
 *
 * @param workerThreads      threads judging loans (at least 1)
 * @param batchesInFlight    loan batches read but not yet written out (the backpressure bound;
 *                           at least {@code workerThreads})
 * @param detail             receives one row per accepted loan, in book order, from one thread at
 *                           a time; may be null. A {@link org.feewatch.api.spi.DetailRows} gets them
 *                           rendered by the judging threads, batch by batch
 * @param diagnostics        receives what went wrong inside a rule with its cause, for the log
 *                           file (never shown to users as is); may be null
 * @param loanTimeout        how long one rule may judge one loan before it is switched off and
 *                           the loan's batch goes on without it; null: {@code finishTimeout}
 * @param findingsInMemory   when the loans yield more findings than this, the report's loan findings
 *                           are streamed from spill files (in book order within each rule) instead of
 *                           being held in memory (sorted by loan id); default
 *                           {@value #DEFAULT_FINDINGS_IN_MEMORY}
 * @param findingRenderer    renders each streamed loan finding as it is written to disk, in the
 *                           format of the report that will be written (its writer then copies the
 *                           bytes instead of rendering them after the loans); may be null
 */
public record AuditOptions(int workerThreads, int batchesInFlight, String engineVersion,
        Consumer<LoanMetrics> detail, AuditProgress progress, Duration finishTimeout, int evidencePerFinding,
        int maxListedErrors, int maxListedWarnings, int aprSampleSize, Clock clock,
        BiConsumer<String, Throwable> diagnostics, Duration loanTimeout, int findingsInMemory,
        FindingRenderer findingRenderer) {

    /** Loan findings an audit keeps in memory; beyond this many they are streamed from disk. */
    public static final int DEFAULT_FINDINGS_IN_MEMORY = 50_000;

    /** As the canonical constructor, keeping up to {@value #DEFAULT_FINDINGS_IN_MEMORY} loan findings in memory. */
    public AuditOptions(int workerThreads, int batchesInFlight, String engineVersion,
            Consumer<LoanMetrics> detail, AuditProgress progress, Duration finishTimeout, int evidencePerFinding,
            int maxListedErrors, int maxListedWarnings, int aprSampleSize, Clock clock,
            BiConsumer<String, Throwable> diagnostics, Duration loanTimeout) {
        this(workerThreads, batchesInFlight, engineVersion, detail, progress, finishTimeout, evidencePerFinding,
                maxListedErrors, maxListedWarnings, aprSampleSize, clock, diagnostics, loanTimeout,
                DEFAULT_FINDINGS_IN_MEMORY, null);
    }

    /** As the canonical constructor, without a finding renderer. */
    public AuditOptions(int workerThreads, int batchesInFlight, String engineVersion,
            Consumer<LoanMetrics> detail, AuditProgress progress, Duration finishTimeout, int evidencePerFinding,
            int maxListedErrors, int maxListedWarnings, int aprSampleSize, Clock clock,
            BiConsumer<String, Throwable> diagnostics, Duration loanTimeout, int findingsInMemory) {
        this(workerThreads, batchesInFlight, engineVersion, detail, progress, finishTimeout, evidencePerFinding,
                maxListedErrors, maxListedWarnings, aprSampleSize, clock, diagnostics, loanTimeout,
                findingsInMemory, null);
    }

    public AuditOptions {
        if (findingsInMemory < 0) {
            throw new IllegalArgumentException("findingsInMemory must not be negative, was " + findingsInMemory);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1, was " + workerThreads);
        }
        batchesInFlight = Math.max(batchesInFlight, workerThreads);
        engineVersion = engineVersion == null ? "unknown" : engineVersion;
        progress = progress == null ? AuditProgress.NONE : progress;
        Objects.requireNonNull(finishTimeout, "finishTimeout");
        if (evidencePerFinding < 1) {
            throw new IllegalArgumentException("evidencePerFinding must be at least 1, was " + evidencePerFinding);
        }
        clock = clock == null ? Clock.systemUTC() : clock;
        diagnostics = diagnostics == null ? (m, t) -> {
        } : diagnostics;
        loanTimeout = loanTimeout == null ? finishTimeout : loanTimeout;
    }

    public static AuditOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.workerThreads = workerThreads;
        b.batchesInFlight = batchesInFlight;
        b.engineVersion = engineVersion;
        b.detail = detail;
        b.progress = progress;
        b.finishTimeout = finishTimeout;
        b.evidencePerFinding = evidencePerFinding;
        b.maxListedErrors = maxListedErrors;
        b.maxListedWarnings = maxListedWarnings;
        b.aprSampleSize = aprSampleSize;
        b.clock = clock;
        b.diagnostics = diagnostics;
        b.loanTimeout = loanTimeout;
        b.findingsInMemory = findingsInMemory;
        b.findingRenderer = findingRenderer;
        return b;
    }

    public static final class Builder {
        private int workerThreads = Runtime.getRuntime().availableProcessors();
        private int batchesInFlight = 0;
        private String engineVersion = "unknown";
        private Consumer<LoanMetrics> detail;
        private AuditProgress progress = AuditProgress.NONE;
        private Duration finishTimeout = Duration.ofSeconds(60);
        private int evidencePerFinding = 50;
        private int maxListedErrors = 1000;
        private int maxListedWarnings = 1000;
        private int aprSampleSize = 2000;
        private Clock clock;
        private BiConsumer<String, Throwable> diagnostics;
        private Duration loanTimeout;
        private int findingsInMemory = DEFAULT_FINDINGS_IN_MEMORY;
        private FindingRenderer findingRenderer;

        private Builder() {
        }

        public Builder workerThreads(int v) { workerThreads = v; return this; }
        /** Loan batches read but not yet written out; 0 picks two per worker (each batch is a reader chunk, thousands of loans). */
        public Builder batchesInFlight(int v) { batchesInFlight = v; return this; }
        public Builder engineVersion(String v) { engineVersion = v; return this; }
        public Builder detail(Consumer<LoanMetrics> v) { detail = v; return this; }
        public Builder progress(AuditProgress v) { progress = v; return this; }
        public Builder finishTimeout(Duration v) { finishTimeout = v; return this; }
        public Builder evidencePerFinding(int v) { evidencePerFinding = v; return this; }
        public Builder maxListedErrors(int v) { maxListedErrors = v; return this; }
        public Builder maxListedWarnings(int v) { maxListedWarnings = v; return this; }
        public Builder aprSampleSize(int v) { aprSampleSize = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder diagnostics(BiConsumer<String, Throwable> v) { diagnostics = v; return this; }
        /** How long one rule may judge one loan; unset, the {@link #finishTimeout} applies. */
        public Builder loanTimeout(Duration v) { loanTimeout = v; return this; }
        /** Loan findings kept in memory before they are streamed from disk (0: always stream). */
        public Builder findingsInMemory(int v) { findingsInMemory = v; return this; }
        /** Renders streamed loan findings as they are spilled, for the report writer of its format. */
        public Builder findingRenderer(FindingRenderer v) { findingRenderer = v; return this; }

        public AuditOptions build() {
            int inFlight = batchesInFlight > 0 ? batchesInFlight : 2 * Math.max(1, workerThreads);
            return new AuditOptions(workerThreads, inFlight, engineVersion, detail, progress, finishTimeout,
                    evidencePerFinding, maxListedErrors, maxListedWarnings, aprSampleSize, clock, diagnostics,
                    loanTimeout, findingsInMemory, findingRenderer);
        }
    }
}
