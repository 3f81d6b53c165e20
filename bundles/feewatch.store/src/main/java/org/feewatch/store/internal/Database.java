package org.feewatch.store.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens connections to the configured database through its driver class directly (no
 * DriverManager, which does not see drivers in other bundles under OSGi). The PostgreSQL driver is
 * an optional import: it is loaded only when the URL names PostgreSQL.
 */
final class Database {

    private final String url;
    private final Dialect dialect;
    private final Properties properties = new Properties();
    private final Driver driver;

    Database(String url, String user, String password) {
        this.url = url;
        this.dialect = Dialect.of(url);
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        this.driver = switch (dialect) {
            case H2 -> new org.h2.Driver();
            case POSTGRESQL -> postgres();
        };
    }

    private static Driver postgres() {
        try {
            return new org.postgresql.Driver();
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("the store URL names PostgreSQL but its JDBC driver (org.postgresql) is not installed");
        }
    }

    Connection open() throws SQLException {
        Connection c = driver.connect(url, properties);
        if (c == null) {
            throw new SQLException("the driver does not accept the URL " + describe());
        }
        return c;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The URL without parameters that could hold credentials. */
    String describe() {
        int semicolon = url.indexOf(';');
        int question = url.indexOf('?');
        int cut = semicolon < 0 ? question : question < 0 ? semicolon : Math.min(semicolon, question);
        return cut < 0 ? url : url.substring(0, cut);
    }
}
