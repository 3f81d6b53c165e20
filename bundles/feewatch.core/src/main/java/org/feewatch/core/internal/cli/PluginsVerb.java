package org.feewatch.core.internal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.feewatch.api.spi.RulePack;
import org.feewatch.core.cli.Args;
import org.feewatch.core.cli.UsageException;
import org.feewatch.core.cli.Verb;
import org.feewatch.core.cli.VerbException;
import org.feewatch.core.cli.VerbIO;
import org.feewatch.core.internal.PluginFolder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code plugins list | install FILE | remove ID}: the rule packs and the plugins folder. */
@Component(service = Verb.class)
public class PluginsVerb implements Verb {

    private final BundleContext context;
    private final PluginFolder folder;

    @Activate
    public PluginsVerb(BundleContext context, @Reference PluginFolder folder) {
        this.context = context;
        this.folder = folder;
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String synopsis() {
        return "list | install FILE | remove ID";
    }

    @Override
    public String summary() {
        return "list, install or remove plugins (rule packs and other bundles in plugins/)";
    }

    @Override
    public String help() {
        return """
                  list           the rule packs in use (id, region, version, state, the rules each
                                 adds) and the bundles in the plugins folder
                  install FILE   copy a plugin bundle (.jar) into the plugins folder; a bundle built
                                 for another major version of the feewatch API is refused
                  remove ID      remove a plugin by pack id, bundle symbolic name or file name

                A running instance (serve) picks up a bundle added to or removed from the plugins
                folder within about two seconds, without a restart.
                """;
    }

    @Override
    public int run(List<String> argv, VerbIO io) throws UsageException, VerbException {
        Args args = Args.spec().parse(argv);
        List<String> ops = args.operands();
        if (ops.isEmpty()) {
            throw new UsageException("missing list, install FILE or remove ID");
        }
        try {
            switch (ops.get(0)) {
                case "list" -> {
                    args.operands(1, "");
                    list(io);
                }
                case "install" -> {
                    Path jar = io.resolve(args.operands(2, "FILE (a plugin .jar)").get(1));
                    Path target = folder.install(jar);
                    io.out().println("installed " + jar.getFileName() + " as " + display(io, target));
                }
                case "remove" -> {
                    String id = args.operands(2, "ID (a pack id, a plugin's symbolic name or file name)").get(1);
                    Optional<Path> removed = folder.remove(id);
                    if (removed.isEmpty()) {
                        // the id shown by "plugins list" for a pack: remove the bundle that provides it
                        Optional<String> file = PackRows.folderFileOfPack(context, folder, id);
                        if (file.isPresent()) {
                            removed = folder.remove(file.get());
                        }
                    }
                    if (removed.isEmpty()) {
                        throw new VerbException("no plugin " + id + " in " + display(io, folder.folder()));
                    }
                    io.out().println("removed " + display(io, removed.get()));
                }
                default -> throw new UsageException("unknown subcommand " + ops.get(0) + " (list, install or remove)");
            }
        } catch (IOException e) {
            throw new VerbException(Dispatcher.describe(e));
        }
        return OK;
    }

    private void list(VerbIO io) throws IOException {
        io.out().println("rule packs:");
        List<String[]> rows = new ArrayList<>();
        for (ServiceReference<RulePack> ref : packs()) {
            RulePack pack = context.getService(ref);
            if (pack == null) {
                continue;
            }
            try {
                Bundle b = ref.getBundle();
                rows.add(PackRows.packRow(pack, b == null ? "unregistered" : PackRows.state(b),
                        b == null ? "" : origin(b, io)));
            } finally {
                context.ungetService(ref);
            }
        }
        if (!rows.isEmpty()) {
            rows.add(0, PackRows.PACK_HEADER);
        }
        table(io, rows, "  (none)");
        io.out().println("plugins folder " + display(io, folder.folder()) + ":");
        rows.clear();
        for (PluginFolder.Plugin p : folder.list()) {
            rows.add(new String[] { p.file().getFileName().toString(),
                    p.symbolicName() == null ? "(not a bundle)" : p.symbolicName(),
                    p.version() == null ? "" : p.version(), PackRows.folderState(p, context) });
        }
        if (!rows.isEmpty()) {
            rows.add(0, PackRows.FOLDER_HEADER);
        }
        table(io, rows, "  (empty)");
    }

    private List<ServiceReference<RulePack>> packs() {
        try {
            return new ArrayList<>(context.getServiceReferences(RulePack.class, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String origin(Bundle b, VerbIO io) {
        String location = b.getLocation();
        if (location != null && location.startsWith("file:")) {
            try {
                return display(io, Path.of(java.net.URI.create(location)));
            } catch (RuntimeException e) {
                return location;
            }
        }
        return "built in (" + b.getSymbolicName() + ")";
    }

    private static String display(VerbIO io, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(io.home()) ? io.home().relativize(abs).toString() : abs.toString();
    }

    private static void table(VerbIO io, List<String[]> rows, String empty) {
        if (rows.isEmpty()) {
            io.out().println(empty);
            return;
        }
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder("  ");
            for (int i = 0; i < cols; i++) {
                sb.append(r[i]);
                if (i < cols - 1) {
                    sb.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            io.out().println(sb.toString().stripTrailing());
        }
    }
}
