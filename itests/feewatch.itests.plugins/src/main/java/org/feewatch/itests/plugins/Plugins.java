package org.feewatch.itests.plugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.feewatch.core.cli.UsageException;
import org.feewatch.core.cli.Verb;
import org.feewatch.core.cli.VerbException;
import org.feewatch.core.cli.VerbIO;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The plugin jars embedded in this bundle, the {@code plugins} verb as the command line runs it, and waiting. */
final class Plugins {

    static final Duration PICKUP = Duration.ofSeconds(20);
    static final String BEIJING = "feewatch.region.bj.jar";
    static final String BROKEN = "feewatch.itests.brokenpacks.jar";

    private Plugins() {
    }

    /** Copies an embedded plugin jar ({@code plugin-jars/NAME}) to {@code dir}, as a user's download would be. */
    static Path jar(BundleContext context, String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        try (InputStream in = context.getBundle().getEntry("plugin-jars/" + name).openStream()) {
            Files.copy(in, target);
        }
        return target;
    }

    /**
     * A copy of {@code jar} that claims to be another bundle built for feewatch API 2: every
     * {@code org.feewatch.api*} import asks for {@code [2.0,3)}.
     */
    static Path builtForApi2(Path jar, String symbolicName, Path target) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest mf = new Manifest(in.getManifest());
            Attributes a = mf.getMainAttributes();
            a.putValue("Bundle-SymbolicName", symbolicName);
            a.putValue("Import-Package", a.getValue("Import-Package")
                    .replace("org.feewatch.api;version=\"[1.0,2)\"", "org.feewatch.api;version=\"[2.0,3)\"")
                    .replace("org.feewatch.api.spi;version=\"[1.0,2)\"", "org.feewatch.api.spi;version=\"[2.0,3)\""));
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target), mf)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** What {@code ./feewatch plugins ARGS} printed. */
    record Run(int exit, String out) {
    }

    /** Runs the {@code plugins} verb; a {@link VerbException} is what the user would read on one line. */
    static Run verb(BundleContext context, Path workingDir, String... args)
            throws VerbException, UsageException, InvalidSyntaxException {
        ServiceReference<Verb> ref = context.getServiceReferences(Verb.class, null).stream()
                .filter(r -> "plugins".equals(context.getService(r).name())).findFirst()
                .orElseThrow(() -> new AssertionError("no plugins verb registered"));
        Verb verb = context.getService(ref);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path home = Paths.get(context.getProperty("feewatch.home"));
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = verb.run(List.of(args), new VerbIO(o, e, false, workingDir, home));
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        } finally {
            context.ungetService(ref);
        }
    }

    /** The plugins folder of the running instance. */
    static Path folder(BundleContext context) {
        return Paths.get(context.getProperty("feewatch.plugins"));
    }

    /** Polls until the condition holds; false when the time ran out. */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PICKUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
