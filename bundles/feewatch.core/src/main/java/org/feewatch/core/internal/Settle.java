package org.feewatch.core.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until the configuration files have arrived: FileInstall reads config/ on its own thread
 * and Config Admin delivers asynchronously, so right after start-up a component may still run
 * without its file, or be re-activated (and briefly missing) when the file arrives. Settled means:
 * every .cfg/.config file of the watched folder is a configuration, and every component whose
 * persistent id has a configuration runs with it.
 */
@Component(service = Settle.class)
public class Settle {

    private static final Logger LOG = LoggerFactory.getLogger(Settle.class);
    static final String FILENAME = "felix.fileinstall.filename";

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final ServiceComponentRuntime scr;

    @Activate
    public Settle(BundleContext context, @Reference ConfigurationAdmin configAdmin, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.configAdmin = configAdmin;
        this.scr = scr;
    }

    /** Waits at most {@code timeout}; returns what is still pending (empty when settled). */
    public List<String> await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> pending = pending();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pending = pending();
        }
        if (!pending.isEmpty()) {
            LOG.warn("configuration not settled after {}: {}", timeout, pending);
        }
        return pending;
    }

    List<String> pending() {
        List<String> pending = new ArrayList<>();
        Configuration[] configs;
        try {
            configs = configAdmin.listConfigurations(null);
        } catch (IOException | InvalidSyntaxException e) {
            return List.of("configuration admin: " + e.getMessage());
        }
        Set<String> loadedFiles = new HashSet<>();
        Set<String> pids = new HashSet<>();
        for (Configuration c : configs == null ? new Configuration[0] : configs) {
            Object file = c.getProperties() == null ? null : c.getProperties().get(FILENAME);
            if (file != null) {
                loadedFiles.add(fileName(file.toString()));
            }
            if (c.getFactoryPid() == null) {
                pids.add(c.getPid());
            }
        }
        for (String file : configFiles()) {
            if (!loadedFiles.contains(file)) {
                pending.add("file " + file);
            }
        }
        // the start-level thread may still be starting bundles when the launcher says it is ready:
        // a bundle due at the current level that is not active yet, or active but whose components
        // SCR has not read yet, would miss its services (verbs, observers) for a verb that runs now
        int level = context.getBundle(0).adapt(org.osgi.framework.startlevel.FrameworkStartLevel.class).getStartLevel();
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            org.osgi.framework.startlevel.BundleStartLevel bsl = b.adapt(org.osgi.framework.startlevel.BundleStartLevel.class);
            boolean due = b.getBundleId() != 0 && bsl != null && bsl.isPersistentlyStarted() && bsl.getStartLevel() <= level
                    && b.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) == null;
            if (due && b.getState() != org.osgi.framework.Bundle.ACTIVE) {
                pending.add("bundle " + b.getSymbolicName() + " (starting)");
            } else if (b.getState() == org.osgi.framework.Bundle.ACTIVE && b.getHeaders().get("Service-Component") != null
                    && scr.getComponentDescriptionDTOs(b).isEmpty()) {
                pending.add("bundle " + b.getSymbolicName() + " (components not loaded yet)");
            }
        }
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (d.configurationPid == null || !scr.isComponentEnabled(d)) {
                continue;
            }
            for (String pid : d.configurationPid) {
                if (pids.contains(pid) && !configured(d, pid)) {
                    pending.add("component " + d.name + " (" + pid + ")");
                }
            }
        }
        return pending;
    }

    private boolean configured(ComponentDescriptionDTO d, String pid) {
        for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
            Object p = c.properties == null ? null : c.properties.get("service.pid");
            boolean has = p instanceof String s ? s.equals(pid)
                    : p instanceof String[] a ? Arrays.asList(a).contains(pid)
                    : p instanceof java.util.Collection<?> col && col.contains(pid);
            if (has && c.state != ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
                return true;
            }
        }
        return false;
    }

    private List<String> configFiles() {
        String dir = context.getProperty("felix.fileinstall.dir");
        List<String> files = new ArrayList<>();
        if (dir == null) {
            return files;
        }
        Path folder = Home.home(context).resolve(dir);
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.{cfg,config}")) {
            ds.forEach(p -> files.add(p.getFileName().toString()));
        } catch (IOException e) {
            LOG.warn("cannot list {}", folder, e);
        }
        return files;
    }

    private static String fileName(String url) {
        try {
            return Paths.get(URI.create(url)).getFileName().toString();
        } catch (RuntimeException e) {
            int slash = url.lastIndexOf('/');
            return slash < 0 ? url : url.substring(slash + 1);
        }
    }
}
