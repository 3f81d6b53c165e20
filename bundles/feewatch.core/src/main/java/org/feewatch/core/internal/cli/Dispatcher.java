package org.feewatch.core.internal.cli;

import java.util.List;
import java.util.Optional;

import org.feewatch.core.cli.UsageException;
import org.feewatch.core.cli.Verb;
import org.feewatch.core.cli.VerbException;
import org.feewatch.core.cli.VerbIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the verb, handles {@code --help}, and turns every failure into one line on standard error
 * with exit code 2: a usage error, a case that cannot be audited, a missing capability, and even
 * a bug (whose details go to the log file, never to the terminal).
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final String PROGRAM = "feewatch";

    private final List<Verb> verbs;

    public Dispatcher(List<Verb> verbs) {
        this.verbs = verbs;
    }

    public int run(List<String> args, VerbIO io) {
        if (args.isEmpty()) {
            io.err().println(PROGRAM + ": missing command (see ./feewatch --help)");
            return Verb.FAILED;
        }
        String first = args.get(0);
        if (first.equals("--help") || first.equals("-h") || first.equals("help") && args.size() == 1) {
            io.out().print(usage());
            return Verb.OK;
        }
        if (first.equals("help")) {
            return run(List.of(args.get(1), "--help"), io);
        }
        Optional<Verb> verb = verbs.stream().filter(v -> v.name().equals(first)).findFirst();
        if (verb.isEmpty()) {
            io.err().println(PROGRAM + ": unknown command '" + first + "' (see ./feewatch --help)");
            return Verb.FAILED;
        }
        Verb v = verb.get();
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            io.out().println("usage: ./feewatch " + v.name() + " " + v.synopsis());
            io.out().println();
            io.out().println(v.summary());
            String help = v.help();
            if (help != null && !help.isBlank()) {
                io.out().println();
                io.out().print(help.endsWith("\n") ? help : help + "\n");
            }
            return Verb.OK;
        }
        try {
            return v.run(rest, io);
        } catch (UsageException e) {
            io.err().println(PROGRAM + " " + v.name() + ": " + e.getMessage() + " (see ./feewatch " + v.name() + " --help)");
            return Verb.FAILED;
        } catch (VerbException e) {
            if (e.getCause() != null) {
                LOG.warn("{} {}: {}", PROGRAM, v.name(), e.getMessage(), e.getCause());
            }
            io.err().println(PROGRAM + " " + v.name() + ": " + e.getMessage());
            return Verb.FAILED;
        } catch (RuntimeException | Error e) {
            LOG.error("{} {} failed", PROGRAM, v.name(), e);
            io.err().println(PROGRAM + " " + v.name() + ": internal error (" + describe(e)
                    + "); details are in the log file");
            return Verb.FAILED;
        }
    }

    /** A failure's message for a user: never the exception's class name. */
    static String describe(Throwable e) {
        if (e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null) {
            // these carry only the path as their message; say what went wrong with it
            String reason = fse.getReason() != null ? fse.getReason()
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "exists and is not a folder"
                    : e instanceof java.nio.file.NotDirectoryException ? "not a folder"
                    : "cannot be used";
            return fse.getFile() + ": " + reason;
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "no details" : m.lines().findFirst().orElse(m);
    }

    String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: ./feewatch COMMAND [ARGS]\n\n");
        sb.append("feewatch checks small-business lending fees and prices against 银保监办发〔2023〕42号.\n\n");
        sb.append("commands:\n");
        int width = verbs.stream().mapToInt(v -> v.name().length()).max().orElse(0);
        for (Verb v : verbs) {
            sb.append("  ").append(v.name()).append(" ".repeat(width - v.name().length() + 2)).append(v.summary()).append('\n');
        }
        sb.append("\nRun ./feewatch COMMAND --help for a command's arguments.\n");
        return sb.toString();
    }
}
