package org.feewatch.api.spi;

import org.feewatch.api.Disclosure;
import org.feewatch.api.SourceRef;
import org.feewatch.api.Snapshot;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads fee items or product terms out of a snapshot. Several extractors may be registered; for
 * each source the engine uses the one that scores the page highest.
 */
@ConsumerType
public interface DisclosureExtractor {

    /** A stable name, for logs. */
    String name();

    /** How well this extractor fits the page: 0 = not at all; higher wins. */
    int suitability(SourceRef source, Snapshot snapshot);

    /** Extracts the page. Must not throw on malformed markup; returns what could be read. */
    Disclosure extract(SourceRef source, Snapshot snapshot);
}
