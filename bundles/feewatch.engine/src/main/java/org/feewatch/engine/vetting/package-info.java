/**
 * Partner vetting (the {@code vet} verb): each partner of a case with its verdict, the reason for
 * it, the fee schedules that were (or could not be) read and the partner findings with their
 * evidence, as readable text or JSON. Plain Java: it reads an audit's report, never a file.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.engine.vetting;
