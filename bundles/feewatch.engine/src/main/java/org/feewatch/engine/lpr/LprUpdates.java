package org.feewatch.engine.lpr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Updates the LPR table from the official publication or a local file, keeping a dated record of
 * each import. The national pack registers it beside its {@link org.feewatch.api.spi.ReferenceRates};
 * the {@code lpr} command calls it.
 */
@ProviderType
public interface LprUpdates {

    /**
     * Imports fixings from a local file: the NIFC download (JSON with {@code data.csv}) or the cited
     * CSV format of {@link LprCsv}.
     */
    LprImport importFile(Path file) throws IOException, LprFormatException;

    /** Fetches the NIFC download for the date range and imports it. */
    LprImport importOfficial(LocalDate from, LocalDate to) throws IOException, LprFormatException;
}
