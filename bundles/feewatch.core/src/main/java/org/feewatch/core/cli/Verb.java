package org.feewatch.core.cli;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One verb of {@code ./feewatch VERB ARGS}: register an implementation as a service and the
 * command line offers it. Verbs run on the launcher's main thread; their return value is the
 * process's exit code.
 */
@ConsumerType
public interface Verb {

    /** It ran (whatever it found). */
    int OK = 0;
    /** It ran and found what {@code --fail-on} asked about. */
    int FOUND = 1;
    /** It could not run: a usage error, an unusable case, a missing capability. */
    int FAILED = 2;

    /** The verb as typed: {@code audit}. */
    String name();

    /** Its arguments in one line, after the name: {@code CASE [--out FILE]}. */
    String synopsis();

    /** What it does, in one line for the verb list. */
    String summary();

    /** The full {@code --help} text (options and what they do), without the synopsis line. */
    String help();

    /**
     * Runs the verb; {@code --help} is handled by the caller.
     *
     * @throws UsageException when the arguments are wrong (one line, exit code 2)
     * @throws VerbException  when it cannot run (one line, exit code 2)
     */
    int run(List<String> args, VerbIO io) throws UsageException, VerbException;
}
