package org.feewatch.engine.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.feewatch.api.AprPoint;
import org.feewatch.api.Finding;
import org.feewatch.api.InputIssue;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanMetrics;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanBookListener;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.engine.AuditOptions;
import org.feewatch.engine.LoanAnalyzer;
import org.feewatch.engine.LoanBookSource;

/**
 * The loan phase of an audit. The reader's batches go through a bounded number of permits (the
 * backpressure: a batch holds a permit from the moment it is read until its detail rows are
 * written), a queue and a pool of worker threads that analyse each loan once and hand it to every
 * active rule. Detail rows leave in batch-sequence order, so in book order whatever thread judged
 * them. Memory holds at most {@code batchesInFlight} batches, never the book.
 */
public final class LoanPipeline implements LoanBookListener {

    /** How long the reader waits for a permit before checking for a batch number the reader skipped. */
    private static final long GAP_CHECK_MILLIS = 1000;

    private record Batch(long sequence, List<Loan> loans) {
    }

    /** A judged batch: its detail rows and its loans' own findings, both in book order. */
    private record Done(List<LoanMetrics> rows, List<Finding> findings) {
    }

    private static final Batch END = new Batch(-1, List.of());

    private final AuditContext context;
    private final LoanAnalyzer analyzer;
    private final List<GuardedRule> rules;
    private final AuditOptions options;
    private final FindingSink findings;
    private final AprSampler sampler;
    private final FindingSpill spill;
    private final Consumer<LoanMetrics> detail;

    private final Semaphore permits;
    private final BlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger unfinished = new AtomicInteger();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong analysed = new AtomicLong();
    private volatile long bytesRead;
    private volatile long bytesTotal;
    private final CappedIssues errors;
    private final CappedIssues warnings;
    private final CappedIssues loanProblems;

    // re-ordering of detail rows: guarded by "this"
    private final TreeMap<Long, List<Done>> pending = new TreeMap<>();
    private long nextSequence;
    private volatile RuntimeException detailFailure;
    private volatile boolean aborted;

    public LoanPipeline(AuditContext context, LoanAnalyzer analyzer, List<GuardedRule> rules, AuditOptions options,
            FindingSink findings, AprSampler sampler, FindingSpill spill) {
        this.spill = spill;
        this.context = context;
        this.analyzer = analyzer;
        this.rules = rules;
        this.options = options;
        this.findings = findings;
        this.sampler = sampler;
        this.detail = options.detail();
        this.permits = new Semaphore(options.batchesInFlight());
        this.errors = new CappedIssues(options.maxListedErrors());
        this.warnings = new CappedIssues(options.maxListedWarnings());
        this.loanProblems = new CappedIssues(options.maxListedWarnings());
    }

    /**
     * Reads the whole book and judges every accepted loan. A read error ends the book early and
     * becomes a warning; a failing detail consumer stops the audit with its exception.
     */
    /** @param bookName how messages name the book, e.g. "the loan book" */
    public void run(LoanBookSource book, String bookName) {
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < options.workerThreads(); i++) {
            Thread t = new Thread(this::work, "feewatch-loans-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        try {
            book.read(this);
        } catch (IOException e) {
            warnings.add(new InputIssue(null, null,
                    bookName + " could not be read to the end: " + GuardedRule.reason(e)
                            + "; loans read before that were audited"));
        } catch (AbortedException e) {
            // the detail consumer failed: rethrown below
        } catch (RuntimeException e) {
            if (!aborted) {
                options.diagnostics().accept("loan book reader failed", e);
                warnings.add(new InputIssue(null, null, bookName + " reader stopped with an error: "
                        + GuardedRule.reason(e) + "; loans read before that were audited"));
            }
        } finally {
            for (int i = 0; i < workers.size(); i++) {
                queue.add(END);
            }
            boolean interrupted = false;
            for (Thread t : workers) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            // batch numbers the reader skipped: write what is left in sequence order
            while (!pending.isEmpty() && detailFailure == null) {
                emit(pending.pollFirstEntry().getValue());
            }
        }
        if (detailFailure != null) {
            throw detailFailure;
        }
        options.progress().onProgress(bytesRead, bytesTotal, analysed.get());
    }

    @Override
    public void onLoans(long sequence, List<Loan> loans) {
        if (aborted) {
            throw new AbortedException();
        }
        try {
            while (!permits.tryAcquire(GAP_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                if (aborted) {
                    throw new AbortedException();
                }
                skipGapIfStuck();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            aborted = true;
            throw new AbortedException();
        }
        accepted.addAndGet(loans.size());
        unfinished.incrementAndGet();
        queue.add(new Batch(sequence, List.copyOf(loans)));
    }

    @Override
    public void onRejected(InputIssue issue) {
        rejected.incrementAndGet();
        errors.add(issue);
    }

    @Override
    public void onWarning(InputIssue issue) {
        warnings.add(issue);
    }

    @Override
    public void onProgress(long read, long total) {
        bytesRead = read;
        bytesTotal = total;
        options.progress().onProgress(read, total, analysed.get());
    }

    public long accepted() {
        return accepted.get();
    }

    public long rejected() {
        return rejected.get();
    }

    public CappedIssues errors() {
        return errors;
    }

    /** Reader warnings (unknown fields, skipped books, orphan fee rows, read errors). */
    public CappedIssues warnings() {
        return warnings;
    }

    /** Loans whose APR could not be computed. */
    public CappedIssues loanProblems() {
        return loanProblems;
    }

    private void work() {
        RuleSink sink = new RuleSink(findings, options.evidencePerFinding());
        while (true) {
            Batch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == END) {
                return;
            }
            List<LoanMetrics> rows = List.of();
            try {
                if (!aborted) {
                    rows = judge(batch.loans(), sink);
                }
            } catch (RuntimeException e) {
                // never lose the batch's permit, or the reader would wait for ever
                options.diagnostics().accept("loan batch " + batch.sequence() + " failed", e);
            } finally {
                complete(batch.sequence(), new Done(rows, sink.takeBatchFindings()));
                unfinished.decrementAndGet();
            }
        }
    }

    private List<LoanMetrics> judge(List<Loan> loans, RuleSink sink) {
        List<LoanMetrics> rows = new ArrayList<>(loans.size());
        for (Loan loan : loans) {
            rows.add(judge(loan, sink));
        }
        long done = analysed.addAndGet(loans.size());
        options.progress().onProgress(bytesRead, bytesTotal, done);
        return rows;
    }

    private LoanMetrics judge(Loan loan, RuleSink sink) {
        java.math.BigDecimal nominal = loan.rate() == null ? null : loan.rate().nominal();
        LoanFacts facts;
        try {
            facts = analyzer.analyze(loan, context);
        } catch (OutOfMemoryError oom) {
            throw oom;
        } catch (Throwable t) {
            options.diagnostics().accept("loan " + loan.id() + ": analysis failed", t);
            facts = null;
        }
        if (facts == null) {
            loanProblems.add(new InputIssue(loan.file(), loan.line() > 0 ? loan.line() : null, "loan " + loan.id()
                    + ": its cash flows could not be analysed, so no rule judged it"));
            return new LoanMetrics(loan.id(), null, nominal, null, null, null, List.of());
        }
        java.math.BigDecimal lpr;
        double apr;
        double aprEffective;
        double aprBank;
        try {
            lpr = facts.lpr1y();
            apr = facts.aprAllIn();
            aprEffective = facts.aprAllInEffective();
            aprBank = facts.aprBankOnly();
        } catch (RuntimeException e) {
            options.diagnostics().accept("loan " + loan.id() + ": reading its facts failed", e);
            lpr = null;
            apr = Double.NaN;
            aprEffective = Double.NaN;
            aprBank = Double.NaN;
        }
        if (!Double.isFinite(apr)) {
            String why;
            try {
                why = facts.aprProblem();
            } catch (RuntimeException e) {
                why = null;
            }
            loanProblems.add(new InputIssue(loan.file(), loan.line() > 0 ? loan.line() : null, "loan " + loan.id()
                    + " has no annual percentage rate: "
                    + (why == null || why.isBlank() ? "no rate of return solves its cash flows" : why)
                    + "; rules that compare its APR could not judge it"));
        }
        sink.startLoan(loan.id());
        for (GuardedRule rule : rules) {
            if (!rule.active()) {
                continue;
            }
            sink.rule(rule);
            try {
                rule.evaluation().onLoan(facts, sink);
            } catch (OutOfMemoryError oom) {
                throw oom;
            } catch (Throwable t) {
                rule.fail("it stopped with an error while judging loan " + loan.id() + ": " + GuardedRule.reason(t),
                        t);
            }
        }
        List<String> broken = sink.endLoan();
        if (Double.isFinite(apr) && loan.contractDate() != null) {
            sampler.offer(new AprPoint(loan.id(), loan.contractDate(), lpr, apr, loan.smallOrMicro()));
        }
        return new LoanMetrics(loan.id(), lpr, nominal, finite(apr), finite(aprEffective), finite(aprBank), broken);
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private synchronized void complete(long sequence, Done done) {
        if (sequence < nextSequence) {
            // a batch that arrives after its number was given up as skipped: write it now
            emit(List.of(done));
            return;
        }
        pending.computeIfAbsent(sequence, k -> new ArrayList<>(1)).add(done);
        drain();
    }

    private void drain() {
        Map.Entry<Long, List<Done>> first;
        while ((first = pending.firstEntry()) != null && first.getKey() == nextSequence) {
            pending.pollFirstEntry();
            emit(first.getValue());
            nextSequence++;
        }
    }

    private void emit(List<Done> batches) {
        for (Done done : batches) {
            if (detailFailure == null && !aborted) {
                try {
                    for (Finding f : done.findings()) {
                        spill.write(f);
                    }
                    if (detail != null) {
                        for (LoanMetrics row : done.rows()) {
                            detail.accept(row);
                        }
                    }
                } catch (RuntimeException e) {
                    detailFailure = e;
                    aborted = true;
                }
            }
            permits.release();
        }
    }

    /**
     * The reader is waiting for a permit while every read batch is judged and waits for a number
     * that never came: the reader skipped it. Write on from the next number there is.
     */
    private synchronized void skipGapIfStuck() {
        if (unfinished.get() == 0 && !pending.isEmpty()
                && pending.firstKey() > nextSequence) {
            nextSequence = pending.firstKey();
            drain();
        }
    }

    /** Unwinds the reader when the audit cannot go on. */
    private static final class AbortedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AbortedException() {
            super("the audit was stopped", null, false, false);
        }
    }
}
