package org.feewatch.core.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Whether a plugin bundle can run on the installed feewatch API, decided before it is installed:
 * every {@code org.feewatch.api*} package it imports must be exported by the running API in a
 * version its import range accepts. A pack built against API 1.0 imports {@code [1.0,2)} and keeps
 * working on any 1.x (bnd baselining on the API bundle keeps 1.x backward compatible); a pack
 * built against API 2 is refused with a message naming what it needs and what is installed.
 */
public final class PluginCompatibility {

    /** The packages checked: the API bundle's. */
    static final String API_PREFIX = "org.feewatch.api";

    private PluginCompatibility() {
    }

    /** One imported API package and the versions it accepts. */
    record ApiImport(String pkg, VersionRange range, boolean optional) {
    }

    /**
     * Checks a plugin jar against the API packages the framework exports.
     *
     * @return why it cannot run here (one line for a user), or empty when it can
     */
    public static Optional<String> check(Path jar, BundleContext context) throws IOException {
        return check(jar, apiExports(context));
    }

    /** As {@link #check(Path, BundleContext)} against the given exports (package → version). */
    static Optional<String> check(Path jar, Map<String, Version> exports) throws IOException {
        Manifest mf;
        try (JarFile jf = new JarFile(jar.toFile())) {
            mf = jf.getManifest();
        }
        if (mf == null) {
            return Optional.of(jar.getFileName() + " has no manifest: it is not an OSGi bundle");
        }
        String name = mf.getMainAttributes().getValue("Bundle-SymbolicName");
        name = name == null ? jar.getFileName().toString() : name.split(";")[0].trim();
        List<ApiImport> imports;
        try {
            imports = apiImports(mf.getMainAttributes().getValue("Import-Package"));
        } catch (IllegalArgumentException e) {
            return Optional.of(name + " has an unreadable Import-Package header: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (ApiImport i : imports) {
            Version installed = exports.get(i.pkg());
            if (installed == null) {
                if (!i.optional()) {
                    problems.add(i.pkg() + " " + i.range() + ", which this installation does not have");
                }
            } else if (!i.range().includes(installed)) {
                problems.add(i.pkg() + " " + i.range() + " (" + needs(i.range()) + "), installed " + installed);
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(name + " is not compatible with the installed feewatch API " + apiVersion(exports)
                + ": it needs " + String.join("; ", problems) + ". Use a version of the plugin built for API "
                + major(exports) + ".x");
    }

    private static String needs(VersionRange r) {
        Version left = r.getLeft();
        Version right = r.getRight();
        boolean oneMajor = right != null && r.getRightType() == VersionRange.RIGHT_OPEN
                && right.getMajor() == left.getMajor() + 1 && right.getMinor() == 0 && right.getMicro() == 0;
        return oneMajor ? "feewatch API " + left.getMajor() + ".x from " + left.getMajor() + "." + left.getMinor()
                : "feewatch API " + r;
    }

    private static String apiVersion(Map<String, Version> exports) {
        Version v = exports.get(API_PREFIX);
        if (v == null && !exports.isEmpty()) {
            v = exports.values().iterator().next();
        }
        return v == null ? "(none)" : v.toString();
    }

    private static String major(Map<String, Version> exports) {
        Version v = exports.get(API_PREFIX);
        if (v == null && !exports.isEmpty()) {
            v = exports.values().iterator().next();
        }
        return v == null ? "?" : Integer.toString(v.getMajor());
    }

    /** The org.feewatch.api* packages the running framework exports, with their versions. */
    public static Map<String, Version> apiExports(BundleContext context) {
        Map<String, Version> out = new LinkedHashMap<>();
        for (Bundle b : context.getBundles()) {
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            for (BundleCapability c : wiring.getCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
                Object pkg = c.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE);
                Object version = c.getAttributes().get("version");
                if (pkg instanceof String p && isApi(p) && version instanceof Version v) {
                    out.merge(p, v, (a, bb) -> a.compareTo(bb) >= 0 ? a : bb);
                }
            }
        }
        return out;
    }

    /** The API packages an Import-Package header names, or throws naming what is unreadable. */
    static List<ApiImport> apiImports(String header) {
        List<ApiImport> out = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            List<String> packages = new ArrayList<>();
            VersionRange range = new VersionRange("0");
            boolean optional = false;
            for (String part : parts) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq < 0) {
                    packages.add(p);
                    continue;
                }
                boolean directive = eq > 0 && p.charAt(eq - 1) == ':';
                String key = p.substring(0, directive ? eq - 1 : eq).trim();
                String value = unquote(p.substring(eq + 1).trim());
                if (!directive && key.equals("version")) {
                    range = new VersionRange(value);
                } else if (directive && key.equals("resolution")) {
                    optional = value.equals("optional");
                }
            }
            for (String pkg : packages) {
                if (isApi(pkg)) {
                    out.add(new ApiImport(pkg, range, optional));
                }
            }
        }
        return out;
    }

    private static boolean isApi(String pkg) {
        return pkg.equals(API_PREFIX) || pkg.startsWith(API_PREFIX + ".");
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** Splits at {@code sep} outside double quotes. */
    private static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == sep && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("an unclosed quote");
        }
        out.add(cur.toString());
        return out;
    }
}
