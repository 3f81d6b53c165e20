package org.feewatch.api.spi;

import java.io.IOException;
import java.util.Optional;

import org.feewatch.api.Snapshot;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps every body read from a source, addressed by the sha256 of its bytes, so that a finding's
 * evidence can be shown later exactly as it was read. The same content is stored once.
 */
@ProviderType
public interface SnapshotStore {

    /**
     * Stores the snapshot's body (and, the first time this content is seen, its metadata).
     *
     * @return the sha256 of the body, lower-case hex
     * @throws IOException when the snapshot cannot be written
     */
    String put(Snapshot snapshot) throws IOException;

    /**
     * The snapshot stored under {@code sha256}, with its body and text as they were first read.
     *
     * @return empty when nothing is stored under that hash or it is not a sha256
     * @throws IOException when the stored body cannot be read or no longer matches its hash
     */
    Optional<Snapshot> get(String sha256) throws IOException;
}
