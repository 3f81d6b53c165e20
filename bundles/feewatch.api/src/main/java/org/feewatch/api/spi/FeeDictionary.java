package org.feewatch.api.spi;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Maps fee item names as written (贷款承诺费, 授信承诺费 …) to canonical categories
 * ({@code commitment-fee}); the national pack's dictionary, extended by region packs.
 */
@ProviderType
public interface FeeDictionary {

    /** The canonical category of an item name, or null when no synonym matches. */
    String categoryOf(String itemName);

    /** Categories that may not be charged to small and micro borrowers (FEE-001). */
    Set<String> prohibitedForSmallMicro();

    /** Categories that are costs the bank must bear (FEE-002). */
    Set<String> bankBorneCosts();
}
