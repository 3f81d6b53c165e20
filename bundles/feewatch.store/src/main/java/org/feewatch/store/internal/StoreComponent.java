package org.feewatch.store.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.feewatch.store.Store;
import org.feewatch.store.StoreException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store as a service: an H2 file under the installation by default, PostgreSQL when the
 * configuration (Config Admin, {@value StoreConfig#PID}) names a JDBC URL. The schema is brought up
 * to date when the service starts. A store that cannot be opened leaves the service unregistered
 * and says why in the log; the verbs that need it then say so in one line.
 */
@Component(service = Store.class, configurationPid = StoreConfig.PID)
@Designate(ocd = StoreConfig.class)
public final class StoreComponent implements Store {

    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    private final JdbcStore store;

    /** Why the store could not be opened the last time it was tried, for the verbs to say; null when open. */
    private static volatile String problem;

    /** Why the store is not available, in one line, or null when nothing is known. */
    public static String problem() {
        return problem;
    }

    @Activate
    public StoreComponent(StoreConfig config, BundleContext context) throws StoreException {
        String url = config.url() == null || config.url().isBlank() ? defaultUrl(config, context) : config.url().strip();
        try {
            this.store = new JdbcStore(url, config.user(), config.password(), Clock.systemUTC());
        } catch (StoreException e) {
            problem = e.getMessage();
            LOG.error("The store is not available: {}", e.getMessage(), e);
            throw e;
        }
        problem = null;
        LOG.info("Store open at {}", store.describe());
    }

    static String defaultUrl(StoreConfig config, BundleContext context) {
        String home = context.getProperty("feewatch.home");
        Path base = Path.of(home == null || home.isBlank() ? "." : home);
        return JdbcStoreFactory.h2Url(base.resolve(config.data_dir()).resolve("store").resolve("feewatch"));
    }

    @Deactivate
    void deactivate() {
        store.close();
    }

    @Override
    public RunSummary record(AuditRecord record) throws StoreException {
        return store.record(record);
    }

    @Override
    public List<RunSummary> runs(int limit) throws StoreException {
        return store.runs(limit);
    }

    @Override
    public Optional<RunSummary> run(long id) throws StoreException {
        return store.run(id);
    }

    @Override
    public Optional<byte[]> report(long runId) throws StoreException {
        return store.report(runId);
    }

    @Override
    public List<PartnerRecord> partners() throws StoreException {
        return store.partners();
    }

    @Override
    public Optional<PartnerRecord> partner(String id) throws StoreException {
        return store.partner(id);
    }

    @Override
    public List<SnapshotRecord> snapshots(String partnerId) throws StoreException {
        return store.snapshots(partnerId);
    }

    @Override
    public Optional<SnapshotRecord> latestSnapshot(String sourceId) throws StoreException {
        return store.latestSnapshot(sourceId);
    }

    @Override
    public Optional<byte[]> snapshotBody(String sha256) throws StoreException {
        return store.snapshotBody(sha256);
    }

    @Override
    public List<VettingRecord> vettings(String partnerId) throws StoreException {
        return store.vettings(partnerId);
    }

    @Override
    public List<VettingRecord> vettingsOfRun(long runId) throws StoreException {
        return store.vettingsOfRun(runId);
    }

    @Override
    public List<ChangeFinding> changeFindings(String partnerId) throws StoreException {
        return store.changeFindings(partnerId);
    }

    @Override
    public List<DecisionRecord> decisions(String partnerId) throws StoreException {
        return store.decisions(partnerId);
    }

    @Override
    public DecisionRecord decide(String partnerId, DecisionRecord.Outcome outcome, String reason, String actor)
            throws StoreException {
        return store.decide(partnerId, outcome, reason, actor);
    }

    @Override
    public List<TrailEntry> trail(String subject) throws StoreException {
        return store.trail(subject);
    }

    @Override
    public ChainCheck verifyChain() throws StoreException {
        return store.verifyChain();
    }

    @Override
    public String describe() {
        return store.describe();
    }
}
