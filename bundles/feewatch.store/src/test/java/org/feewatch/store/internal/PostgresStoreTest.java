package org.feewatch.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store contract on PostgreSQL, when a server is reachable: {@code FEEWATCH_TEST_PG_URL}
 * (default {@value #DEFAULT_URL}), with {@code FEEWATCH_TEST_PG_USER} / {@code _PASSWORD}. Each test
 * works in a schema of its own, dropped afterwards, so it never touches other data.
 */
class PostgresStoreTest extends StoreContract {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String base = env("FEEWATCH_TEST_PG_URL", DEFAULT_URL);
    private final String user = env("FEEWATCH_TEST_PG_USER", "postgres");
    private final String password = env("FEEWATCH_TEST_PG_PASSWORD", "");
    private final String schema = "fw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private Connection admin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (!password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "3");
        return new org.postgresql.Driver().connect(base, p);
    }

    private boolean created;

    @BeforeEach
    void createSchema() {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            created = true;
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL server reachable at " + base + " as " + user + " (" + e.getMessage()
                    + "); set FEEWATCH_TEST_PG_URL to run the store tests on PostgreSQL");
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (!created) {
            return;
        }
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private String url() {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    JdbcStore open() throws Exception {
        return new JdbcStore(url(), user, password, CLOCK);
    }

    @Override
    Connection raw() throws Exception {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (!password.isEmpty()) {
            p.setProperty("password", password);
        }
        return new org.postgresql.Driver().connect(url(), p);
    }
}
