package org.feewatch.core;

import java.util.List;
import java.util.Optional;

import org.feewatch.api.Report;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The reports of a running instance (the demo's, the web uploads'), kept in memory under a short
 * id so that the web UI can show them; the oldest are dropped beyond a bound.
 */
@ProviderType
public interface ReportArchive {

    /** Keeps a report under {@code id} (replacing any report of that id) and returns the id. */
    String put(String id, Report report);

    /** Keeps a report under a new id and returns it. */
    String add(Report report);

    Optional<Report> get(String id);

    /** The ids kept, newest first. */
    List<String> ids();
}
