package org.feewatch.core.internal;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.osgi.framework.BundleContext;

/**
 * Where the installation's folders are: {@code feewatch.home} (the repository root; the
 * {@code ./feewatch} script passes it), and config/, plugins/, the log and the sample case under
 * it unless a framework property names another place.
 */
public final class Home {

    public static final String HOME = "feewatch.home";
    public static final String PLUGINS = "feewatch.plugins";
    public static final String LOG_DIR = "feewatch.log.dir";

    private Home() {
    }

    public static Path home(BundleContext context) {
        String home = context.getProperty(HOME);
        return Paths.get(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }

    public static Path plugins(BundleContext context) {
        return under(context, PLUGINS, "plugins");
    }

    public static Path logDir(BundleContext context) {
        return under(context, LOG_DIR, "work/log");
    }

    public static Path sampleCase(BundleContext context) {
        return home(context).resolve("cases").resolve("sample");
    }

    private static Path under(BundleContext context, String property, String fallback) {
        String value = context.getProperty(property);
        return home(context).resolve(value == null || value.isBlank() ? fallback : value).toAbsolutePath().normalize();
    }
}
