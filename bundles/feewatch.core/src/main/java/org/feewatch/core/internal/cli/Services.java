package org.feewatch.core.internal.cli;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.feewatch.core.AuditService;
import org.feewatch.core.cli.VerbException;
import org.feewatch.core.internal.PolicyConfig;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** Waits briefly for services that start with the framework (configuration may come a moment later). */
final class Services {

    static final Duration WAIT = Duration.ofSeconds(5);

    /** One open tracker per bundle context and service type, reused by every later call. */
    private record Key(BundleContext context, Class<?> type) {
    }

    private static final Map<Key, ServiceTracker<?, ?>> TRACKERS = new ConcurrentHashMap<>();

    private Services() {
    }

    /**
     * Waits for a service. The tracker stays open until the bundle stops: closing it would release
     * the service, and SCR disposes a delayed component nobody uses, unbinding its references
     * while the caller still holds the object.
     */
    static <T> Optional<T> await(BundleContext context, Class<T> type, Duration timeout) {
        @SuppressWarnings("unchecked")
        ServiceTracker<T, T> tracker = (ServiceTracker<T, T>) TRACKERS.computeIfAbsent(new Key(context, type), k -> {
            ServiceTracker<T, T> t = new ServiceTracker<>(context, type, null);
            t.open();
            return t;
        });
        try {
            return Optional.ofNullable(tracker.waitForService(timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The audit service, or a one-line reason why it is not running. */
    static AuditService audit(BundleContext context) throws VerbException {
        return await(context, AuditService.class, WAIT).orElseThrow(() -> new VerbException(
                "the audit service is not running: its configuration " + PolicyConfig.PID
                        + " is missing (config/" + PolicyConfig.PID + ".cfg)"));
    }
}
