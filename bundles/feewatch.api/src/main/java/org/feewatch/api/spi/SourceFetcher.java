package org.feewatch.api.spi;

import java.nio.file.Path;

import org.feewatch.api.SourceRef;
import org.feewatch.api.Snapshot;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads a source's body: a {@code url} politely (timeouts, size and redirect limits, robots.txt,
 * per-host delay) or a {@code file} inside the case folder, and keeps it as a content-addressed
 * snapshot.
 */
@ProviderType
public interface SourceFetcher {

    /**
     * Reads one source.
     *
     * @param caseDir    the case folder that {@code file} sources are relative to
     * @param restricted true in serve mode: the host allow-list applies and private addresses are refused
     * @throws SourceException with a one-line reason when the source cannot be read
     */
    Snapshot fetch(SourceRef source, Path caseDir, boolean restricted) throws SourceException;
}
