package org.feewatch.core.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drop-in folder for plugin bundles, watched by FileInstall: a bundle copied in is installed
 * and started without a restart; a bundle deleted is uninstalled. This class copies, removes and
 * lists plugin files, and waits for FileInstall to have installed the ones present.
 */
@Component(service = PluginFolder.class)
public class PluginFolder {

    private static final Logger LOG = LoggerFactory.getLogger(PluginFolder.class);

    /** A plugin file and, when FileInstall installed it, its bundle. */
    public record Plugin(Path file, String symbolicName, String version, Bundle bundle) {
        public String state() {
            if (bundle == null) {
                return "not installed";
            }
            return switch (bundle.getState()) {
                case Bundle.ACTIVE -> "active";
                case Bundle.RESOLVED -> "resolved (not started)";
                case Bundle.INSTALLED -> "installed (unresolved: a dependency is missing)";
                case Bundle.STARTING -> "starting";
                case Bundle.STOPPING -> "stopping";
                default -> "uninstalled";
            };
        }
    }

    private final BundleContext context;
    private final Path folder;

    @Activate
    public PluginFolder(BundleContext context) {
        this(context, Home.plugins(context));
    }

    PluginFolder(BundleContext context, Path folder) {
        this.context = context;
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** The plugin files in the folder, with their bundles when installed. */
    public List<Plugin> list() throws IOException {
        List<Plugin> plugins = new ArrayList<>();
        for (Path jar : jars()) {
            Manifest mf = manifest(jar);
            String bsn = mf == null ? null : symbolicName(mf);
            String version = mf == null ? null : mf.getMainAttributes().getValue("Bundle-Version");
            plugins.add(new Plugin(jar, bsn, version, bundleOf(jar).orElse(null)));
        }
        return plugins;
    }

    /**
     * Copies a bundle into the folder (creating it when needed) and returns its new path.
     *
     * @throws IOException with a one-line reason when the file is not a readable OSGi bundle or
     *                     needs another feewatch API than the installed one ({@link PluginCompatibility})
     */
    public Path install(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is not a file");
        }
        Manifest mf = manifest(jar);
        if (mf == null) {
            throw new IOException(jar + " is not a readable jar");
        }
        String bsn = symbolicName(mf);
        if (bsn == null) {
            throw new IOException(jar + " is not an OSGi bundle (its manifest has no Bundle-SymbolicName)");
        }
        Optional<String> incompatible = PluginCompatibility.check(jar, context);
        if (incompatible.isPresent()) {
            LOG.warn("plugin {} refused: {}", bsn, incompatible.get());
            throw new IOException(incompatible.get());
        }
        for (Plugin p : list()) {
            if (bsn.equals(p.symbolicName()) && !p.file().getFileName().equals(jar.getFileName())) {
                throw new IOException("a plugin " + bsn + " is already installed as " + p.file().getFileName()
                        + " (remove it first)");
            }
        }
        Files.createDirectories(folder);
        Path target = folder.resolve(jar.getFileName().toString());
        Path tmp = folder.resolve("." + jar.getFileName() + ".part");
        // copy then rename, so that FileInstall never sees a half-written jar
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info("plugin {} copied to {}", bsn, target);
        return target;
    }

    /**
     * Removes the plugin whose symbolic name or file name is {@code id}.
     *
     * @return the removed file, or empty when no plugin matches
     */
    public Optional<Path> remove(String id) throws IOException {
        for (Plugin p : list()) {
            String file = p.file().getFileName().toString();
            if (id.equals(p.symbolicName()) || id.equals(file) || id.equals(stripJar(file))) {
                Files.delete(p.file());
                LOG.info("plugin {} removed", p.file());
                return Optional.of(p.file());
            }
        }
        return Optional.empty();
    }

    /**
     * Waits until FileInstall has installed and tried to start every plugin file present, so that
     * an audit sees the plugins' services. Returns the files still not installed when time ran out.
     */
    public List<Path> awaitInstalled(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Path> pending = pending();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pending = pending();
        }
        if (!pending.isEmpty()) {
            LOG.warn("plugins not installed after {}: {}", timeout, pending);
        }
        return pending;
    }

    private List<Path> pending() throws IOException {
        List<Path> pending = new ArrayList<>();
        for (Path jar : jars()) {
            Optional<Bundle> b = bundleOf(jar);
            // a bundle that resolves is started by FileInstall right after install: wait for that too
            if (b.isEmpty() || b.get().getState() == Bundle.STARTING
                    || b.get().getState() == Bundle.RESOLVED && !isFragment(b.get())) {
                pending.add(jar);
            }
        }
        return pending;
    }

    private static boolean isFragment(Bundle b) {
        return b.getHeaders("").get("Fragment-Host") != null;
    }

    private List<Path> jars() throws IOException {
        List<Path> jars = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return jars;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path p : ds) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                    jars.add(p);
                }
            }
        }
        jars.sort(null);
        return jars;
    }

    /** The bundle FileInstall installed from {@code jar} (its location is the file's URI). */
    Optional<Bundle> bundleOf(Path jar) {
        Path wanted = real(jar);
        for (Bundle b : context.getBundles()) {
            String location = b.getLocation();
            if (location == null || !location.startsWith("file:")) {
                continue;
            }
            try {
                Path p = real(Paths.get(URI.create(location)));
                if (p.equals(wanted)) {
                    return Optional.of(b);
                }
            } catch (RuntimeException notAFileUri) {
                // another kind of location: not ours
            }
        }
        return Optional.empty();
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static Manifest manifest(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            return jf.getManifest();
        } catch (IOException e) {
            return null;
        }
    }

    private static String symbolicName(Manifest mf) {
        String bsn = mf.getMainAttributes().getValue(new Attributes.Name("Bundle-SymbolicName"));
        if (bsn == null) {
            return null;
        }
        int semi = bsn.indexOf(';');
        return (semi < 0 ? bsn : bsn.substring(0, semi)).trim();
    }

    private static String stripJar(String file) {
        return file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file;
    }
}
