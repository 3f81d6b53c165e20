/**
 * The services plugins implement and the engine provides: rules and rule packs (the national
 * pack and region packs), disclosure extractors, source fetchers, loan-book readers, reference
 * rates and report writers. No OSGi types appear here: a rule is plain Java and runs in any
 * engine that provides an {@link org.feewatch.api.spi.AuditContext}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.api.spi;
