package org.feewatch.engine.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.feewatch.api.AprPoint;
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
 *
 * <p>A rule still judging one loan after the rule time limit ({@link AuditOptions#finishTimeout()})
 * is switched off and reported, and its worker is given up: a new worker goes on with the rest of
 * that batch (the next rules on that loan, then the next loans) and whatever the old one does
 * afterwards is dropped, so a rule that never returns cannot stop the audit.
 */
public final class LoanPipeline implements LoanBookListener {

    /** How long the reader waits for a permit before checking for a batch number the reader skipped. */
    private static final long GAP_CHECK_MILLIS = 1000;

    private record Batch(long sequence, List<Loan> loans) {
    }

    private static final Batch END = new Batch(-1, List.of());

    /**
     * One worker thread and where it is: the batch, the loan and the rule it is judging, and since
     * when. Its fields change under its own lock, so that the watchdog and the worker agree on
     * whether it was given up.
     */
    private final class Worker {
        final RuleSink sink = new RuleSink(findings, null);
        final Resume resume;
        Thread thread;
        Batch batch;
        List<LoanMetrics> rows;
        int loanIndex;
        int ruleIndex;
        Loan loan;
        GuardedRule rule;
        long callStart;
        volatile boolean abandoned;

        Worker(Resume resume) {
            this.resume = resume;
        }
    }

    /** Where a new worker takes over from one that was given up. */
    private record Resume(Batch batch, List<LoanMetrics> rows, int loanIndex, int ruleIndex) {
    }

    private final List<Worker> workers = new CopyOnWriteArrayList<>();

    private final AuditContext context;
    private final LoanAnalyzer analyzer;
    private final List<GuardedRule> rules;
    private final AuditOptions options;
    private final FindingSink findings;
    private final AprSampler sampler;
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
    private final TreeMap<Long, List<List<LoanMetrics>>> pending = new TreeMap<>();
    private long nextSequence;
    private volatile RuntimeException detailFailure;
    private volatile boolean aborted;

    public LoanPipeline(AuditContext context, LoanAnalyzer analyzer, List<GuardedRule> rules, AuditOptions options,
            FindingSink findings, AprSampler sampler) {
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
        for (int i = 0; i < options.workerThreads(); i++) {
            start(new Worker(null));
        }
        Thread watchdog = new Thread(this::watch, "feewatch-loans-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
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
            for (int i = 0; i < options.workerThreads(); i++) {
                queue.add(END);
            }
            boolean interrupted = false;
            // every worker that was not given up (a replacement is listed before its predecessor is
            // marked given up, so the loop never misses one)
            boolean running = true;
            while (running) {
                running = false;
                for (Worker w : workers) {
                    if (!w.abandoned && w.thread.isAlive()) {
                        running = true;
                        try {
                            w.thread.join(100);
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                }
            }
            watchdog.interrupt();
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

    private void start(Worker w) {
        Thread t = new Thread(() -> work(w), "feewatch-loans-" + workers.size());
        t.setDaemon(true);
        w.thread = t;
        workers.add(w);
        t.start();
    }

    private void work(Worker w) {
        if (w.resume != null) {
            judge(w, w.resume.batch(), w.resume.rows(), w.resume.loanIndex(), w.resume.ruleIndex());
        }
        while (!w.abandoned) {
            Batch batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (batch == END) {
                return;
            }
            judge(w, batch, new ArrayList<>(batch.loans().size()), 0, 0);
        }
    }

    /** Judges a batch from loan {@code fromLoan}, rule {@code fromRule} on, and completes it unless given up. */
    private void judge(Worker w, Batch batch, List<LoanMetrics> rows, int fromLoan, int fromRule) {
        synchronized (w) {
            w.batch = batch;
            w.rows = rows;
        }
        try {
            if (!aborted) {
                List<Loan> loans = batch.loans();
                for (int i = fromLoan; i < loans.size(); i++) {
                    LoanMetrics row = judge(w, i, loans.get(i), i == fromLoan ? fromRule : 0);
                    synchronized (w) {
                        if (w.abandoned) {
                            return;
                        }
                        rows.add(row);
                    }
                }
                // a worker that was given up never counted its batch: its successor counts it whole
                long done = analysed.addAndGet(loans.size());
                options.progress().onProgress(bytesRead, bytesTotal, done);
            }
        } catch (GivenUp e) {
            return;
        } catch (RuntimeException e) {
            // never lose the batch's permit, or the reader would wait for ever
            options.diagnostics().accept("loan batch " + batch.sequence() + " failed", e);
        }
        if (!w.abandoned) {
            complete(batch.sequence(), rows);
            unfinished.decrementAndGet();
        }
    }

    /** Gives up workers stuck in one rule on one loan for longer than the rule time limit. */
    private void watch() {
        long limit = options.finishTimeout().toNanos();
        long pause = Math.max(10, Math.min(200, options.finishTimeout().toMillis() / 10));
        while (true) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            for (Worker w : workers) {
                synchronized (w) {
                    if (w.abandoned || w.callStart == 0 || System.nanoTime() - w.callStart <= limit) {
                        continue;
                    }
                    w.sink.close();
                    w.rule.fail("it did not finish judging loan " + w.loan.id() + " within "
                            + describe(options.finishTimeout()), null);
                    start(new Worker(new Resume(w.batch, new ArrayList<>(w.rows), w.loanIndex, w.ruleIndex + 1)));
                    w.abandoned = true;
                    w.thread.interrupt();
                }
            }
        }
    }

    private static String describe(java.time.Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    private LoanMetrics judge(Worker w, int index, Loan loan, int fromRule) {
        RuleSink sink = w.sink;
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
        if (!Double.isFinite(apr) && fromRule == 0) {
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
        for (int r = fromRule; r < rules.size(); r++) {
            GuardedRule rule = rules.get(r);
            if (!rule.active()) {
                continue;
            }
            sink.rule(rule);
            synchronized (w) {
                w.loanIndex = index;
                w.ruleIndex = r;
                w.loan = loan;
                w.rule = rule;
                w.callStart = System.nanoTime() | 1; // never 0, which means "not in a rule"
            }
            try {
                rule.evaluation().onLoan(facts, sink);
            } catch (OutOfMemoryError oom) {
                throw oom;
            } catch (Throwable t) {
                if (!w.abandoned) {
                    rule.fail("it stopped with an error while judging loan " + loan.id() + ": "
                            + GuardedRule.reason(t), t);
                }
            } finally {
                synchronized (w) {
                    w.callStart = 0;
                    if (w.abandoned) {
                        throw new GivenUp();
                    }
                }
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

    private synchronized void complete(long sequence, List<LoanMetrics> rows) {
        if (sequence < nextSequence) {
            // a batch that arrives after its number was given up as skipped: write it now
            emit(List.of(rows));
            return;
        }
        pending.computeIfAbsent(sequence, k -> new ArrayList<>(1)).add(rows);
        drain();
    }

    private void drain() {
        Map.Entry<Long, List<List<LoanMetrics>>> first;
        while ((first = pending.firstEntry()) != null && first.getKey() == nextSequence) {
            pending.pollFirstEntry();
            emit(first.getValue());
            nextSequence++;
        }
    }

    private void emit(List<List<LoanMetrics>> batches) {
        for (List<LoanMetrics> rows : batches) {
            if (detail != null && detailFailure == null && !aborted) {
                try {
                    for (LoanMetrics row : rows) {
                        detail.accept(row);
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

    /** Unwinds a worker that was given up: another one finishes its batch. */
    private static final class GivenUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GivenUp() {
            super("the worker was given up", null, false, false);
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
