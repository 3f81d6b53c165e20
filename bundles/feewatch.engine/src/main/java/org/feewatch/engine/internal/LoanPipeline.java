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

import org.feewatch.api.Finding;
import org.feewatch.api.InputIssue;
import org.feewatch.api.Loan;
import org.feewatch.api.LoanMetrics;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.DetailRows;
import org.feewatch.api.spi.FindingSink;
import org.feewatch.api.spi.LoanBookListener;
import org.feewatch.api.spi.LoanFacts;
import org.feewatch.api.spi.RuleEvaluation;
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

    /** A batch of loans, their fee payees made canonical (an array: no call through List per loan). */
    private record Batch(long sequence, Loan[] loans) {
    }

    private static final Batch END = new Batch(-1, new Loan[0]);

    /**
     * A judged batch: its detail rows (rendered, or as objects for a plain consumer, or none
     * without a consumer) and its loans' own findings, both in book order; each finding with its
     * bytes as the spill renders it (null: the spill renders it when written).
     */
    private record Done(DetailRows.Batch renderedRows, List<LoanMetrics> rows, List<Finding> findings,
            List<byte[]> rendered) {
    }

    private final AuditContext context;
    private final LoanAnalyzer analyzer;
    private final List<GuardedRule> rules;
    /** The rules that judge loans at all (set when the run starts, before any worker). */
    private GuardedRule[] loanRules = new GuardedRule[0];
    /** By a loan's {@link LoanTraits} mask: the indexes in {@link #loanRules} of the rules that judge it. */
    private int[][] rulesByTraits = LoanTraits.rulesByMask(new int[0]);
    /** The audited institution, whose fees are the bank's ({@link LoanTraits#of}). */
    private final String institutionId;
    private final AuditOptions options;
    private final FindingSink findings;
    private final AprSampler sampler;
    private final FindingSpill spill;
    private final Consumer<LoanMetrics> detail;
    /** The detail consumer when it takes rows rendered by the judging threads, else null. */
    private final DetailRows detailRows;

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
    private final FeePayees payees;
    private final AfterAuditDate afterAuditDate;

    // re-ordering of detail rows: guarded by "this"
    private final TreeMap<Long, List<Done>> pending = new TreeMap<>();
    private final List<Done> late = new ArrayList<>();
    private long nextSequence;
    /** True while a thread writes batches out (the role {@link #writeReady()} gives up when done). */
    private boolean writing;
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
        this.detailRows = detail instanceof DetailRows rows ? rows : null;
        this.permits = new Semaphore(options.batchesInFlight());
        this.errors = new CappedIssues(options.maxListedErrors());
        this.warnings = new CappedIssues(options.maxListedWarnings());
        this.loanProblems = new CappedIssues(options.maxListedWarnings());
        this.payees = new FeePayees(context.caseInfo(), context.partners());
        this.afterAuditDate = new AfterAuditDate(context.caseInfo() == null ? null : context.caseInfo().asOf());
        this.institutionId = context.caseInfo() == null ? null : context.caseInfo().institutionId();
    }

    /**
     * Reads the whole book and judges every accepted loan. A read error ends the book early and
     * becomes a warning; a failing detail consumer stops the audit with its exception.
     */
    /** @param bookName how messages name the book, e.g. "the loan book" */
    public void run(LoanBookSource book, String bookName) {
        int workers = options.workerThreads();
        loanRules = rules.stream().filter(GuardedRule::judgesLoans).toArray(GuardedRule[]::new);
        int[] required = new int[loanRules.length];
        for (int r = 0; r < required.length; r++) {
            required[r] = loanRules[r].requiredTraits();
        }
        rulesByTraits = LoanTraits.rulesByMask(required);
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "feewatch-loans-" + i);
            t.setDaemon(true);
            liveWorkers.add(t);
            t.start();
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
            for (int i = 0; i < workers; i++) {
                queue.add(END);
            }
            // every live worker takes one END; a worker replaced by the watchdog is no longer waited for
            boolean interrupted = false;
            while (!liveWorkers.isEmpty()) {
                for (Thread t : List.copyOf(liveWorkers)) {
                    try {
                        t.join(GAP_CHECK_MILLIS);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                    if (!t.isAlive()) {
                        liveWorkers.remove(t);
                    }
                }
            }
            watchdog.interrupt();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            // batch numbers the reader skipped: write what is left in sequence order (every worker
            // has ended, so no thread holds the writing role any more)
            if (!late.isEmpty()) {
                emit(new ArrayList<>(late));
                late.clear();
            }
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
        Loan[] batch = loans.toArray(new Loan[0]); // the reader may reuse its list
        payees.canonical(batch);
        afterAuditDate.tally(batch);
        queue.add(new Batch(sequence, batch));
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

    /** Loans contracted after the audit date: one warning for the book, or none. */
    public AfterAuditDate afterAuditDate() {
        return afterAuditDate;
    }

    /** The book's fee payees that are not the institution id or a partner id. */
    public FeePayees payees() {
        return payees;
    }

    /** Loans whose APR could not be computed. */
    public CappedIssues loanProblems() {
        return loanProblems;
    }

    /**
     * One batch being judged, by one owner thread at a time. When a rule hangs on a loan, the
     * watchdog switches the rule off, writes that loan's row, and hands the rest of the batch to a
     * new thread; the stuck thread finds it no longer owns the batch and ends when it can.
     */
    private final class Job {
        final Batch batch;
        /** The batch's detail rows as the judging threads render them, when the consumer takes them so. */
        final DetailRows.Batch renderedRows;
        /** The batch's detail rows for a consumer that takes objects only (null without a consumer). */
        final List<LoanMetrics> rows;
        /** Rows added (guarded by this). */
        int rowCount;
        /** The batch's loans' own findings, loan by loan (guarded by this). */
        final List<Finding> findings = new ArrayList<>();
        /** Each of {@link #findings} rendered by the thread that judged it, or null (guarded by this). */
        final List<byte[]> rendered = new ArrayList<>();

        /** Keeps findings; {@code render}: rendered here, by the judging thread, not by the writing one. */
        void keep(List<Finding> kept, boolean render) {
            for (Finding f : kept) {
                findings.add(f);
                rendered.add(render ? spill.prerender(f) : null);
            }
        }
        int next; // guarded by this
        volatile Thread owner; // written under this
        RuleSink ownerSink; // guarded by this
        // what the owner is doing now, read by the watchdog
        /**
         * The rule judging the current loan. Written for every rule of every loan, so deliberately
         * not volatile (a volatile store is a full fence, and a million loans times a dozen rules of
         * fences cost more than the rules): the watchdog may read it late, which only matters to a
         * rule that runs for seconds, long after the store became visible.
         */
        GuardedRule rule;
        /**
         * The facts of the loan being judged, for the row written when a rule hangs on it; plain for
         * the same reason (the watchdog checks that they are the current loan's before using them).
         */
        LoanFacts facts;
        // the watchdog's own notes (only its thread touches them): which loan it saw being judged by
        // the rules, and when it first saw that; so no worker reads a clock or fences per loan
        int watchedNext = -1;
        long watchedSince;

        Job(Batch batch) {
            this.batch = batch;
            DetailRows.Batch rendered = null;
            if (detailRows != null) {
                try {
                    rendered = detailRows.newBatch();
                } catch (RuntimeException e) {
                    detailFailed(e);
                }
            }
            this.renderedRows = rendered;
            this.rows = detailRows == null && detail != null ? new ArrayList<>(batch.loans().length) : null;
        }

        /** Adds the row of the loan {@code row} holds (caller holds this). */
        void addRow(Row row) {
            if (renderedRows != null) {
                try {
                    renderedRows.add(row.loanId, row.lpr, row.nominal, row.apr, row.aprEffective, row.aprBank,
                            row.rules);
                } catch (RuntimeException e) {
                    detailFailed(e);
                }
            } else if (rows != null) {
                rows.add(row.metrics());
            }
            rowCount++;
        }

        /** Adds {@code row} (caller holds this). */
        void addRow(LoanMetrics row) {
            if (renderedRows != null) {
                try {
                    renderedRows.add(row);
                } catch (RuntimeException e) {
                    detailFailed(e);
                }
            } else if (rows != null) {
                rows.add(row);
            }
            rowCount++;
        }

        boolean owned() {
            return owner == Thread.currentThread();
        }
    }

    private final java.util.Set<Job> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<Thread> liveWorkers = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void work() {
        work(null);
    }

    /** A worker: finishes {@code adopted} (a batch taken over from a stuck thread) first, then takes batches. */
    private void work(Job adopted) {
        RuleSink sink = new RuleSink(findings, options.evidencePerFinding());
        Row row = new Row();
        Job job = adopted;
        while (true) {
            if (job == null) {
                Batch batch;
                try {
                    batch = queue.take();
                } catch (InterruptedException e) {
                    liveWorkers.remove(Thread.currentThread());
                    return;
                }
                if (batch == END) {
                    liveWorkers.remove(Thread.currentThread());
                    return;
                }
                job = new Job(batch);
                synchronized (job) {
                    job.owner = Thread.currentThread();
                    job.ownerSink = sink;
                }
                running.add(job);
            } else {
                synchronized (job) {
                    job.ownerSink = sink;
                }
            }
            if (!runJob(job, sink, row)) {
                // the watchdog gave this thread's batch to another thread: this one is done
                return;
            }
            job = null;
        }
    }

    /** Judges the job's remaining loans; false when another thread took the job over. */
    private boolean runJob(Job job, RuleSink sink, Row row) {
        try {
            Loan loan;
            synchronized (job) {
                if (job.owner != Thread.currentThread()) {
                    return false;
                }
                loan = aborted || job.next >= job.batch.loans().length ? null : job.batch.loans()[job.next];
            }
            while (loan != null) {
                boolean judged = judge(loan, sink, job, row);
                // one lock per loan: hand over its row and findings, and take the next loan
                synchronized (job) {
                    if (!judged || job.owner != Thread.currentThread()) {
                        return false;
                    }
                    job.rule = null;
                    job.addRow(row);
                    List<Finding> kept = sink.takeKeptByOwner();
                    if (!kept.isEmpty()) {
                        job.keep(kept, true);
                    }
                    job.next++;
                    loan = aborted || job.next >= job.batch.loans().length ? null : job.batch.loans()[job.next];
                }
            }
        } catch (RuntimeException e) {
            // never lose the batch's permit, or the reader would wait for ever
            options.diagnostics().accept("loan batch " + job.batch.sequence() + " failed", e);
            synchronized (job) {
                if (!job.owned()) {
                    return false;
                }
                job.keep(sink.takeKept(), false);
            }
        }
        running.remove(job);
        long done = analysed.addAndGet(job.rowCount);
        options.progress().onProgress(bytesRead, bytesTotal, done);
        complete(job.batch.sequence(), new Done(job.renderedRows, job.rows, job.findings, job.rendered));
        unfinished.decrementAndGet();
        return true;
    }

    /**
     * Looks for a rule that has judged one loan for longer than allowed, and works around it. A loan
     * counts as judged by its rules from the first look that finds a rule on it (at most a pause
     * after they began, a pause being an eighth of the limit), until the job moves to its next loan.
     */
    private void watch() {
        long limit = options.loanTimeout().toNanos();
        long pause = Math.max(1, Math.min(1000, options.loanTimeout().toMillis() / 8));
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Job job : running) {
                GuardedRule rule = job.rule;
                int next;
                synchronized (job) {
                    next = job.next;
                }
                if (rule == null || next != job.watchedNext) {
                    // between loans, analysing one, or on another loan than at the last look
                    job.watchedNext = rule == null ? -1 : next;
                    job.watchedSince = now;
                } else if (now - job.watchedSince > limit) {
                    takeOver(job, rule, next);
                }
            }
        }
    }

    private void takeOver(Job job, GuardedRule rule, int next) {
        synchronized (job) {
            if (job.rule != rule || job.next != next || next >= job.batch.loans().length) {
                return; // it moved on meanwhile
            }
            Loan current = job.batch.loans()[next];
            rule.fail("it did not finish judging loan " + current.id() + " within "
                    + describe(options.loanTimeout()), null);
            Thread stuck = job.owner;
            // the stuck thread's sink drops whatever it adds from now on
            job.ownerSink.close();
            job.keep(job.ownerSink.takeKept(), false);
            job.addRow(hungRow(current, job.facts, job.ownerSink.loanRulesSoFar()));
            job.next++;
            job.rule = null;
            Thread replacement = new Thread(() -> work(job), "feewatch-loans-r" + job.batch.sequence());
            replacement.setDaemon(true);
            job.owner = replacement;
            liveWorkers.remove(stuck);
            liveWorkers.add(replacement);
            stuck.interrupt();
            replacement.start();
        }
    }

    private static String describe(java.time.Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    /**
     * One loan's detail figures, filled by {@link #judge} and added to its batch under the job's
     * lock: one per worker, reused loan after loan, so that a row rendered by the judging thread
     * needs no object of its own. An unknown APR is NaN.
     */
    private static final class Row {
        String loanId;
        java.math.BigDecimal lpr;
        java.math.BigDecimal nominal;
        double apr;
        double aprEffective;
        double aprBank;
        List<String> rules;

        void set(String loanId, java.math.BigDecimal lpr, java.math.BigDecimal nominal, double apr,
                double aprEffective, double aprBank, List<String> rules) {
            this.loanId = loanId;
            this.lpr = lpr;
            this.nominal = nominal;
            this.apr = apr;
            this.aprEffective = aprEffective;
            this.aprBank = aprBank;
            this.rules = rules;
        }

        LoanMetrics metrics() {
            return new LoanMetrics(loanId, lpr, nominal, finite(apr), finite(aprEffective), finite(aprBank), rules);
        }
    }

    /** Judges one loan and fills {@code row} with its detail figures; false when the job was taken over meanwhile. */
    private boolean judge(Loan loan, RuleSink sink, Job job, Row row) {
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
            row.set(loan.id(), null, nominal, Double.NaN, Double.NaN, Double.NaN, List.of());
            return true;
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
        job.facts = facts;
        sink.startLoan(loan.id());
        GuardedRule[] judging = loanRules;
        // only the rules that can find something on a loan of its traits
        int[] order = rulesByTraits[traitsOf(facts)];
        for (int i = 0; i < order.length; i++) {
            int r = order[i];
            GuardedRule rule = judging[r];
            RuleEvaluation evaluation = rule.activeEvaluation();
            if (evaluation == null) {
                continue; // switched off
            }
            sink.rule(rule);
            job.rule = rule;
            try {
                onLoan(r, evaluation, facts, sink);
            } catch (OutOfMemoryError oom) {
                throw oom;
            } catch (Throwable t) {
                if (job.owned()) {
                    rule.fail("it stopped with an error while judging loan " + loan.id() + ": "
                            + GuardedRule.reason(t), t);
                }
            }
            if (!job.owned()) {
                return false; // taken over: the caller sees that and stops
            }
        }
        job.rule = null;
        List<String> broken = sink.endLoan();
        if (Double.isFinite(apr) && loan.contractDate() != null) {
            sampler.offer(loan, lpr, apr);
        }
        row.set(loan.id(), lpr, nominal, apr, aprEffective, aprBank, broken);
        return true;
    }

    /** The loan's traits; every trait (every rule judges it) when its facts cannot say. */
    private int traitsOf(LoanFacts facts) {
        try {
            return LoanTraits.of(facts, institutionId);
        } catch (RuntimeException e) {
            return LoanTraits.ALL;
        }
    }

    /**
     * {@code evaluation.onLoan(facts, sink)} from a call site of its own for each of the first 16
     * loan rules. One call site for every rule sees a dozen classes, so each call went through an
     * interface-table search (C1, the launcher's only JIT, does not profile); a site that only ever
     * sees rule {@code r}'s evaluation class calls it directly after one class check. The rule at an
     * index is the same for a whole audit, and mostly across audits of the same packs.
     */
    private static void onLoan(int r, RuleEvaluation evaluation, LoanFacts facts, FindingSink sink) {
        switch (r) {
            case 0 -> evaluation.onLoan(facts, sink);
            case 1 -> evaluation.onLoan(facts, sink);
            case 2 -> evaluation.onLoan(facts, sink);
            case 3 -> evaluation.onLoan(facts, sink);
            case 4 -> evaluation.onLoan(facts, sink);
            case 5 -> evaluation.onLoan(facts, sink);
            case 6 -> evaluation.onLoan(facts, sink);
            case 7 -> evaluation.onLoan(facts, sink);
            case 8 -> evaluation.onLoan(facts, sink);
            case 9 -> evaluation.onLoan(facts, sink);
            case 10 -> evaluation.onLoan(facts, sink);
            case 11 -> evaluation.onLoan(facts, sink);
            case 12 -> evaluation.onLoan(facts, sink);
            case 13 -> evaluation.onLoan(facts, sink);
            case 14 -> evaluation.onLoan(facts, sink);
            case 15 -> evaluation.onLoan(facts, sink);
            default -> evaluation.onLoan(facts, sink);
        }
    }

    /**
     * The detail row of a loan a rule hung on, with the rules it broke so far: its figures from the
     * facts its worker noted, or analysed again when the watchdog cannot see those yet.
     */
    private LoanMetrics hungRow(Loan loan, LoanFacts noted, List<String> broken) {
        java.math.BigDecimal nominal = loan.rate() == null ? null : loan.rate().nominal();
        try {
            LoanFacts facts = noted != null && noted.loan() == loan ? noted : analyzer.analyze(loan, context);
            if (facts != null) {
                return new LoanMetrics(loan.id(), facts.lpr1y(), nominal, finite(facts.aprAllIn()),
                        finite(facts.aprAllInEffective()), finite(facts.aprBankOnly()), broken);
            }
        } catch (RuntimeException e) {
            options.diagnostics().accept("loan " + loan.id() + ": reading its facts failed", e);
        }
        return new LoanMetrics(loan.id(), null, nominal, null, null, null, broken);
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    /**
     * Hands a judged batch over for writing. Batches are written in sequence order by one thread
     * at a time, outside the pipeline's lock: a worker whose batch is done while another thread
     * writes only queues it and goes back to judging.
     */
    private void complete(long sequence, Done done) {
        synchronized (this) {
            if (sequence < nextSequence) {
                // a batch that arrives after its number was given up as skipped: written next
                late.add(done);
            } else {
                pending.computeIfAbsent(sequence, k -> new ArrayList<>(1)).add(done);
            }
            if (writing) {
                return; // the writing thread takes it
            }
            writing = true;
        }
        writeReady();
    }

    /** Writes every batch that is next in sequence, until none is; the caller holds the writing role. */
    private void writeReady() {
        while (true) {
            List<Done> ready = new ArrayList<>();
            synchronized (this) {
                ready.addAll(late);
                late.clear();
                Map.Entry<Long, List<Done>> first;
                while ((first = pending.firstEntry()) != null && first.getKey() == nextSequence) {
                    pending.pollFirstEntry();
                    ready.addAll(first.getValue());
                    nextSequence++;
                }
                if (ready.isEmpty()) {
                    writing = false;
                    return;
                }
            }
            emit(ready);
        }
    }

    private void emit(List<Done> batches) {
        for (Done done : batches) {
            if (detailFailure == null && !aborted) {
                try {
                    List<Finding> kept = done.findings();
                    for (int i = 0; i < kept.size(); i++) {
                        spill.write(kept.get(i), done.rendered().get(i));
                    }
                    if (done.renderedRows() != null) {
                        detailRows.write(done.renderedRows());
                    } else if (done.rows() != null) {
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

    /** The detail consumer failed (while a judging thread rendered rows for it): the audit stops with its exception. */
    private void detailFailed(RuntimeException e) {
        synchronized (this) {
            if (detailFailure == null) {
                detailFailure = e;
            }
        }
        aborted = true;
    }

    /**
     * The reader is waiting for a permit while every read batch is judged and waits for a number
     * that never came: the reader skipped it. Write on from the next number there is.
     */
    private void skipGapIfStuck() {
        synchronized (this) {
            if (unfinished.get() != 0 || pending.isEmpty() || pending.firstKey() <= nextSequence || writing) {
                return;
            }
            nextSequence = pending.firstKey();
            writing = true;
        }
        writeReady();
    }

    /** Unwinds the reader when the audit cannot go on. */
    private static final class AbortedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AbortedException() {
            super("the audit was stopped", null, false, false);
        }
    }
}
