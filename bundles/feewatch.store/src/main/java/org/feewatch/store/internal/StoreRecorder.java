package org.feewatch.store.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.feewatch.api.spi.ReportWriter;
import org.feewatch.core.AuditObserver;
import org.feewatch.core.AuditRequest;
import org.feewatch.core.AuditResult;
import org.feewatch.engine.AuditInput;
import org.feewatch.store.RunRecorder;
import org.feewatch.store.Store;
import org.feewatch.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every audit the audit service runs (command line, web, monitor) in the store: the run
 * with its JSON report, the partners, every schedule reading, the vettings, change findings and the
 * decisions terminate and reject verdicts open.
 */
@Component(service = AuditObserver.class)
public final class StoreRecorder implements AuditObserver {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRecorder.class);

    /**
     * The largest JSON report kept with a run. A larger report (a book of millions of loans) is
     * not held in memory to be stored: the run keeps a short JSON note instead, with its counts.
     */
    static final int MAX_KEPT_REPORT_BYTES = 16 << 20;

    private final Store store;
    private final List<ReportWriter> writers = new CopyOnWriteArrayList<>();

    @Activate
    public StoreRecorder(@Reference Store store) {
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addWriter(ReportWriter writer) {
        writers.add(writer);
    }

    void removeWriter(ReportWriter writer) {
        writers.remove(writer);
    }

    @Override
    public void audited(AuditRequest request, AuditResult result) {
        AuditInput input = result.input();
        if (input == null) {
            LOG.warn("audit of {} not recorded: the audit service kept no inputs", request.casePath());
            return;
        }
        try {
            Instant finished = Instant.now();
            Instant started = finished.minus(result.elapsed());
            RunRecorder.Outcome outcome = new RunRecorder.Outcome(result.report(), json(result),
                    input.partners(), input.sources(), input.sourceStatuses(), input.disclosures());
            Store.RunSummary run = new RunRecorder(store).record(request.purpose(), request.actor(),
                    request.casePath().toString(), started, finished, outcome);
            LOG.info("recorded {} of {} as run {}", request.purpose(), request.casePath(), run.id());
        } catch (StoreException | IOException e) {
            LOG.error("the {} of {} could not be recorded in the store: {}", request.purpose(), request.casePath(),
                    e.getMessage(), e);
        }
    }

    private byte[] json(AuditResult result) throws IOException {
        for (ReportWriter w : writers) {
            if ("json".equals(w.format())) {
                if (result.report().findings() instanceof org.feewatch.api.FindingStream) {
                    // streamed findings: tens of thousands at least, far beyond the cap
                    LOG.info("the report of {} findings is larger than {} bytes: the store keeps a note with its"
                            + " counts instead", result.report().findings().size(), MAX_KEPT_REPORT_BYTES);
                    return omitted(result.report());
                }
                CappedBytes out = new CappedBytes(MAX_KEPT_REPORT_BYTES);
                try {
                    w.write(result.report(), out);
                } catch (java.io.UncheckedIOException e) {
                    if (!(e.getCause() instanceof CappedBytes.Full)) {
                        throw e;
                    }
                    LOG.info("the JSON report of {} findings is larger than {} bytes: the store keeps a note"
                            + " with its counts instead", result.report().findings().size(), MAX_KEPT_REPORT_BYTES);
                    return omitted(result.report());
                }
                return out.toByteArray();
            }
        }
        throw new IOException("no JSON report writer is installed to keep the report with the run");
    }

    /** What the store keeps instead of a report too large to keep. */
    static byte[] omitted(org.feewatch.api.Report report) {
        java.util.Map<String, Object> note = new java.util.LinkedHashMap<>();
        note.put("schema", org.feewatch.api.Report.SCHEMA);
        note.put("omitted", "the report was larger than " + MAX_KEPT_REPORT_BYTES
                + " bytes and is not kept in the store; the audit's own output has it");
        note.put("generatedAt", report.generatedAt().toString());
        note.put("loans", java.util.Map.of("read", report.loans().read(), "accepted", report.loans().accepted(),
                "rejected", report.loans().rejected()));
        note.put("summary", java.util.Map.of("bySeverity", report.bySeverity(), "byRule", report.byRule()));
        return new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(note)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A byte buffer that refuses to grow beyond its cap. */
    static final class CappedBytes extends ByteArrayOutputStream {
        private final int cap;

        CappedBytes(int cap) {
            super(8192);
            this.cap = cap;
        }

        static final class Full extends IOException {
            private static final long serialVersionUID = 1L;

            Full() {
                super("report too large to keep", null);
            }
        }

        private void room(int more) {
            if (count + more > cap) {
                throw new java.io.UncheckedIOException(new Full());
            }
        }

        @Override
        public synchronized void write(int b) {
            room(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            room(len);
            super.write(b, off, len);
        }
    }
}
