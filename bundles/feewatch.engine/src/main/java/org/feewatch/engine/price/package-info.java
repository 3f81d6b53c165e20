/**
 * Published price texts (收费标准) as structured {@link org.feewatch.api.Price}s, and the most a
 * price allows on a loan.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.feewatch.engine.price;
