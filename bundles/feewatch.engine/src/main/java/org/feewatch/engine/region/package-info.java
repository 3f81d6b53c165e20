/** Building blocks for region packs: a pack made of a rule catalogue, a region-data file and its rules. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.engine.region;
