package org.feewatch.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.feewatch.api.Report;
import org.feewatch.core.AuditRequest;
import org.feewatch.core.AuditResult;
import org.feewatch.core.AuditService;
import org.feewatch.core.CaseException;
import org.feewatch.core.LoadedRule;
import org.osgi.framework.BundleContext;
import org.junit.jupiter.api.Test;

class PartnerMonitorTest {

    private final List<AuditRequest> requests = new ArrayList<>();
    private boolean fail;

    private final AuditService audits = new AuditService() {
        @Override
        public AuditResult audit(AuditRequest request) throws CaseException {
            requests.add(request);
            if (fail) {
                throw new CaseException("case.json is missing", null);
            }
            return null;
        }

        @Override
        public List<LoadedRule> rules() {
            return List.of();
        }

        @Override
        public List<String> plugins() {
            return List.of();
        }

        @Override
        public Set<String> formats() {
            return Set.of();
        }

        @Override
        public void write(Report report, String format, OutputStream out) {
        }
    };

    private static MonitorConfig config(boolean enabled, String casePath) {
        return (MonitorConfig) Proxy.newProxyInstance(MonitorConfig.class.getClassLoader(),
                new Class<?>[] { MonitorConfig.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "enabled" -> enabled;
                    case "case_path" -> casePath;
                    case "interval_minutes" -> 60L;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static BundleContext home(String dir) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty") && "feewatch.home".equals(args[0])) {
                        return dir;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aPassAuditsTheConfiguredCaseAsTheMonitorAndAFailedPassDoesNotStopTheSchedule() {
        PartnerMonitor monitor = new PartnerMonitor(config(false, "cases/sample"), audits, home("/opt/feewatch"));
        assertTrue(monitor.pass());
        AuditRequest r = requests.get(0);
        assertEquals(Path.of("/opt/feewatch/cases/sample"), r.casePath());
        assertEquals(AuditRequest.MONITOR, r.purpose());
        assertEquals("monitor", r.actor());
        fail = true;
        assertFalse(monitor.pass());
        monitor.deactivate();
    }
}
