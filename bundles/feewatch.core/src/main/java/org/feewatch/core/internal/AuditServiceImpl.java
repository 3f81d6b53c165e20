package org.feewatch.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.feewatch.api.Policy;
import org.feewatch.api.Report;
import org.feewatch.api.spi.DisclosureExtractor;
import org.feewatch.api.spi.LoanBookReader;
import org.feewatch.api.spi.ReferenceRates;
import org.feewatch.api.spi.ReportWriter;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RulePack;
import org.feewatch.api.spi.SourceFetcher;
import org.feewatch.caseio.CaseReader;
import org.feewatch.caseio.LoadedCase;
import org.feewatch.core.AuditRequest;
import org.feewatch.core.AuditObserver;
import org.feewatch.core.AuditResult;
import org.feewatch.core.AuditService;
import org.feewatch.core.CaseException;
import org.feewatch.core.LoadedRule;
import org.feewatch.core.UnavailableException;
import org.feewatch.engine.AuditEngine;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit service: reads the case, fetches and extracts its sources, picks the loan book and
 * runs the engine with the plugins registered at that moment. The national policy comes from
 * configuration, which must be present before the first audit (configuration policy REQUIRE).
 */
@Component(service = AuditService.class, immediate = true, configurationPid = PolicyConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PolicyConfig.class)
public class AuditServiceImpl implements AuditService {

    private static final Logger LOG = LoggerFactory.getLogger(AuditServiceImpl.class);

    private final List<RulePack> packs = new CopyOnWriteArrayList<>();
    private final List<DisclosureExtractor> extractors = new CopyOnWriteArrayList<>();
    private final List<LoanBookReader> readers = new CopyOnWriteArrayList<>();
    private final List<ReportWriter> writers = new CopyOnWriteArrayList<>();
    private volatile SourceFetcher fetcher;
    private volatile ReferenceRates rates;

    private volatile Policy nationalPolicy;
    private volatile BigDecimal demandDepositRate;

    private final CaseReader caseReader;
    private final String engineVersion;

    @Activate
    public AuditServiceImpl(@Reference CaseReader caseReader, BundleContext context, PolicyConfig config) {
        this.caseReader = caseReader;
        Version v = context.getBundle().getVersion();
        this.engineVersion = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
        modified(config);
    }

    @Modified
    void modified(PolicyConfig config) {
        nationalPolicy = new Policy(config.maxSpreadBp(), decimal(config.maxGuaranteeFeeRate(), "maxGuaranteeFeeRate"),
                decimal(config.maxInsuranceFeeRate(), "maxInsuranceFeeRate"), decimal(config.aprTolerancePp(), "aprTolerancePp"));
        demandDepositRate = decimal(config.demandDepositRate(), "demandDepositRate");
        LOG.info("national policy {}, demand deposit rate {}", nationalPolicy, demandDepositRate);
    }

    private static BigDecimal decimal(String value, String field) {
        try {
            return new BigDecimal(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("configuration " + PolicyConfig.PID + ": " + field + " = \"" + value
                    + "\" is not a decimal number");
        }
    }

    // ----- the plugins, dynamic: an audit uses those registered when it starts -----

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addRulePack(RulePack pack) {
        packs.add(pack);
        LOG.info("rule pack {} {} ({} rules) registered", pack.id(), pack.version(), pack.rules().size());
    }

    void removeRulePack(RulePack pack) {
        packs.remove(pack);
        LOG.info("rule pack {} removed", pack.id());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addExtractor(DisclosureExtractor extractor) {
        extractors.add(extractor);
    }

    void removeExtractor(DisclosureExtractor extractor) {
        extractors.remove(extractor);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addReader(LoanBookReader reader) {
        readers.add(reader);
    }

    void removeReader(LoanBookReader reader) {
        readers.remove(reader);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addWriter(ReportWriter writer) {
        writers.add(writer);
    }

    void removeWriter(ReportWriter writer) {
        writers.remove(writer);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setFetcher(SourceFetcher f) {
        fetcher = f;
    }

    void unsetFetcher(SourceFetcher f) {
        if (fetcher == f) {
            fetcher = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setRates(ReferenceRates r) {
        rates = r;
    }

    void unsetRates(ReferenceRates r) {
        if (rates == r) {
            rates = null;
        }
    }

    // ----- AuditService -----

    @Override
    public AuditResult audit(AuditRequest request) throws CaseException, UnavailableException {
        long start = System.nanoTime();
        // the observers (the store) start on another thread once the case has been read, while
        // it is audited; a case that cannot be read does not open the store
        List<LazyObserver> observing = List.copyOf(observers);
        CaseAudit.Outcome outcome = run(request, () -> observing.forEach(LazyObserver::startInBackground));
        AuditResult result = new AuditResult(outcome.report(), Duration.ofNanos(System.nanoTime() - start),
                outcome.input());
        for (LazyObserver lazy : observing) {
            AuditObserver observer = lazy.get();
            if (observer == null) {
                continue;
            }
            try {
                observer.audited(request, result);
            } catch (RuntimeException e) {
                LOG.error("an audit observer ({}) failed on {}", observer.getClass().getName(), request.casePath(), e);
            }
        }
        return result;
    }

    private final List<LazyObserver> observers = new CopyOnWriteArrayList<>();

    /**
     * Bound without being started: the store's recorder opens the database, which costs a
     * quarter of a second that start-up need not wait for, nor a command that audits nothing.
     */
    @Reference(service = AuditObserver.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindObserver(ComponentServiceObjects<AuditObserver> observer) {
        observers.add(new LazyObserver(observer, null));
    }

    void unbindObserver(ComponentServiceObjects<AuditObserver> observer) {
        for (LazyObserver lazy : observers) {
            if (lazy.objects == observer) {
                observers.remove(lazy);
                lazy.release();
            }
        }
    }

    /** An observer at hand, for a service wired without Declarative Services (tests). */
    void addObserver(AuditObserver observer) {
        observers.add(new LazyObserver(null, observer));
    }

    @Deactivate
    void deactivate() {
        observers.forEach(LazyObserver::release);
    }

    /** An observer service, got on first use and kept until it goes away. */
    static final class LazyObserver {

        final ComponentServiceObjects<AuditObserver> objects;
        private AuditObserver service;

        LazyObserver(ComponentServiceObjects<AuditObserver> objects, AuditObserver service) {
            this.objects = objects;
            this.service = service;
        }

        /** The service, or null when it cannot be had (it failed to start, or has gone). */
        synchronized AuditObserver get() {
            if (service == null && objects != null) {
                try {
                    service = objects.getService();
                } catch (IllegalStateException gone) {
                    return null;
                }
            }
            return service;
        }

        void startInBackground() {
            synchronized (this) {
                if (service != null) {
                    return;
                }
            }
            Thread t = new Thread(this::get, "feewatch-observer-start");
            t.setDaemon(true);
            t.start();
        }

        synchronized void release() {
            if (service != null && objects != null) {
                try {
                    objects.ungetService(service);
                } catch (IllegalStateException | IllegalArgumentException gone) {
                    // the framework or the service is going away
                }
                service = null;
            }
        }
    }

    private CaseAudit.Outcome run(AuditRequest request, Runnable caseRead) throws CaseException, UnavailableException {
        CaseAudit.Plugins plugins = new CaseAudit.Plugins(sortedPacks(), List.copyOf(extractors), List.copyOf(readers),
                fetcher, rates);
        LoadedCase loaded;
        try {
            loaded = caseReader.read(request.casePath());
        } catch (org.feewatch.caseio.CaseException e) {
            throw new CaseException(e.getMessage(), e);
        }
        caseRead.run();
        try {
            LOG.info("auditing {} ({} sources) with {}", request.casePath(), loaded.sources().size(), plugins());
            return new CaseAudit(plugins, nationalPolicy, demandDepositRate, engineVersion).run(loaded, request);
        } catch (UncheckedIOException e) {
            throw new CaseException(e.getMessage(), e);
        } finally {
            try {
                loaded.close();
            } catch (IOException e) {
                LOG.warn("cannot delete the temporary folder of {}", request.casePath(), e);
            }
        }
    }

    @Override
    public List<LoadedRule> rules() {
        List<LoadedRule> all = new ArrayList<>();
        for (RulePack p : sortedPacks()) {
            for (Rule r : p.rules()) {
                all.add(new LoadedRule(p.id(), p.version(), p.region(), r.info()));
            }
        }
        return all;
    }

    @Override
    public List<String> plugins() {
        return sortedPacks().stream().map(p -> AuditEngine.pluginLabel(p.id(), p.version(), p.region())).toList();
    }

    /** The national pack first, then the others by id, so that reports list them in a stable order. */
    List<RulePack> sortedPacks() {
        List<RulePack> sorted = new ArrayList<>(packs);
        sorted.sort(Comparator.comparing((RulePack p) -> !"CN".equals(p.region())).thenComparing(RulePack::id));
        return sorted;
    }

    @Override
    public Set<String> formats() {
        Set<String> formats = new TreeSet<>();
        writers.forEach(w -> formats.add(w.format()));
        return formats;
    }

    @Override
    public void write(Report report, String format, OutputStream out) throws IOException, UnavailableException {
        writer(format).write(report, out);
    }

    @Override
    public void write(Report report, String format, java.nio.channels.FileChannel out)
            throws IOException, UnavailableException {
        writer(format).write(report, out);
    }

    private ReportWriter writer(String format) throws UnavailableException {
        for (ReportWriter w : writers) {
            if (w.format().equals(format)) {
                return w;
            }
        }
        throw new UnavailableException("no report writer for format " + format + " is installed"
                + (writers.isEmpty() ? " (the report writers are not built yet)" : " (available: " + String.join(", ", formats()) + ")"));
    }

    Policy nationalPolicy() {
        return nationalPolicy;
    }

    BigDecimal demandDepositRate() {
        return demandDepositRate;
    }

    SourceFetcher fetcher() {
        return fetcher;
    }

    ReferenceRates rates() {
        return rates;
    }

    List<DisclosureExtractor> extractors() {
        return List.copyOf(extractors);
    }

    List<LoanBookReader> readers() {
        return List.copyOf(readers);
    }
}
