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
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                w.write(result.report(), out);
                return out.toByteArray();
            }
        }
        throw new IOException("no JSON report writer is installed to keep the report with the run");
    }
}
