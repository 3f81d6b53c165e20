package org.feewatch.api;

import java.util.Locale;

/** Helpers for enums that are written in the case and report files as lower-case kebab words. */
final class WireEnum {
    private WireEnum() {
    }

    static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String wire) {
        if (wire == null) {
            throw new IllegalArgumentException("missing value");
        }
        for (E e : type.getEnumConstants()) {
            if (wireName(e).equals(wire)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown value \"" + wire + "\"");
    }
}
