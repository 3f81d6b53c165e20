/**
 * The feewatch domain model: cases, sources, snapshots, fee items, prices, loans, partners,
 * findings with evidence, and the report. Plain immutable values with no OSGi types, so the
 * engine can run them anywhere (a Felix runtime, a unit test, a Spark job).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.api;
