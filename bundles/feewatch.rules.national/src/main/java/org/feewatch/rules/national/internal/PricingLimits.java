package org.feewatch.rules.national.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The legal lines of the pricing rules, read once from the cited data file {@code pricing-limits.json}:
 * the RATE-002 tolerance, the 4 × LPR multiple and the 24 % line of RATE-004.
 */
public record PricingLimits(BigDecimal lprSpreadToleranceBp, BigDecimal judicialProtectionLprMultiple,
        BigDecimal criticalAprPercent, String criticalAprCitation) {

    static final String RESOURCE = "/org/feewatch/rules/national/pricing-limits.json";

    public static final PricingLimits NATIONAL = load();

    private static PricingLimits load() {
        try (InputStream in = PricingLimits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("pricing limits " + RESOURCE + " are missing from the national pack");
            }
            JsonObject limits = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonObject("limits");
            return new PricingLimits(value(limits, "lprSpreadToleranceBp"), value(limits, "judicialProtectionLprMultiple"),
                    value(limits, "criticalAprPercent"),
                    limits.getAsJsonObject("criticalAprPercent").get("citation").getAsString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static BigDecimal value(JsonObject limits, String name) {
        JsonElement e = limits.get(name);
        if (e == null || !e.isJsonObject() || !e.getAsJsonObject().has("value")) {
            throw new IllegalStateException(RESOURCE + ": limit " + name + " is missing");
        }
        return new BigDecimal(e.getAsJsonObject().get("value").getAsString());
    }
}
