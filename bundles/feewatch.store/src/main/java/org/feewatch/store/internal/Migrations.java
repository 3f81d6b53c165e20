package org.feewatch.store.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a database to the current schema: the numbered SQL files listed in
 * {@code migrations/index.txt} (V001__what.sql …) are applied in order, each in its own
 * transaction together with its row in {@code schema_version} (version, name, checksum, when). A
 * migration already applied is skipped; one whose text changed since it was applied stops the store
 * (a released migration never changes: add a new one).
 */
final class Migrations {

    private static final String ROOT = "/org/feewatch/store/migrations/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    record Migration(int version, String name, String sql, String checksum) {
    }

    private Migrations() {
    }

    /** The migrations shipped in this bundle, in order. */
    static List<Migration> bundled() {
        List<Migration> out = new ArrayList<>();
        for (String file : lines(read(ROOT + "index.txt"))) {
            Matcher m = NAME.matcher(file);
            if (!m.matches()) {
                throw new IllegalStateException("migration file name " + file + " is not V<number>__<name>.sql");
            }
            String sql = read(ROOT + file);
            int version = Integer.parseInt(m.group(1));
            if (!out.isEmpty() && out.get(out.size() - 1).version() >= version) {
                throw new IllegalStateException("migration " + file + " is out of order in index.txt");
            }
            out.add(new Migration(version, m.group(2), sql, sha256(sql)));
        }
        return out;
    }

    /**
     * Applies what is missing; returns the versions applied now.
     *
     * @throws SQLException          when the database refuses a statement
     * @throws IllegalStateException when an applied migration's text differs from the bundled one
     */
    static List<Integer> migrate(Connection c, Dialect dialect, List<Migration> migrations, Clock clock)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, name VARCHAR(200) NOT NULL,"
                        + " checksum VARCHAR(64) NOT NULL, applied_at VARCHAR(40) NOT NULL)");
            }
            c.commit();
            Map<Integer, String> applied = new LinkedHashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version, checksum FROM schema_version ORDER BY version")) {
                while (rs.next()) {
                    applied.put(rs.getInt(1), rs.getString(2));
                }
            }
            List<Integer> now = new ArrayList<>();
            for (Migration m : migrations) {
                String was = applied.get(m.version());
                if (was != null) {
                    if (!was.equals(m.checksum())) {
                        throw new IllegalStateException("store schema migration V" + m.version() + " (" + m.name()
                                + ") was changed after it was applied; add a new migration instead");
                    }
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    for (String statement : statements(dialect.expand(m.sql()))) {
                        s.execute(statement);
                    }
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO schema_version (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                    p.setInt(1, m.version());
                    p.setString(2, m.name());
                    p.setString(3, m.checksum());
                    p.setString(4, clock.instant().toString());
                    p.executeUpdate();
                }
                c.commit();
                now.add(m.version());
            }
            return now;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The statements of a script: split on ';' at a line end, comments (--) dropped. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(t);
            }
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("store migration resource " + resource + " is missing from the bundle");
            }
            StringBuilder b = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                r.lines().forEach(l -> b.append(l).append('\n'));
            }
            return b.toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read store migration " + resource, e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
