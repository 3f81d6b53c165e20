package org.feewatch.store.internal;

import java.util.Map;

/** The few SQL differences between the two supported databases. */
enum Dialect {
    H2(Map.of("blob", "BLOB", "text", "CLOB")),
    POSTGRESQL(Map.of("blob", "BYTEA", "text", "TEXT"));

    private final Map<String, String> types;

    Dialect(Map<String, String> types) {
        this.types = types;
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported store URL " + jdbcUrl
                + ": use jdbc:h2:… (the default) or jdbc:postgresql://HOST/DATABASE");
    }

    /** The migration text with ${blob} and ${text} replaced by this database's types. */
    String expand(String sql) {
        String out = sql;
        for (Map.Entry<String, String> e : types.entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
