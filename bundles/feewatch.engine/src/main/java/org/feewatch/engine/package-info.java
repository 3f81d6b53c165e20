/**
 * The audit engine: plain Java with no OSGi types and no I/O, so that the same engine runs in
 * the Felix runtime, in unit tests and on a cluster.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.engine;
