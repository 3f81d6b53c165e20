/**
 * Reading a case (CASE-FORMAT.md): a case folder or a .zip of one, with case.json, sources.json,
 * partners.json and benchmarks.json. A case that cannot be audited at all is a
 * {@link org.feewatch.caseio.CaseException} with one line naming the file, the JSON path and what
 * was wrong; everything else becomes a warning and the audit goes on.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.caseio;
