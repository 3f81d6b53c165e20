package org.feewatch.core.internal.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.feewatch.core.cli.Verb;
import org.feewatch.core.cli.VerbIO;
import org.feewatch.core.internal.Home;
import org.feewatch.core.internal.PluginFolder;
import org.feewatch.core.internal.Settle;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The program's main: runs the verb named by the first argument on the launcher's main thread.
 * A named class whose {@code call()} is declared to return Integer: the launcher checks that by
 * reflection before it uses the return value as the exit code.
 */
public final class MainThread implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(MainThread.class);
    /** Set by the ./feewatch script from {@code [ -t 2 ]}: standard error is a terminal. */
    static final String STDERR_TTY = "feewatch.stderr.tty";
    private static final Duration PLUGIN_WAIT = Duration.ofSeconds(5);
    private static final Duration SETTLE_WAIT = Duration.ofSeconds(5);
    /** Set by the ./feewatch script when this JVM writes a class-data archive: the file to create once the command worked. */
    static final String CDS_MARK = "feewatch.cds.mark";
    private static final Set<String> RUN_UNTIL_STOPPED = Set.of("serve", "demo");

    private final String[] args;
    private final Supplier<List<Verb>> verbs;
    private final PluginFolder plugins;
    private final Settle settle;
    private final BundleContext context;

    MainThread(String[] args, Supplier<List<Verb>> verbs, PluginFolder plugins, Settle settle, BundleContext context) {
        this.args = args.clone();
        this.verbs = verbs;
        this.plugins = plugins;
        this.settle = settle;
        this.context = context;
    }

    /**
     * Marks the class-data archive this JVM writes at its exit as made by a command that worked
     * (the ./feewatch script adopts only marked ones, not those of a mistyped command). {@code mark} is
     * read before the verb runs: serve and demo return once the framework has stopped, and its
     * context can no longer be asked then.
     */
    private static void markClassDataArchive(String mark) {
        if (mark == null || mark.isBlank()) {
            return;
        }
        try {
            Files.write(Paths.get(mark), new byte[0]);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot mark the class-data archive {}", mark, e);
        }
    }

    /**
     * ", N ms of CPU": the process's CPU time so far (all threads, compilers and collector
     * included; Linux), which a busy machine changes far less than the wall-clock figures.
     */
    static String processCpu() {
        try {
            String stat = Files.readString(Paths.get("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime (fields 14 and 15 of proc(5)), in clock ticks of 10 ms
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ", " + ticks * 10 + " ms of CPU";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public Integer call() {
        // configuration files and plugins arrive on FileInstall's thread: let them land first, so
        // that a verb sees every service as configured (see Settle)
        long ready = ManagementFactory.getRuntimeMXBean().getUptime();
        settle.await(SETTLE_WAIT);
        LOG.info("framework ready {} ms after the JVM started; configuration settled {} ms later", ready,
                ManagementFactory.getRuntimeMXBean().getUptime() - ready);
        try {
            // the plugins folder is installed by FileInstall's own thread: let it finish first, so
            // that an audit sees every plugin present when it was started
            plugins.awaitInstalled(PLUGIN_WAIT);
        } catch (Exception e) {
            LOG.warn("cannot list the plugins folder", e);
        }
        String tty = context.getProperty(STDERR_TTY);
        String classDataMark = context.getProperty(CDS_MARK);
        Bundle framework = context.getBundle(0); // its state can be asked after it stopped, the context not
        boolean errTerminal = tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
        Path cwd = Paths.get(System.getProperty("user.dir", ".")).toAbsolutePath();
        VerbIO io = new VerbIO(System.out, System.err, errTerminal, cwd, Home.home(context));
        // the start-up figure of BENCHMARKS.md: from JVM start to the verb beginning its work
        LOG.info("{} begins {} ms after the JVM started{}", args.length == 0 ? "(no command)" : args[0],
                ManagementFactory.getRuntimeMXBean().getUptime(), processCpu());
        String verb = args.length == 0 ? "" : args[0];
        if (RUN_UNTIL_STOPPED.contains(verb)) {
            // their start-up is what the class-data archive is for; they end by a signal
            markClassDataArchive(classDataMark);
        }
        int code = new Dispatcher(verbs.get()).run(List.of(args), io);
        System.out.flush();
        System.err.flush();
        boolean commandHelp = args.length > 1 && (List.of(args).contains("--help") || List.of(args).contains("-h"));
        if (code == Verb.OK && !commandHelp) {
            markClassDataArchive(classDataMark);
        }
        if (framework.getState() == Bundle.ACTIVE) {
            // A command that ran to its end with the framework still up (all but serve and demo,
            // which return once it has stopped): end the JVM now instead of first stopping every
            // bundle, which took about half a second. What must outlive the process is on disk
            // already: the report and detail files are closed, the store has committed each write
            // (H2's shutdown hook closes it), temporary files go with their delete-on-exit hooks.
            LOG.info("{} done {} ms after the JVM started{}", args.length == 0 ? "(no command)" : args[0],
                    ManagementFactory.getRuntimeMXBean().getUptime(), processCpu());
            System.exit(code);
        }
        return code;
    }
}
