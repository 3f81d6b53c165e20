package org.feewatch.loanbook.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.feewatch.api.InputIssue;
import org.feewatch.api.Loan;
import org.feewatch.api.spi.LoanBookListener;

/**
 * Reads a line-per-loan file in large byte chunks split at line ends and parses the chunks on
 * several threads. The calling thread reads and numbers lines; worker threads parse; duplicate ids
 * are checked in book order as chunks complete; each chunk becomes one batch for the listener,
 * numbered from 0 and delivered in book order (an empty batch when a chunk has no accepted loan, so
 * the numbers have no gaps). Memory is bounded by a fixed pool of chunk buffers whatever the book's size.
 */
final class ChunkedBookReader {
    /** 1.23457E+11: a long numeric id that Excel showed, and saved, as a number with 6 significant digits. */
    private static final java.util.regex.Pattern EXCEL_NUMBER_ID =
            java.util.regex.Pattern.compile("\\d(\\.\\d+)?[eE]\\+\\d+");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChunkedBookReader.class);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int MISSES_BEFORE_PAUSE = 64;
    private static final int PAUSE = 1024;
    private static final int READ_PIECE = 128 << 10;

    /** Parses one line of a book; one instance per thread. */
    interface LineParser {
        /**
         * The loan on bytes [start, end) of physical line {@code line} (line end excluded), or a
         * {@link Reject}. {@code lastLineWithoutEnd}: the file ends on this line with no line break.
         */
        Loan parse(byte[] b, int start, int end, long line, boolean lastLineWithoutEnd) throws Reject;

        /**
         * The loan of the line starting at {@code start}, parsed in one pass that finds the line's
         * end itself (then {@link #lineEnd()}: the index of its '\n', or {@code chunkEnd}); null when
         * the line must go through {@link #parse} (a bad or unusual line, or no such pass). A loan
         * returned is the one {@link #parse} would return for the line.
         */
        default Loan parseToLineEnd(byte[] b, int start, int chunkEnd, long line) {
            return null;
        }

        /** Where the line of the last loan of {@link #parseToLineEnd} ended. */
        default int lineEnd() {
            throw new IllegalStateException("no one-pass parse");
        }

        /**
         * Whether the loan last returned has the id of the loan this parser returned before it, on the
         * line before, with the next number (same prefix and digit count, as {@link IdRegistry} splits
         * ids); false when not known.
         */
        default boolean idFollowsLast() {
            return false;
        }

        /** Unknown fields or columns this parser has seen. */
        UnknownFields unknownFields();

        /** Whether bytes [start, end) of a line are blank: skipped and not counted in read. */
        default boolean blank(byte[] b, int start, int end) {
            return Bytes.blank(b, start, end);
        }
    }

    /** Counts loans of each batch on the parsing thread; told the count in book order, after the duplicate check. */
    interface LoanTally {
        /** Whether the loan is one to count. */
        boolean counts(Loan loan);

        /** {@code n} (more than 0) loans of one batch count, the first of them on line {@code firstLine}. */
        void add(long n, long firstLine);
    }

    /** What was read, for the caller's own checks. */
    record Totals(long accepted, long rejected, UnknownFields unknown) {
    }

    private final ReaderSettings settings;

    ChunkedBookReader(ReaderSettings settings) {
        this.settings = settings;
    }

    Totals read(Path file, String fileName, long startOffset, long firstLine, Supplier<LineParser> parsers,
            IdRegistry ids, LoanBookListener listener) throws IOException {
        return read(file, fileName, startOffset, firstLine, parsers, ids, null, listener);
    }

    /** {@code tally}: counts the accepted loans it picks (null: none). */
    Totals read(Path file, String fileName, long startOffset, long firstLine, Supplier<LineParser> parsers,
            IdRegistry ids, LoanTally tally, LoanBookListener listener) throws IOException {
        return new Run(file, fileName, parsers, ids, tally, listener).run(startOffset, firstLine);
    }

    private record Chunk(long seq, byte[] buf, int start, int end, long firstLine, boolean last) {
    }

    /**
     * {@code consecutive}: the loans' ids are one prefix and digit count with consecutive numbers on
     * consecutive lines (a chunk of a book in id order), so their duplicate check is one step.
     */
    private record Result(long seq, List<Loan> loans, List<InputIssue> rejects, boolean consecutive, long tallied,
            long firstTallied) {
    }

    private final class Run {
        private final Path file;
        private final String fileName;
        private final Supplier<LineParser> parsers;
        private final IdRegistry ids;
        private final LoanTally tally;
        private final LoanBookListener listener;
        private final int threads = settings.effectiveThreads();
        private final BlockingQueue<byte[]> pool = new ArrayBlockingQueue<>(threads + 2);
        private final BlockingQueue<Chunk> work = new ArrayBlockingQueue<>(threads);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final AtomicLong accepted = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final Object order = new Object();
        private final Map<Long, Result> pending = new HashMap<>();
        private long nextSeq;
        private final List<LineParser> allParsers = new ArrayList<>();
        private final Chunk poison = new Chunk(-1, null, 0, 0, 0, false);

        Run(Path file, String fileName, Supplier<LineParser> parsers, IdRegistry ids, LoanTally tally,
                LoanBookListener listener) {
            this.file = file;
            this.fileName = fileName;
            this.parsers = parsers;
            this.ids = ids;
            this.tally = tally;
            this.listener = listener;
        }

        Totals run(long startOffset, long firstLine) throws IOException {
            for (int i = 0; i < threads + 2; i++) {
                pool.add(new byte[settings.chunkBytes()]);
            }
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                LineParser parser = parsers.get();
                allParsers.add(parser);
                Thread t = new Thread(() -> work(parser), "feewatch-loanbook-" + i);
                t.setDaemon(true);
                workers.add(t);
                t.start();
            }
            try {
                readChunks(startOffset, firstLine);
            } catch (IOException | RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new InterruptedIOException("reading " + fileName + " was interrupted"));
            } finally {
                for (int i = 0; i < threads; i++) {
                    putUninterruptibly(work, poison);
                }
                for (Thread t : workers) {
                    joinUninterruptibly(t);
                }
            }
            Throwable f = failure.get();
            if (f instanceof IOException io) {
                throw io;
            }
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
            if (f != null) {
                throw new IOException(f);
            }
            UnknownFields unknown = new UnknownFields();
            for (LineParser p : allParsers) {
                unknown.addAll(p.unknownFields());
            }
            return new Totals(accepted.get(), rejected.get(), unknown);
        }

        private void readChunks(long startOffset, long firstLine) throws IOException, InterruptedException {
            int batchLines = settings.batchLines();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = ch.size();
                long pos = startOffset;
                long line = firstLine;
                long seq = 0;
                byte[] buf = pool.take();
                int filled = 0;
                // a chunk is cut once this many bytes are in: the whole buffer, or after a chunk ended by
                // its line count, a little more than that chunk took (little is then carried over)
                int limit = buf.length;
                boolean eof = false;
                int start = -1;
                while (failure.get() == null) {
                    if (!eof) {
                        int n = fill(ch, pos, buf, filled, limit);
                        eof = n < 0;
                        if (n > 0) {
                            pos += n;
                            filled += n;
                        }
                        if (!eof && filled < limit) {
                            continue;
                        }
                    }
                    if (start < 0) {
                        start = startOffset == 0 && filled >= 3 && buf[0] == BOM[0] && buf[1] == BOM[1]
                                && buf[2] == BOM[2] ? 3 : 0;
                    }
                    listener.onProgress(pos, size);
                    int nth = Bytes.nthIndexOf(buf, start, filled, (byte) '\n', batchLines);
                    int chunkEnd;
                    long lines;
                    if (nth >= 0) {
                        chunkEnd = nth + 1;
                        lines = batchLines;
                    } else if (eof) {
                        if (filled > start) {
                            work.put(new Chunk(seq, buf, start, filled, line, true));
                        } else {
                            pool.put(buf);
                        }
                        return;
                    } else {
                        int lastEnd = Bytes.lastIndexOf(buf, start, filled, (byte) '\n');
                        if (lastEnd < 0 && filled < buf.length) {
                            // a line longer than the estimate: read on up to the whole buffer
                            limit = buf.length;
                            continue;
                        }
                        if (lastEnd < 0) {
                            // one line fills the whole buffer: reject it and skip to its end, never holding it
                            long length = filled - start;
                            int keep = -1;
                            while (keep < 0) {
                                int n = fill(ch, pos, buf, 0, buf.length);
                                if (n < 0) {
                                    break;
                                }
                                pos += n;
                                int nl = Bytes.indexOf(buf, 0, n, (byte) '\n');
                                if (nl >= 0) {
                                    length += nl;
                                    keep = n - nl - 1;
                                    System.arraycopy(buf, nl + 1, buf, 0, keep);
                                } else {
                                    length += n;
                                }
                            }
                            rejected.incrementAndGet();
                            listener.onRejected(InputIssue.at(fileName, line, String.format(
                                    "the line is %,d bytes long, over the limit of %,d bytes (maxLineKiB in "
                                            + "configuration); it was skipped", length, settings.maxLineBytes())));
                            line++;
                            filled = Math.max(keep, 0);
                            start = 0;
                            limit = buf.length;
                            if (keep < 0) {
                                pool.put(buf);
                                return;
                            }
                            continue;
                        }
                        chunkEnd = lastEnd + 1;
                        // every line end found is before chunkEnd
                        lines = -1 - nth;
                    }
                    byte[] next = pool.take();
                    int carry = filled - chunkEnd;
                    System.arraycopy(buf, chunkEnd, next, 0, carry);
                    work.put(new Chunk(seq++, buf, start, chunkEnd, line, false));
                    line += lines;
                    int took = chunkEnd - start;
                    limit = nth >= 0 ? (int) Math.min(buf.length, Math.max(carry, took + (long) (took >> 3))) : buf.length;
                    buf = next;
                    filled = carry;
                    start = 0;
                }
                pool.put(buf);
            }
        }

        /** Reads into buf from filled up to limit; the bytes read, or -1 at the end of the file. */
        private int fill(FileChannel ch, long pos, byte[] buf, int filled, int limit) throws IOException {
            int total = 0;
            int want = Math.max(0, limit - filled);
            // in pieces: a read into an array goes through a direct buffer of the read's size, which the
            // kernel fills and which is then copied to the array; one that fits in the processor's cache
            // is copied from there rather than from memory
            while (total < want) {
                ByteBuffer bb = ByteBuffer.wrap(buf, filled + total, Math.min(READ_PIECE, want - total));
                int n = ch.read(bb, pos + total);
                if (n < 0) {
                    return total == 0 ? -1 : total;
                }
                total += n;
            }
            return total;
        }

        private void work(LineParser parser) {
            while (true) {
                Chunk c;
                try {
                    c = work.take();
                } catch (InterruptedException e) {
                    failure.compareAndSet(null, new InterruptedIOException("reading " + fileName + " was interrupted"));
                    return;
                }
                if (c == poison) {
                    return;
                }
                Result r = null;
                try {
                    if (failure.get() == null) {
                        r = parse(c, parser);
                    }
                } catch (RuntimeException | Error t) {
                    failure.compareAndSet(null, t);
                } finally {
                    // never blocks: the pool holds exactly the buffers handed out
                    pool.offer(c.buf());
                }
                if (r != null) {
                    try {
                        complete(r);
                    } catch (RuntimeException | Error t) {
                        failure.compareAndSet(null, t);
                    }
                }
            }
        }

        private Result parse(Chunk c, LineParser parser) {
            ChunkLines lines = new ChunkLines(c, parser);
            // the loop body is a method: the launcher's compiler (C1) compiles a method after a few
            // hundred calls, but a loop inside one only after 60,000 turns
            while (lines.i < lines.end) {
                lines.next();
            }
            return new Result(c.seq(), lines.loans, lines.rejects, lines.consecutiveIds(), lines.tallied,
                    lines.firstTallied);
        }

        /** One chunk being parsed, line after line. */
        private final class ChunkLines {
            final Chunk c;
            final LineParser parser;
            final byte[] b;
            // sized for a chunk ended by its line count: not grown (copied) a dozen times a chunk
            final ArrayList<Loan> loans = new ArrayList<>(Math.min(settings.batchLines(), 4096));
            final List<InputIssue> rejects = new ArrayList<>(0);
            long line;
            int i;
            final int end;
            // a book whose lines all miss the one-pass parse (say, every line is bad) is not parsed twice
            // a line: after MISSES_BEFORE_PAUSE misses in a row the pass is left out for PAUSE lines
            int missesInARow;
            int pause;

            ChunkLines(Chunk c, LineParser parser) {
                this.c = c;
                this.parser = parser;
                this.b = c.buf();
                this.line = c.firstLine();
                this.i = c.start();
                this.end = c.end();
            }

            void next() {
                Loan quick = null;
                if (pause > 0) {
                    pause--;
                } else {
                    quick = parser.parseToLineEnd(b, i, end, line);
                    if (quick == null && ++missesInARow == MISSES_BEFORE_PAUSE) {
                        missesInARow = 0;
                        pause = PAUSE;
                    }
                }
                if (quick != null) {
                    missesInARow = 0;
                    int nl = parser.lineEnd();
                    int e = nl > i && b[nl - 1] == '\r' ? nl - 1 : nl;
                    if (e - i > settings.maxLineBytes()) {
                        rejects.add(tooLong(e - i, line));
                    } else {
                        add(quick);
                    }
                    line++;
                    i = nl < end ? nl + 1 : end;
                    return;
                }
                int nl = Bytes.indexOf(b, i, end, (byte) '\n');
                int lineEnd = nl >= 0 ? nl : end;
                int e = lineEnd;
                if (e > i && b[e - 1] == '\r') {
                    e--;
                }
                if (e > i && !parser.blank(b, i, e)) {
                    if (e - i > settings.maxLineBytes()) {
                        rejects.add(tooLong(e - i, line));
                    } else {
                        try {
                            add(parser.parse(b, i, e, line, c.last() && nl < 0));
                        } catch (Reject r) {
                            rejects.add(InputIssue.at(fileName, line, r.getMessage()));
                        } catch (java.io.UncheckedIOException io) {
                            throw io;
                        } catch (RuntimeException bug) {
                            // a defect must cost one line, not the book; details go to the log file
                            LOG.error("{} line {} could not be parsed", fileName, line, bug);
                            rejects.add(InputIssue.at(fileName, line,
                                    "this line could not be read (an internal error; see the log file)"));
                        }
                    }
                }
                line++;
                i = nl >= 0 ? nl + 1 : end;
            }

            // whether the ids so far run on: same prefix and width, the next number on the next line, as
            // the parser saw from the id's bytes. The check in book order then takes the chunk in one step
            private boolean idsRunOn = true;

            long tallied;
            long firstTallied = -1;

            private void add(Loan loan) {
                ArrayList<Loan> all = loans;
                if (idsRunOn && !all.isEmpty()) {
                    idsRunOn = parser.idFollowsLast() && loan.line() == all.get(all.size() - 1).line() + 1;
                }
                if (tally != null && tally.counts(loan)) {
                    if (tallied++ == 0) {
                        firstTallied = loan.line();
                    }
                }
                all.add(loan);
            }

            boolean consecutiveIds() {
                return idsRunOn && loans.size() > 1;
            }
        }

        private InputIssue tooLong(int length, long line) {
            return InputIssue.at(fileName, line, String.format("the line is %,d bytes long, over the limit of %,d "
                    + "bytes (maxLineKiB in configuration)", length, settings.maxLineBytes()));
        }

        /**
         * Checks ids and hands the batches over in book order as chunks complete. Delivery is in
         * sequence order too (under the lock), so a listener that holds batches back for ordering,
         * with a bounded number in flight, is never handed batch k+1 while k still waits.
         */
        private void complete(Result r) {
            synchronized (order) {
                pending.put(r.seq(), r);
                Result x;
                while ((x = pending.remove(nextSeq)) != null) {
                    x = checkIds(x);
                    nextSeq++;
                    if (tally != null) {
                        tally(x);
                    }
                    x.rejects().sort(Comparator.comparing(InputIssue::line));
                    for (InputIssue issue : x.rejects()) {
                        listener.onRejected(issue);
                    }
                    rejected.addAndGet(x.rejects().size());
                    accepted.addAndGet(x.loans().size());
                    listener.onLoans(x.seq(), x.loans());
                }
            }
        }

        private Result checkIds(Result r) {
            List<Loan> loans = r.loans();
            if (r.consecutive()) {
                // the first id asked alone, then the rest of the run in one step when they are all new
                Loan head = loans.get(0);
                String id = head.id();
                long first = ids.firstLine(id, head.line());
                if (first < 0 && ids.followedBy(id, IdRegistry.number(id, IdRegistry.digitsStart(id)), head.line(),
                        loans.size() - 1)) {
                    return r;
                }
                return checkIds(r, 1, first);
            }
            return checkIds(r, 0, -1);
        }

        /** The duplicate check of the loans from {@code from} on; {@code headFirst}: the answer for loan 0 when asked. */
        private Result checkIds(Result r, int from, long headFirst) {
            List<Loan> loans = r.loans();
            List<Loan> kept = null;
            if (from == 1 && headFirst >= 0) {
                kept = new ArrayList<>();
                r.rejects().add(duplicate(loans.get(0), headFirst));
            }
            for (int i = from; i < loans.size(); i++) {
                Loan loan = loans.get(i);
                long first = ids.firstLine(loan.id(), loan.line());
                if (first >= 0) {
                    if (kept == null) {
                        kept = new ArrayList<>(loans.subList(0, i));
                    }
                    r.rejects().add(duplicate(loan, first));
                } else if (kept != null) {
                    kept.add(loan);
                }
            }
            // the count taken while parsing included the loans now rejected: counted again (-1)
            return kept == null ? r : new Result(r.seq(), kept, r.rejects(), false, -1, -1);
        }

        private void tally(Result r) {
            long n = r.tallied();
            long first = r.firstTallied();
            if (n < 0) {
                n = 0;
                for (Loan loan : r.loans()) {
                    if (tally.counts(loan) && n++ == 0) {
                        first = loan.line();
                    }
                }
            }
            if (n > 0) {
                tally.add(n, first);
            }
        }

        private InputIssue duplicate(Loan loan, long first) {
            return InputIssue.at(fileName, loan.line(), "duplicate loan id \"" + PlainValues.show(loan.id())
                    + "\" (first on line " + first + ")" + (EXCEL_NUMBER_ID.matcher(loan.id()).matches()
                    ? ": the id is a number in Excel's exponent form, which keeps only its first digits (format the"
                    + " id column as text before saving the book)" : ""));
        }
    }

    private static <T> void putUninterruptibly(BlockingQueue<T> q, T value) {
        boolean interrupted = false;
        while (true) {
            try {
                q.put(value);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
