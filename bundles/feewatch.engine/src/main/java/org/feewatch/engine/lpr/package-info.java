/**
 * The Loan Prime Rate table: dated LPR fixings, "the fixing in force on a date", the cited CSV data
 * format and the parser of the official NIFC publication. Plain Java without I/O: callers hand in
 * readers and strings.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.engine.lpr;
