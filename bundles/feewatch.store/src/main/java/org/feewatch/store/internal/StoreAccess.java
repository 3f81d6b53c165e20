package org.feewatch.store.internal;

import java.time.Duration;

import org.feewatch.core.cli.VerbException;
import org.feewatch.store.Store;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** The store for a verb: waits briefly for it (configuration may arrive a moment after start). */
public final class StoreAccess {

    static final Duration WAIT = Duration.ofSeconds(5);

    private StoreAccess() {
    }

    /**
     * The store, or a one-line reason why it is not available. The tracker stays open until the
     * bundle stops, so that SCR does not dispose the store while the verb uses it.
     */
    public static Store await(BundleContext context) throws VerbException {
        ServiceTracker<Store, Store> tracker = new ServiceTracker<>(context, Store.class, null);
        tracker.open();
        try {
            Store store = tracker.waitForService(WAIT.toMillis());
            if (store != null) {
                return store;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String why = StoreComponent.problem();
        throw new VerbException(why != null ? why : "the store is not available (see the log file)");
    }
}
