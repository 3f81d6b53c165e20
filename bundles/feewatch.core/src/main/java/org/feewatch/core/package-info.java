/**
 * The feewatch runtime's services: the audit service that assembles a case's inputs from the
 * registered plugins (rule packs, extractors, loan-book readers, report writers, the fetcher and
 * the LPR table) and runs the engine, for the command line, the web server and the Gogo shell.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.feewatch.core;
