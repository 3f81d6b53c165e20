/** Rule catalogues as data: codes, titles, severities, actions, citations and effective dates. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.engine.catalogue;
