package org.feewatch.api;

import java.util.Locale;

/** Helpers for enums that are written in the case and report files as lower-case kebab words. */
final class WireEnum {
    private WireEnum() {
    }

    /** Each enum's wire names by ordinal, made once: reports and findings write them by the million. */
    private static final ClassValue<String[]> NAMES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
            return names;
        }
    };

    static String wireName(Enum<?> value) {
        return NAMES.get(value.getDeclaringClass())[value.ordinal()];
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
