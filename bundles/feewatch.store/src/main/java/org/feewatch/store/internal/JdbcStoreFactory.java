package org.feewatch.store.internal;

import java.nio.file.Path;

/** The default store location and its JDBC URL. */
public final class JdbcStoreFactory {

    /**
     * H2 settings of the default file store. WRITE_DELAY=0: a commit is handed to the operating
     * system before it returns (H2's default lets committed work wait up to half a second in memory,
     * which a killed process would lose).
     */
    static final String H2_OPTIONS = ";WRITE_DELAY=0";

    private JdbcStoreFactory() {
    }

    /** The JDBC URL of an H2 file store at {@code base} (H2 adds {@code .mv.db}). */
    public static String h2Url(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath().normalize() + H2_OPTIONS;
    }
}
