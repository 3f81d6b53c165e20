package org.feewatch.core.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Where a verb writes and where it runs.
 *
 * @param out            standard output (reports, listings)
 * @param err            standard error (progress, one-line problems)
 * @param errIsTerminal  true when standard error is a terminal: progress bars may be drawn
 * @param workingDir     the user's working directory, for relative paths in arguments
 * @param home           the feewatch installation (repository root): config/, plugins/, cases/
 */
public record VerbIO(PrintStream out, PrintStream err, boolean errIsTerminal, Path workingDir, Path home) {

    /** A path argument, relative to the user's working directory. */
    public Path resolve(String path) {
        return workingDir.resolve(path).normalize();
    }
}
