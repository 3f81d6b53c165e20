package org.feewatch.store.internal;

import java.nio.file.Path;

/** The default store location and its JDBC URL. */
public final class JdbcStoreFactory {

    /**
     * H2 settings of the default file store. WRITE_DELAY=0: a commit is handed to the operating
     * system before it returns (H2's default lets committed work wait up to half a second in memory,
     * which a killed process would lose; StoreDurabilityTest shows it). DB_CLOSE_DELAY=-1: the
     * database stays open between operations instead of being reopened for each; it is closed by
     * {@link JdbcStore#close()} or, at the latest, by H2's shutdown hook. LOCK_TIMEOUT: a writer
     * waits up to 30 s for another process's write (a large report) before it gives up.
     */
    static final String H2_OPTIONS = ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000";

    private JdbcStoreFactory() {
    }

    /** The sha256 of some bytes, as lower-case hex (as snapshots are addressed). */
    public static String sha256(byte[] bytes) {
        return Migrations.sha256(bytes);
    }

    /** The JDBC URL of an H2 file store at {@code base} (H2 adds {@code .mv.db}). */
    public static String h2Url(Path base) {
        return "jdbc:h2:file:" + base.toAbsolutePath().normalize() + H2_OPTIONS;
    }
}
