/** Fee-item names to canonical categories, from the packs' synonym data. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.engine.fees;
