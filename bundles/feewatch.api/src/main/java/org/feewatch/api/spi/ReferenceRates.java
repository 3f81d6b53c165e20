package org.feewatch.api.spi;

import java.time.LocalDate;
import java.util.Optional;

import org.feewatch.api.LprFixing;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The LPR table. The fixing in force on a date is the one published on or before that date;
 * a date after the last known fixing has none (rules say so as an info finding, never guess).
 */
@ConsumerType
public interface ReferenceRates {

    /** The fixing in force on {@code date}, or empty before the first or after the last known fixing's validity. */
    Optional<LprFixing> inForceOn(LocalDate date);

    /** The latest known fixing. */
    LprFixing latest();
}
