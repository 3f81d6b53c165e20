package org.feewatch.store.internal;

import java.nio.file.Path;
import java.sql.Connection;

import org.junit.jupiter.api.io.TempDir;

/** The store contract on an H2 file, as the product runs it by default. */
class H2StoreTest extends StoreContract {

    @TempDir
    Path dir;

    private String url() {
        return JdbcStoreFactory.h2Url(dir.resolve("feewatch"));
    }

    @Override
    JdbcStore open() throws Exception {
        return new JdbcStore(url(), "", "", CLOCK);
    }

    @Override
    Connection raw() throws Exception {
        return new org.h2.Driver().connect(url(), new java.util.Properties());
    }

    @org.junit.jupiter.api.AfterEach
    void shutdown() throws Exception {
        try (Connection c = raw(); java.sql.Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
