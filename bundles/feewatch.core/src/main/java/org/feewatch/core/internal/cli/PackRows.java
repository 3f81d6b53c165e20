package org.feewatch.core.internal.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RulePack;
import org.feewatch.core.internal.PluginCompatibility;
import org.feewatch.core.internal.PluginFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The rows of {@code plugins list}, and the plugin file behind a pack id for {@code plugins remove}. */
final class PackRows {

    static final String[] PACK_HEADER = { "ID", "REGION", "VERSION", "STATE", "RULES", "FROM" };
    static final String[] FOLDER_HEADER = { "FILE", "BUNDLE", "VERSION", "STATE" };

    /** Packs with more rules than this show their count and first and last codes. */
    static final int LISTED_CODES = 6;

    private PackRows() {
    }

    /** A pack's row; a pack that throws when asked is shown with the reason instead of stopping the list. */
    static String[] packRow(RulePack pack, String state, String origin) {
        String id;
        String region;
        String version;
        try {
            id = pack.id();
            region = pack.region();
            version = pack.version();
        } catch (RuntimeException e) {
            return new String[] { "?", "?", "?", "broken: " + Dispatcher.describe(e), "", origin };
        }
        return new String[] { id, region, version, state, rules(pack), origin };
    }

    static String rules(RulePack pack) {
        List<String> codes = new ArrayList<>();
        try {
            for (Rule r : pack.rules()) {
                try {
                    codes.add(r.info().code());
                } catch (RuntimeException e) {
                    codes.add("?");
                }
            }
        } catch (RuntimeException e) {
            return "(unreadable: " + Dispatcher.describe(e) + ")";
        }
        if (codes.size() <= LISTED_CODES) {
            return codes.isEmpty() ? "(none)" : String.join(", ", codes);
        }
        return codes.size() + " rules: " + codes.get(0) + " … " + codes.get(codes.size() - 1);
    }

    static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "active";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            default -> "uninstalled";
        };
    }

    /** A folder plugin's state; an unresolved bundle that needs another API says so. */
    static String folderState(PluginFolder.Plugin p, BundleContext context) {
        if (p.bundle() != null && p.bundle().getState() == Bundle.INSTALLED) {
            try {
                Optional<String> why = PluginCompatibility.check(p.file(), context);
                if (why.isPresent()) {
                    return "not started: " + why.get();
                }
            } catch (IOException e) {
                return p.state();
            }
        }
        return p.state();
    }

    /** The file name in the plugins folder of the bundle that provides the pack {@code packId}. */
    static Optional<String> folderFileOfPack(BundleContext context, PluginFolder folder, String packId)
            throws IOException {
        List<ServiceReference<RulePack>> refs;
        try {
            refs = new ArrayList<>(context.getServiceReferences(RulePack.class, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<RulePack> ref : refs) {
            RulePack pack = context.getService(ref);
            if (pack == null) {
                continue;
            }
            try {
                if (!packId.equals(pack.id()) || ref.getBundle() == null) {
                    continue;
                }
                String location = ref.getBundle().getLocation();
                Path file = Paths.get(URI.create(location)).toAbsolutePath().normalize();
                for (PluginFolder.Plugin p : folder.list()) {
                    if (p.file().toAbsolutePath().normalize().equals(file)) {
                        return Optional.of(p.file().getFileName().toString());
                    }
                }
            } catch (RuntimeException notAFileLocation) {
                // a built-in pack: not removable
            } finally {
                context.ungetService(ref);
            }
        }
        return Optional.empty();
    }
}
