package org.feewatch.api;

import java.math.BigDecimal;

/** A product sold with a loan; a mandatory one is tied selling and its premium is a loan flow. */
public record BundledProduct(String kind, String name, BigDecimal premium, boolean mandatory) {
}
