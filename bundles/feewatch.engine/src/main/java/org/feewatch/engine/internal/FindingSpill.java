package org.feewatch.engine.internal;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

import org.feewatch.api.Action;
import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.SubjectType;
import org.feewatch.api.spi.FindingRenderer;

/**
 * Loan findings written to disk as the pipeline hands them over (in book order), one compact file
 * per rule code, so that an audit of a huge book keeps none of them in memory. Written by one
 * thread at a time; read back any number of times once {@link #finishWriting()} was called. The
 * files live in a temporary directory that {@link #close()} deletes (and the JVM's exit, should
 * the report never be written).
 *
 * <p>Given a {@link FindingRenderer}, each finding is also rendered as it is written, into a second
 * file per rule code (the findings joined by the renderer's separator), so that the report writer
 * of that format copies them rather than rendering them after the loans. When the renderer can
 * read its bytes back ({@link FindingRenderer#reader()}), the findings are kept only as rendered
 * and the objects asked for (other formats, the store, tests) are read back from those files: an
 * audit whose report is in the rendered format writes each finding once. Otherwise the compact
 * files are written too, and the objects are read from them.
 */
public final class FindingSpill implements Closeable {

    private final Path dir;
    /** Each rule's files being written and its count, looked up once per finding (hashed: codes are alike). */
    private final Map<String, RuleFiles> byRule = new HashMap<>();
    private final Map<String, Path> files = new TreeMap<>();
    private final FindingRenderer renderer;
    private final byte[] separator;
    private final Map<String, Path> renderedFiles = new TreeMap<>();
    /** Why rendering was given up (the findings are then rendered from the objects), or null. */
    private volatile String renderFailure;
    /** Reads the rendered files back into findings; null when the renderer cannot. */
    private final FindingRenderer.Reader reader;
    /**
     * Whether the findings are written to the compact files: when they cannot be read back from
     * the rendered ones, or since rendering failed (see {@link #keepCompact}).
     */
    private boolean compact;
    /**
     * Each judging thread's renderer and buffer for {@link #prerender}, reused finding after
     * finding: thread and rendering in turn, copied on write. Looked up by thread by hand: a
     * {@code ThreadLocal} costs a native call per look-up in C1-compiled code, and an audit has
     * only a few judging threads.
     */
    private volatile Object[] renderings = new Object[0];
    private static final int MAX_KEPT_RENDERINGS = 64;
    private final int[] bySeverity = new int[Severity.values().length];
    private long total;

    public FindingSpill() {
        this(null);
    }

    /** A spill that also renders each finding with {@code renderer}, when not null. */
    public FindingSpill(FindingRenderer renderer) {
        this.renderer = renderer;
        this.separator = renderer == null ? null : renderer.separator().clone();
        this.reader = renderer == null ? null : renderer.reader();
        this.compact = reader == null;
        try {
            dir = Files.createTempDirectory("feewatch-findings-");
            dir.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary directory for the findings: " + e.getMessage(), e);
        }
    }

    /**
     * The finding rendered with the spill's renderer, for {@link #write(Finding, byte[])}; null
     * without a renderer or when it fails (write then renders it, and gives rendering up if it
     * fails again). Thread-safe: the pipeline renders on the threads that judge the loans, so the
     * one thread that writes the files only copies bytes.
     */
    public byte[] prerender(Finding f) {
        if (renderer == null || renderFailure != null) {
            return null;
        }
        Rendering out;
        try {
            out = rendering();
        } catch (RuntimeException e) {
            return null;
        }
        out.length = 0;
        try {
            out.renderer.render(f, out);
            return java.util.Arrays.copyOf(out.bytes, out.length);
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            out.shrinkIfHuge();
        }
    }

    private Rendering rendering() {
        Thread me = Thread.currentThread();
        Object[] all = renderings;
        for (int i = 0; i < all.length; i += 2) {
            if (all[i] == me) {
                return (Rendering) all[i + 1];
            }
        }
        return newRendering(me);
    }

    private synchronized Rendering newRendering(Thread me) {
        Rendering r = new Rendering(renderer.forOneThread());
        Object[] all = renderings;
        if (all.length < 2 * MAX_KEPT_RENDERINGS) {
            // threads that come and go (ones replacing a stuck thread) are few; past a bound, none is kept
            all = java.util.Arrays.copyOf(all, all.length + 2);
            all[all.length - 2] = me;
            all[all.length - 1] = r;
            renderings = all;
        }
        return r;
    }

    /**
     * An unsynchronised growable byte buffer that one thread renders finding after finding into,
     * with a renderer of its own.
     */
    private static final class Rendering extends java.io.OutputStream {
        private static final int INITIAL = 4096;
        /** A buffer grown past this by one huge finding is not kept for the next ones. */
        private static final int KEPT_MAX = 1 << 20;
        final FindingRenderer renderer;
        byte[] bytes = new byte[INITIAL];
        int length;

        Rendering(FindingRenderer renderer) {
            this.renderer = renderer;
        }

        @Override
        public void write(int b) {
            if (length == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, 2 * bytes.length);
            }
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > bytes.length - length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + len));
            }
            System.arraycopy(b, off, bytes, length, len);
            length += len;
        }

        void shrinkIfHuge() {
            if (bytes.length > KEPT_MAX) {
                bytes = new byte[INITIAL];
            }
        }
    }

    /** One rule's files while they are written, and its findings so far. */
    private static final class RuleFiles {
        Out compact;
        Out rendered;
        int count;
    }

    /** Appends one finding to its rule's file. */
    public void write(Finding f) {
        write(f, null);
    }

    /** Appends one finding to its rule's file, with its bytes from {@link #prerender} when not null. */
    public void write(Finding f, byte[] rendered) {
        RuleFiles rule = byRule.get(f.rule());
        if (rule == null) {
            rule = new RuleFiles();
            byRule.put(f.rule(), rule);
        }
        try {
            if (compact) {
                writeCompact(f, rule);
            }
            if (renderer != null && renderFailure == null) {
                render(f, rendered, rule);
                if (renderFailure != null && !compact) {
                    keepCompact();
                    writeCompact(f, rule);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the findings could not be written to " + dir + ": " + e.getMessage(), e);
        }
        rule.count++;
        bySeverity[f.severity().ordinal()]++;
        total++;
    }

    /**
     * Rendering failed while the findings were kept only as rendered: those written so far are
     * read back into compact files, which every finding goes to from now on (the rendered files
     * are no longer used).
     */
    private void keepCompact() throws IOException {
        compact = true;
        for (Map.Entry<String, RuleFiles> e : byRule.entrySet()) {
            RuleFiles rule = e.getValue();
            if (rule.rendered == null) {
                continue;
            }
            rule.rendered.close();
            rule.rendered = null;
            Path file = renderedFiles.get(e.getKey());
            try (java.io.InputStream in = Files.newInputStream(file)) {
                Iterator<Finding> back = reader.read(in, rule.count);
                while (back.hasNext()) {
                    writeCompact(back.next(), rule);
                }
            }
        }
    }

    /** Appends one finding to its rule's compact file. */
    private void writeCompact(Finding f, RuleFiles rule) throws IOException {
        Out out = rule.compact;
        if (out == null) {
            Path file = dir.resolve(f.rule() + ".bin");
            file.toFile().deleteOnExit();
            out = new Out(Files.newOutputStream(file));
            rule.compact = out;
            files.put(f.rule(), file);
        }
        out.writeByte(f.severity().ordinal());
        out.writeByte(f.subject().type().ordinal());
        // strings that recur (sources, metric names, citations) go through the table, the
        // others (ids, titles, texts, values) are written out: looking them up costs more than it saves
        out.writeString(f.subject().id(), false);
        out.writeString(f.title(), false);
        out.writeInt(f.evidence().size());
        for (Evidence e : f.evidence()) {
            out.writeString(e.source(), true);
            out.writeString(e.locator(), false);
            out.writeString(e.text(), false);
            out.writeString(e.sha256(), true);
        }
        out.writeInt(f.metrics().size());
        out.writeMetrics(f.metrics());
        out.writeInt(f.citations().size());
        for (String c : f.citations()) {
            out.writeString(c, true);
        }
        out.writeByte(f.action() == null ? -1 : f.action().ordinal());
    }

    private void render(Finding f, byte[] rendered, RuleFiles rule) throws IOException {
        Out out = rule.rendered;
        if (out == null) {
            Path file = dir.resolve(f.rule() + ".rendered");
            file.toFile().deleteOnExit();
            out = new Out(Files.newOutputStream(file));
            rule.rendered = out;
            renderedFiles.put(f.rule(), file);
        } else {
            out.write(separator, 0, separator.length);
        }
        if (rendered != null) {
            out.write(rendered, 0, rendered.length);
            return;
        }
        try {
            renderer.render(f, out);
        } catch (RuntimeException e) {
            // a renderer that cannot render a finding: the writer renders them all from the objects
            renderFailure = f.rule() + " " + f.subject().id() + ": " + e;
        }
    }

    /** Closes the files for writing. */
    public void finishWriting() {
        renderings = new Object[0];
        IOException failure = null;
        for (RuleFiles rule : byRule.values()) {
            for (Out out : new Out[] {rule.compact, rule.rendered}) {
                if (out != null) {
                    try {
                        out.close();
                    } catch (IOException e) {
                        failure = failure == null ? e : failure;
                    }
                }
            }
            rule.compact = null;
            rule.rendered = null;
        }
        if (failure != null) {
            throw new UncheckedIOException("the findings could not be written to " + dir + ": " + failure.getMessage(),
                    failure);
        }
    }

    /** True when every finding was rendered in {@code format} as it was written (see {@link #copyRendered}). */
    public boolean rendered(String format) {
        return renderer != null && renderFailure == null && renderer.format().equals(format);
    }

    /**
     * As {@link #copyRendered(String, java.io.OutputStream)}, into a file at its channel's
     * position: copied file to file by the kernel, so that a large report's findings do not pass
     * through the JVM (two copies and a read and a write call per buffer fewer).
     */
    public void copyRendered(String rule, java.nio.channels.FileChannel to) throws IOException {
        Path file = renderedFiles.get(rule);
        if (file == null) {
            return;
        }
        try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file)) {
            long size = in.size();
            long at = 0;
            while (at < size) {
                long n = in.transferTo(at, size - at, to);
                if (n <= 0) {
                    // transferTo gives up on some targets: what is left goes through a stream
                    copyRest(in, at, to);
                    return;
                }
                at += n;
            }
        }
    }

    /** The rest of {@code in} from {@code at} on, written to {@code to} through a buffer. */
    private static void copyRest(java.nio.channels.FileChannel in, long at, java.nio.channels.FileChannel to)
            throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 << 18);
        long pos = at;
        int r;
        while ((r = in.read(b, pos)) > 0) {
            pos += r;
            b.flip();
            while (b.hasRemaining()) {
                to.write(b);
            }
            b.clear();
        }
    }

    /** Why rendering stopped, or null. */
    public String renderFailure() {
        return renderFailure;
    }

    /**
     * Copies one rule's findings as the renderer wrote them, in the order written: the first as it
     * rendered it, each next one after its separator. Only after {@link #finishWriting()}, and
     * only when {@link #rendered} the format.
     */
    public void copyRendered(String rule, java.io.OutputStream to) throws IOException {
        Path file = renderedFiles.get(rule);
        if (file == null) {
            return;
        }
        byte[] b = new byte[1 << 18];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            int r;
            while ((r = in.read(b)) > 0) {
                to.write(b, 0, r);
            }
        }
    }

    public long total() {
        return total;
    }

    /** Findings per rule code, by code. */
    public Map<String, Integer> byRule() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map.Entry<String, RuleFiles> rule : new TreeMap<>(byRule).entrySet()) {
            if (rule.getValue().count > 0) {
                counts.put(rule.getKey(), rule.getValue().count);
            }
        }
        return counts;
    }

    public int count(Severity s) {
        return bySeverity[s.ordinal()];
    }

    /** The rule codes that have findings, in order. */
    public List<String> rules() {
        return new ArrayList<>(byRule().keySet());
    }

    /** Every finding of one rule, in the order written. */
    public List<Finding> readAll(String rule) {
        List<Finding> out = new ArrayList<>();
        read(rule).forEachRemaining(out::add);
        return out;
    }

    /** A fresh pass over one rule's findings, in the order written; the file is closed at its end. */
    public Iterator<Finding> read(String rule) {
        Path file = files.get(rule);
        if (file == null) {
            return readRendered(rule);
        }
        int n = byRule.get(rule).count;
        In in;
        try {
            in = new In(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException("the findings could not be read back from " + file + ": " + e.getMessage(), e);
        }
        return counted(file, in, n, () -> finding(rule, in));
    }

    /** {@link #read} of a rule whose findings were kept only as rendered. */
    private Iterator<Finding> readRendered(String rule) {
        Path file = renderedFiles.get(rule);
        RuleFiles written = byRule.get(rule);
        if (file == null || written == null || written.count == 0) {
            return java.util.Collections.emptyIterator();
        }
        int n = written.count;
        java.io.InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the findings could not be read back from " + file + ": " + e.getMessage(), e);
        }
        Iterator<Finding> back = reader.read(in, n);
        return counted(file, in, n, back::next);
    }

    /** The next finding of a file being read back. */
    @FunctionalInterface
    private interface NextFinding {
        Finding next() throws IOException;
    }

    /**
     * The {@code n} findings {@code next} reads from {@code in}, which is closed after the last one
     * or on the first failure (reported naming {@code file}).
     */
    private static Iterator<Finding> counted(Path file, Closeable in, int n, NextFinding next) {
        return new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return read < n;
            }

            @Override
            public Finding next() {
                if (read >= n) {
                    throw new NoSuchElementException();
                }
                try {
                    Finding f = next.next();
                    if (++read == n) {
                        in.close();
                    }
                    return f;
                } catch (IOException | RuntimeException e) {
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // already failing
                    }
                    throw new UncheckedIOException("the findings could not be read back from " + file + ": "
                            + e.getMessage(), e instanceof IOException io ? io : new IOException(e));
                }
            }
        };
    }

    private static Finding finding(String rule, In in) throws IOException {
        Severity severity = Severity.values()[in.readByte()];
        SubjectType type = SubjectType.values()[in.readByte()];
        Subject subject = new Subject(type, in.readString(false));
        String title = in.readString(false);
        int ne = in.readInt();
        List<Evidence> evidence = new ArrayList<>(ne);
        for (int i = 0; i < ne; i++) {
            evidence.add(new Evidence(in.readString(true), in.readString(false), in.readString(false),
                    in.readString(true)));
        }
        int nm = in.readInt();
        Map<String, String> metrics = new LinkedHashMap<>();
        for (int i = 0; i < nm; i++) {
            metrics.put(in.readString(true), in.readString(false));
        }
        int nc = in.readInt();
        List<String> citations = new ArrayList<>(nc);
        for (int i = 0; i < nc; i++) {
            citations.add(in.readString(true));
        }
        int action = in.readByte();
        return new Finding(rule, severity, subject, title, evidence, metrics, citations,
                action < 0 ? null : Action.values()[action]);
    }


    /**
     * Short strings that recur (citations, metric names, sources) are written once per file and
     * then by number; the table is bounded, later strings are written in full.
     */
    private static final int TABLE_LIMIT = 4096;
    private static final int TABLE_MAX_LENGTH = 96;

    /** Unsynchronised buffered output of ints, bytes and strings (one writer thread at a time). */
    private static final class Out extends java.io.OutputStream {
        private final java.io.OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int n;
        private final java.util.HashMap<String, Integer> table = new java.util.HashMap<>();
        /** Table strings written lately and their entries, by hash code. */
        private static final int RECENT = 64;
        private final String[] recentStrings = new String[RECENT];
        private final int[] recentEntries = new int[RECENT];

        Out(java.io.OutputStream out) {
            this.out = out;
        }

        void writeByte(int b) throws IOException {
            room(1);
            buf[n++] = (byte) b;
        }

        @Override
        public void write(int b) throws IOException {
            writeByte(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > buf.length - n) {
                flushBuffer();
                if (len > buf.length) {
                    out.write(b, off, len);
                    return;
                }
            }
            System.arraycopy(b, off, buf, n, len);
            n += len;
        }

        /**
         * Each metric's name (through the table) and value. {@code forEach} walks the map without
         * the iterator and the entry object per metric that its unmodifiable entry set makes.
         */
        void writeMetrics(Map<String, String> metrics) throws IOException {
            metricFailure = null;
            metrics.forEach(writeMetric);
            if (metricFailure != null) {
                throw metricFailure;
            }
        }

        private IOException metricFailure;
        private final java.util.function.BiConsumer<String, String> writeMetric = (name, value) -> {
            if (metricFailure == null) {
                try {
                    writeString(name, true);
                    writeString(value, false);
                } catch (IOException e) {
                    metricFailure = e;
                }
            }
        };

        void writeInt(int v) throws IOException {
            room(4);
            buf[n++] = (byte) (v >>> 24);
            buf[n++] = (byte) (v >>> 16);
            buf[n++] = (byte) (v >>> 8);
            buf[n++] = (byte) v;
        }

        /**
         * -1: null; -2-k: table entry k; else the length of the UTF-8 bytes that follow, which
         * become a new entry when {@code recurring} and short (the reader tables the same ones).
         */
        void writeString(String s, boolean recurring) throws IOException {
            if (s == null) {
                writeInt(-1);
                return;
            }
            if (recurring && s.length() <= TABLE_MAX_LENGTH) {
                // the same string objects recur (catalogue citations, metric names): found by identity first
                int slot = s.hashCode() & (RECENT - 1);
                if (recentStrings[slot] == s) {
                    writeInt(-2 - recentEntries[slot]);
                    return;
                }
                Integer k = table.get(s);
                if (k != null) {
                    recentStrings[slot] = s;
                    recentEntries[slot] = k;
                    writeInt(-2 - k);
                    return;
                }
                if (table.size() < TABLE_LIMIT) {
                    table.put(s, table.size());
                }
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            writeInt(b.length);
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
            out.write(buf, 0, n);
            n = 0;
        }

        @Override
        public void close() throws IOException {
            flushBuffer();
            out.close();
        }
    }

    /** The reading side of {@link Out}. */
    private static final class In implements Closeable {
        private final java.io.InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int end;
        private final List<String> table = new ArrayList<>();

        In(java.io.InputStream in) {
            this.in = in;
        }

        private void need(int k) throws IOException {
            if (end - pos >= k) {
                return;
            }
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
            while (end < k) {
                int r = in.read(buf, end, buf.length - end);
                if (r < 0) {
                    throw new EOFException("the spill file ends early");
                }
                end += r;
            }
        }

        byte readByte() throws IOException {
            need(1);
            return buf[pos++];
        }

        int readInt() throws IOException {
            need(4);
            int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                    | (buf[pos + 3] & 0xFF);
            pos += 4;
            return v;
        }

        String readString(boolean recurring) throws IOException {
            int n = readInt();
            if (n == -1) {
                return null;
            }
            if (n < -1) {
                return table.get(-2 - n);
            }
            String s;
            if (n <= buf.length) {
                need(n);
                s = new String(buf, pos, n, StandardCharsets.UTF_8);
                pos += n;
            } else {
                byte[] b = new byte[n];
                int have = end - pos;
                System.arraycopy(buf, pos, b, 0, have);
                pos = end;
                int off = have;
                while (off < n) {
                    int r = in.read(b, off, n - off);
                    if (r < 0) {
                        throw new EOFException("the spill file ends early");
                    }
                    off += r;
                }
                s = new String(b, StandardCharsets.UTF_8);
            }
            if (recurring && s.length() <= TABLE_MAX_LENGTH && table.size() < TABLE_LIMIT) {
                table.add(s);
            }
            return s;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Deletes the files. */
    @Override
    public void close() {
        finishWriting();
        List<Path> all = new ArrayList<>(files.values());
        all.addAll(renderedFiles.values());
        for (Path f : all) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // deleted at exit
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // deleted at exit
        }
    }
}
