package org.feewatch.api;

import java.util.List;

/**
 * What was read from one source: its snapshot, its fee items (catalogue or schedule) and, for a
 * product page, the product terms; {@code notes} are extraction remarks for the report's warnings.
 */
public record Disclosure(SourceRef source, Snapshot snapshot, List<FeeItem> items, ProductTerms product,
        List<String> notes) {
    public Disclosure {
        items = items == null ? List.of() : List.copyOf(items);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
