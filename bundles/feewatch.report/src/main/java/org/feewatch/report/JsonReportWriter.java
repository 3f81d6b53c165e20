package org.feewatch.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.feewatch.api.Finding;
import org.feewatch.api.FindingStream;
import org.feewatch.api.InputIssue;
import org.feewatch.api.PartnerVerdict;
import org.feewatch.api.Report;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.spi.FindingRenderer;
import org.feewatch.api.spi.ReportWriter;
import org.feewatch.report.internal.FindingJson;
import org.feewatch.report.internal.FindingJsonReader;
import org.feewatch.report.internal.PrettyJson;
import org.osgi.service.component.annotations.Component;

/**
 * The JSON report, field for field as REPORT.md and report.schema.json: UTF-8, two-space indent,
 * {@code generatedAt} in ISO-8601 UTC to the second, decimals as strings, absent values left out
 * (never {@code null}). A loan error without a file is written with the file {@value #UNNAMED_BOOK}.
 */
@Component(service = ReportWriter.class)
public class JsonReportWriter implements ReportWriter {

    /** The file name written for a loan-book error that names none (the schema requires one). */
    public static final String UNNAMED_BOOK = "loan book";
    /** From this many findings on, a second thread renders them while the writer reads them. */
    static final int RENDER_AHEAD_MIN_FINDINGS = 20_000;
    /** Findings rendered together, and runs rendered ahead of the one being written. */
    private static final int RENDER_RUN = 256;
    private static final int RENDER_RUNS_AHEAD = 8;

    private final int renderAheadMinFindings;

    public JsonReportWriter() {
        this(RENDER_AHEAD_MIN_FINDINGS);
    }

    /** For tests: renders ahead from {@code renderAheadMinFindings} findings on. */
    JsonReportWriter(int renderAheadMinFindings) {
        this.renderAheadMinFindings = renderAheadMinFindings;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    /**
     * Renders findings exactly as this writer writes them in a report's findings, for an audit
     * that renders its loans' findings while it judges them ({@code AuditOptions.findingRenderer});
     * {@link #write} then copies those bytes. Thread-safe (each thread renders with its own writer).
     */
    public static FindingRenderer findingRenderer() {
        return new Renderer();
    }

    private static final String FORMAT = "json";
    /** The depth of the findings array: inside the document's object. */
    private static final int FINDINGS_DEPTH = FindingJson.DEPTH;

    private static final class Renderer implements FindingRenderer {
        /** A rendering writer per thread: the audit renders on every thread that judges loans. */
        private final ThreadLocal<OneThreadRenderer> writers = ThreadLocal.withInitial(OneThreadRenderer::new);

        @Override
        public String format() {
            return FORMAT;
        }

        @Override
        public void render(Finding finding, OutputStream out) throws IOException {
            writers.get().render(finding, out);
        }

        @Override
        public byte[] separator() {
            return PrettyJson.elementSeparator();
        }

        @Override
        public FindingRenderer forOneThread() {
            return new OneThreadRenderer();
        }

        @Override
        public Reader reader() {
            return new FindingJsonReader();
        }
    }

    /** Renders with its own writer, kept from finding to finding: for one thread at a time. */
    private static final class OneThreadRenderer extends OutputStream implements FindingRenderer {
        /** The stream of the finding being rendered, which this writer passes its bytes on to. */
        private OutputStream to;
        private final PrettyJson elements = PrettyJson.arrayElements(this, FINDINGS_DEPTH, true);
        private final FindingJson findings = new FindingJson(elements);

        @Override
        public String format() {
            return FORMAT;
        }

        @Override
        public void render(Finding finding, OutputStream out) throws IOException {
            to = out;
            try {
                elements.nextElementFirst();
                findings.write(finding);
                elements.flush();
            } finally {
                to = null;
            }
        }

        @Override
        public byte[] separator() {
            return PrettyJson.elementSeparator();
        }

        @Override
        public FindingRenderer forOneThread() {
            return new OneThreadRenderer();
        }

        @Override
        public Reader reader() {
            return new FindingJsonReader();
        }

        // flushing is left to the stream's owner
        @Override
        public void write(int b) throws IOException {
            to.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            to.write(b, off, len);
        }
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        write(report, out, null);
    }

    /**
     * As {@link #write(Report, OutputStream)}; the findings an audit rendered ahead are copied
     * from their files into {@code out} by the kernel.
     */
    @Override
    public void write(Report report, FileChannel out) throws IOException {
        write(report, Channels.newOutputStream(out), out);
    }

    /** The report into {@code out}, which writes to {@code file} when that is not null. */
    private void write(Report report, OutputStream out, FileChannel file) throws IOException {
        PrettyJson j = new PrettyJson(out);
        j.beginObject();
        j.name("schema").value(Report.SCHEMA);
        j.name("generatedAt").value(report.generatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        j.name("case").beginObject();
        j.name("institution").value(report.caseInfo().institutionId());
        j.name("region").value(report.caseInfo().region());
        j.name("asOf").value(report.caseInfo().asOf().toString());
        j.endObject();
        j.name("engine").beginObject();
        j.name("version").value(report.engineVersion());
        j.name("plugins").beginArray();
        for (String p : report.plugins()) {
            j.value(p);
        }
        j.endArray();
        j.endObject();

        j.name("inputs").beginObject();
        j.name("sources").beginArray();
        for (SourceStatus s : report.sources()) {
            j.beginObject();
            j.name("id").value(s.id());
            j.name("status").value(s.ok() ? "ok" : "failed");
            if (s.sha256() != null) {
                j.name("sha256").value(s.sha256());
            }
            if (s.items() != null) {
                j.name("items").value(s.items());
            }
            if (!s.ok()) {
                j.name("error").value(s.error() == null || s.error().isBlank() ? "could not be read" : s.error());
            }
            j.endObject();
        }
        j.endArray();
        j.name("loans").beginObject();
        j.name("read").value(report.loans().read());
        j.name("accepted").value(report.loans().accepted());
        j.name("rejected").value(report.loans().rejected());
        j.name("errors").beginArray();
        for (InputIssue e : report.loans().errors()) {
            j.beginObject();
            j.name("file").value(e.file() == null ? UNNAMED_BOOK : e.file());
            line(j, e);
            j.name("message").value(message(e));
            j.endObject();
        }
        j.endArray();
        j.endObject();
        j.name("warnings").beginArray();
        for (InputIssue e : report.warnings()) {
            j.beginObject();
            if (e.file() != null) {
                j.name("file").value(e.file());
            }
            line(j, e);
            j.name("message").value(message(e));
            j.endObject();
        }
        j.endArray();
        j.endObject();

        j.name("findings").beginArray();
        FindingJson findings = new FindingJson(j);
        List<FindingStream.Run> runs = report.findings() instanceof FindingStream stream ? stream.runs(format())
                : List.of();
        if (runs.stream().anyMatch(FindingStream.Run::rendered)) {
            // a large audit rendered its loans' findings as it judged them: copied, the rest rendered here
            if (j.depth() != FINDINGS_DEPTH) {
                throw new IllegalStateException("the findings are at depth " + j.depth() + ", not " + FINDINGS_DEPTH);
            }
            for (FindingStream.Run run : runs) {
                if (run.rendered() && file != null) {
                    j.renderedElements();
                    j.flush(); // what is buffered goes before the copied bytes
                    run.copyRendered(file);
                } else if (run.rendered()) {
                    run.copyRendered(j.renderedElements());
                } else {
                    for (Finding f : run) {
                        findings.write(f);
                    }
                }
            }
        } else if (report.findings().size() < renderAheadMinFindings) {
            for (Finding f : report.findings()) {
                findings.write(f);
            }
        } else {
            renderAhead(j, report.findings());
        }
        j.endArray();

        j.name("partners").beginArray();
        for (PartnerVerdict p : report.partners()) {
            j.beginObject();
            j.name("id").value(p.id());
            j.name("status").value(p.status().wireName());
            j.name("verdict").value(p.verdict().wireName());
            j.name("rules").beginArray();
            for (String r : p.rules()) {
                j.value(r);
            }
            j.endArray();
            j.endObject();
        }
        j.endArray();

        j.name("summary").beginObject();
        counts(j, "bySeverity", report.bySeverity());
        counts(j, "byRule", report.byRule());
        j.endObject();
        j.endObject();
        j.raw('\n');
        j.flush();
    }

    /**
     * Writes many findings with a second thread: this one reads them (a large report's findings
     * come back from disk) while the other renders runs of them into buffers that go round
     * between the two; runs are written in order.
     */
    private static void renderAhead(PrettyJson j, List<Finding> findings) throws IOException {
        ExecutorService renderer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "feewatch-report-json");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<RunBuffer>> rendering = new ArrayDeque<>();
            java.util.concurrent.BlockingQueue<RunBuffer> free = new java.util.concurrent.LinkedBlockingQueue<>();
            for (int i = 0; i < RENDER_RUNS_AHEAD + 1; i++) {
                free.add(new RunBuffer());
            }
            int depth = j.depth();
            boolean first = true;
            List<Finding> run = new ArrayList<>(RENDER_RUN);
            for (Finding f : findings) {
                run.add(f);
                if (run.size() == RENDER_RUN) {
                    rendering.add(submit(renderer, run, depth, first, free));
                    first = false;
                    run = new ArrayList<>(RENDER_RUN);
                    if (rendering.size() >= RENDER_RUNS_AHEAD) {
                        copy(j, rendering.poll(), free);
                    }
                }
            }
            if (!run.isEmpty()) {
                rendering.add(submit(renderer, run, depth, first, free));
            }
            while (!rendering.isEmpty()) {
                copy(j, rendering.poll(), free);
            }
        } finally {
            renderer.shutdownNow();
        }
    }

    /** A growable byte buffer that one rendered run is written into, reused run after run. */
    private static final class RunBuffer extends OutputStream {
        byte[] bytes = new byte[1 << 18];
        int length;

        @Override
        public void write(int b) {
            room(1);
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, bytes, length, len);
            length += len;
        }

        private void room(int k) {
            if (length + k > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + k));
            }
        }
    }

    private static Future<RunBuffer> submit(ExecutorService renderer, List<Finding> run, int depth, boolean first,
            java.util.concurrent.BlockingQueue<RunBuffer> free) {
        return renderer.submit(() -> {
            RunBuffer buffer = free.take();
            buffer.length = 0;
            PrettyJson elements = PrettyJson.arrayElements(buffer, depth, first);
            FindingJson findings = new FindingJson(elements);
            for (Finding f : run) {
                findings.write(f);
            }
            elements.flush();
            return buffer;
        });
    }

    private static void copy(PrettyJson j, Future<RunBuffer> rendered, java.util.concurrent.BlockingQueue<RunBuffer> free)
            throws IOException {
        RunBuffer b;
        try {
            b = rendered.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("the report was interrupted while it was written");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
        j.elements(b.bytes, 0, b.length);
        free.add(b);
    }

    private static void line(PrettyJson j, InputIssue e) throws IOException {
        if (e.line() != null && e.line() >= 1) {
            j.name("line").value(e.line());
        }
    }

    private static String message(InputIssue e) {
        return e.message() == null || e.message().isBlank() ? "problem without a description" : e.message();
    }

    private static void counts(PrettyJson j, String name, Map<String, Integer> counts) throws IOException {
        j.name(name).beginObject();
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            j.name(c.getKey()).value(c.getValue());
        }
        j.endObject();
    }
}
