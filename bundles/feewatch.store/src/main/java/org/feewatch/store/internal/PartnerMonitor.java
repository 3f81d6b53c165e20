package org.feewatch.store.internal;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.feewatch.core.AuditRequest;
import org.feewatch.core.AuditService;
import org.feewatch.core.CaseException;
import org.feewatch.core.UnavailableException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous evaluation: at the configured interval, audits the configured case for purpose
 * {@code monitor}. The audit re-reads every schedule; the store's recorder compares each with its
 * previous reading (items added, removed, repriced), records the new vettings, a change finding when
 * a change brought a breach the partner did not have, and a decision for a terminate verdict. A pass
 * that fails is logged and the next one runs as planned.
 */
@Component(configurationPid = MonitorConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = MonitorConfig.class)
public final class PartnerMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerMonitor.class);
    static final String ACTOR = "monitor";

    private final AuditService audits;
    private final Path casePath;
    private final ScheduledExecutorService timer;

    @Activate
    public PartnerMonitor(MonitorConfig config, @Reference AuditService audits, BundleContext context) {
        this.audits = audits;
        String home = context.getProperty("feewatch.home");
        this.casePath = config.case_path() == null || config.case_path().isBlank() ? null
                : Path.of(home == null || home.isBlank() ? "." : home).resolve(config.case_path()).normalize();
        if (!config.enabled() || casePath == null) {
            LOG.info("partner monitor off ({})", !config.enabled() ? "enabled = false" : "no case configured");
            this.timer = null;
            return;
        }
        long minutes = Math.max(1, config.interval_minutes());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feewatch-partner-monitor");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::pass, minutes, minutes, TimeUnit.MINUTES);
        LOG.info("partner monitor on: {} every {} minutes", casePath, minutes);
    }

    /** One pass; never throws, so that the schedule goes on. */
    boolean pass() {
        try {
            audits.audit(new AuditRequest(casePath, false, null, null, AuditRequest.MONITOR, ACTOR));
            return true;
        } catch (CaseException | UnavailableException e) {
            LOG.warn("partner monitor pass over {} failed: {}", casePath, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("partner monitor pass over {} failed", casePath, e);
        }
        return false;
    }

    @Deactivate
    void deactivate() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
