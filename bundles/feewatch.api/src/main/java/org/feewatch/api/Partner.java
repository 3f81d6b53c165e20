package org.feewatch.api;

/** One entry of partners.json. */
public record Partner(String id, String name, PartnerType type, PartnerStatus status, boolean governmentBacked) {
}
