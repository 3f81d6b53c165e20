package org.feewatch.core.internal;

import java.lang.reflect.Proxy;
import java.util.List;

import org.feewatch.api.spi.DisclosureExtractor;
import org.feewatch.api.spi.ReferenceRates;
import org.feewatch.api.spi.ReportWriter;
import org.feewatch.api.spi.RulePack;
import org.feewatch.api.spi.SourceFetcher;
import org.feewatch.caseio.CaseReader;
import org.feewatch.core.AuditObserver;
import org.feewatch.core.AuditService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/**
 * The real audit service with its services bound by hand, the way Declarative Services binds them
 * in the runtime (this class sits in the service's package to reach its bind methods).
 */
public final class AuditServiceWiring {

    private AuditServiceWiring() {
    }

    public static AuditService wire(List<RulePack> packs, List<DisclosureExtractor> extractors, SourceFetcher fetcher,
            ReferenceRates rates, List<ReportWriter> writers, List<AuditObserver> observers) {
        AuditServiceImpl service = new AuditServiceImpl(new CaseReader(), bundleVersion("1.0.0"), defaults());
        packs.forEach(service::addRulePack);
        extractors.forEach(service::addExtractor);
        writers.forEach(service::addWriter);
        observers.forEach(service::addObserver);
        service.setFetcher(fetcher);
        service.setRates(rates);
        return service;
    }

    /** The national policy as config/org.feewatch.policy.cfg ships it: every attribute at its default. */
    private static PolicyConfig defaults() {
        return (PolicyConfig) Proxy.newProxyInstance(PolicyConfig.class.getClassLoader(),
                new Class<?>[] { PolicyConfig.class }, (proxy, method, args) -> {
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static BundleContext bundleVersion(String version) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] { Bundle.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("getVersion")) {
                        return Version.parseVersion(version);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getBundle")) {
                        return bundle;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
