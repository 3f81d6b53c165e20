package org.feewatch.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The shared folder (spec, examples, tools): beside the repository in CI, /work/shared here, or $FEEWATCH_SHARED. */
final class Shared {

    private Shared() {
    }

    static Optional<Path> folder() {
        String env = System.getenv("FEEWATCH_SHARED");
        if (env != null && Files.isDirectory(Path.of(env, "examples"))) {
            return Optional.of(Path.of(env));
        }
        if (Files.isDirectory(Path.of("/work/shared/examples"))) {
            return Optional.of(Path.of("/work/shared"));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/examples"))) {
                return Optional.of(p.resolve("shared"));
            }
        }
        return Optional.empty();
    }
}
