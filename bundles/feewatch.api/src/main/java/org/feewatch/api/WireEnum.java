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
            // a constant with a body of its own is of a subclass, which has no constants itself
            Object[] constants = type.isEnum() ? type.getEnumConstants() : type.getSuperclass().getEnumConstants();
            String[] names = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
            return names;
        }
    };

    static String wireName(Enum<?> value) {
        // by the constant's own class: getDeclaringClass asks for the superclass, a native call under C1
        return NAMES.get(value.getClass())[value.ordinal()];
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
