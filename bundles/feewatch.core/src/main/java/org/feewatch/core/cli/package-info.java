/**
 * The command line: one {@link org.feewatch.core.cli.Verb} service per verb ({@code audit},
 * {@code serve}, {@code plugins} …). A bundle adds a verb by registering another one.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.core.cli;
