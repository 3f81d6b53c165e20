/**
 * The feewatch store: audit runs and their reports, partners and where they publish their fee
 * schedules, every reading (snapshot) of every schedule, every vetting, the decisions a terminate or
 * reject verdict opens, and an append-only, hash-chained audit trail. H2 in a file by default,
 * PostgreSQL by configuration.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.store;
