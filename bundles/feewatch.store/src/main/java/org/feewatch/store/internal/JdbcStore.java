package org.feewatch.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.feewatch.store.Store;
import org.feewatch.store.StoreException;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

/**
 * The store on JDBC (H2 or PostgreSQL). Each write runs in one transaction with its audit-trail
 * rows; the trail's next sequence number is taken inside that transaction, and two writers that
 * raced for the same number see a unique-key violation, and the loser runs its transaction again.
 */
public final class JdbcStore implements Store {

    /** SQLSTATE of a unique or primary key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int ATTEMPTS = 5;
    private static final Gson GSON = new Gson();
    private static final java.lang.reflect.Type ITEMS = new TypeToken<List<PublishedItem>>() { }.getType();

    private final Database db;
    private final Clock clock;

    /** Opens the store and brings its schema up to date. */
    public JdbcStore(String url, String user, String password, Clock clock) throws StoreException {
        this.clock = clock;
        try {
            this.db = new Database(url, user, password);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new StoreException(e.getMessage(), e);
        }
        try (Connection c = db.open()) {
            Migrations.migrate(c, db.dialect(), Migrations.bundled(), clock);
        } catch (SQLException e) {
            throw new StoreException(problem("cannot open the store", e), e);
        } catch (IllegalStateException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return db.describe();
    }

    /** Closes an embedded database cleanly (an H2 file is left consistent either way). */
    public void close() {
        if (db.dialect() == Dialect.H2) {
            try (Connection c = db.open(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already closed or never opened: nothing to do
            }
        }
    }

    // ---------------------------------------------------------------- writes

    @Override
    public RunSummary record(AuditRecord r) throws StoreException {
        return inTransaction("record the " + r.kind(), c -> {
            String now = clock.instant().toString();
            long runId;
            String reportSha256 = Migrations.sha256(r.report());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_run (kind, started_at, finished_at, actor,"
                    + " case_path, institution, region, as_of, engine_version, findings, report_sha256, report)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, r.kind());
                p.setString(2, r.startedAt().toString());
                p.setString(3, r.finishedAt().toString());
                p.setString(4, r.actor());
                p.setString(5, r.casePath());
                p.setString(6, r.institution());
                p.setString(7, r.region());
                p.setString(8, r.asOf());
                p.setString(9, r.engineVersion());
                p.setInt(10, r.findings());
                p.setString(11, reportSha256);
                p.setBytes(12, r.report());
                p.executeUpdate();
                runId = generatedId(p);
            }
            append(c, now, r.actor(), "run.recorded", "run:" + runId, null,
                    GSON.toJson(Map.of("kind", r.kind(), "case", String.valueOf(r.casePath()), "findings", r.findings(),
                            "reportSha256", reportSha256)));
            for (PartnerRecord p : r.partners()) {
                upsertPartner(c, p, r.institution(), now, r.actor());
            }
            Map<String, Long> snapshotBySource = new HashMap<>();
            for (ScheduleReading s : r.readings()) {
                snapshotBySource.put(s.sourceId(), insertReading(c, s, runId, r.casePath(), r.institution(), now));
            }
            Map<String, Long> vettingByPartner = new HashMap<>();
            for (VettingRecord v : r.vettings()) {
                long id = insertVetting(c, v, runId, now);
                vettingByPartner.put(v.partnerId(), id);
                append(c, now, r.actor(), "partner.vetted", "partner:" + v.partnerId(), null,
                        GSON.toJson(Map.of("run", runId, "vetting", id, "verdict", v.verdict(), "rules", v.rules())));
                if ("terminate".equals(v.verdict()) || "reject".equals(v.verdict())) {
                    openDecision(c, v, id, now, r.actor());
                }
            }
            for (ScheduleChange ch : r.changes()) {
                Long snapshotId = snapshotBySource.get(ch.sourceId());
                if (snapshotId == null) {
                    throw new IllegalArgumentException("a change to " + ch.sourceId() + " was given without its reading");
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO monitor_finding (partner_id, source_id, at,"
                        + " snapshot_id, previous_snapshot_id, vetting_id, rules, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    p.setString(1, ch.partnerId());
                    p.setString(2, ch.sourceId());
                    p.setString(3, now);
                    p.setLong(4, snapshotId);
                    setLong(p, 5, ch.previousSnapshotId());
                    setLong(p, 6, vettingByPartner.get(ch.partnerId()));
                    p.setString(7, String.join(",", ch.rules()));
                    p.setString(8, ch.changes());
                    p.executeUpdate();
                    long id = generatedId(p);
                    append(c, now, r.actor(), "schedule.change-breach", "partner:" + ch.partnerId(),
                            "a change to fee schedule " + ch.sourceId() + " introduced " + String.join(", ", ch.rules()),
                            GSON.toJson(Map.of("changeFinding", id, "snapshot", snapshotId, "changes", ch.changes())));
                }
            }
            return readRun(c, runId).orElseThrow();
        });
    }

    private void upsertPartner(Connection c, PartnerRecord p, String institution, String now, String actor)
            throws SQLException {
        Optional<PartnerRecord> old = readPartner(c, p.id());
        if (old.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO partner (id, institution, name, type, status,"
                    + " government_backed, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, p.id());
                s.setString(2, institution);
                s.setString(3, p.name());
                s.setString(4, p.type());
                s.setString(5, p.status());
                s.setBoolean(6, p.governmentBacked());
                s.setString(7, now);
                s.setString(8, now);
                s.executeUpdate();
            }
            append(c, now, actor, "partner.added", "partner:" + p.id(), null,
                    GSON.toJson(Map.of("name", String.valueOf(p.name()), "status", p.status())));
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE partner SET name = ?, type = ?, status = ?, government_backed = ?, last_seen = ? WHERE id = ?")) {
            s.setString(1, p.name());
            s.setString(2, p.type());
            s.setString(3, p.status());
            s.setBoolean(4, p.governmentBacked());
            s.setString(5, now);
            s.setString(6, p.id());
            s.executeUpdate();
        }
        if (!old.get().status().equals(p.status())) {
            append(c, now, actor, "partner.status-changed", "partner:" + p.id(), null,
                    GSON.toJson(Map.of("from", old.get().status(), "to", p.status())));
        }
    }

    private long insertReading(Connection c, ScheduleReading s, long runId, String casePath, String institution,
            String now) throws SQLException {
        if (readPartner(c, s.partnerId()).isEmpty()) {
            // a schedule owned by a partner that is not in partners.json: keep it, with what is known
            try (PreparedStatement p = c.prepareStatement("INSERT INTO partner (id, institution, name, type, status,"
                    + " government_backed, first_seen, last_seen) VALUES (?, ?, NULL, NULL, 'unknown', FALSE, ?, ?)")) {
                p.setString(1, s.partnerId());
                p.setString(2, institution);
                p.setString(3, now);
                p.setString(4, now);
                p.executeUpdate();
            }
        }
        boolean known;
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM schedule_source WHERE id = ?")) {
            p.setString(1, s.sourceId());
            try (ResultSet rs = p.executeQuery()) {
                known = rs.next();
            }
        }
        try (PreparedStatement p = c.prepareStatement(known
                ? "UPDATE schedule_source SET partner_id = ?, location = ?, case_path = ? WHERE id = ?"
                : "INSERT INTO schedule_source (partner_id, location, case_path, id) VALUES (?, ?, ?, ?)")) {
            p.setString(1, s.partnerId());
            p.setString(2, s.location());
            p.setString(3, casePath);
            p.setString(4, s.sourceId());
            p.executeUpdate();
        }
        if (s.ok() && s.body() != null) {
            String sha = s.sha256() != null ? s.sha256() : Migrations.sha256(s.body());
            boolean have;
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM snapshot_body WHERE sha256 = ?")) {
                p.setString(1, sha);
                try (ResultSet rs = p.executeQuery()) {
                    have = rs.next();
                }
            }
            if (!have) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO snapshot_body (sha256, body) VALUES (?, ?)")) {
                    p.setString(1, sha);
                    p.setBytes(2, s.body());
                    p.executeUpdate();
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO schedule_snapshot (source_id, partner_id, run_id,"
                + " fetched_at, ok, sha256, error, items) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, s.sourceId());
            p.setString(2, s.partnerId());
            p.setLong(3, runId);
            p.setString(4, s.fetchedAt().toString());
            p.setBoolean(5, s.ok());
            p.setString(6, s.ok() && s.body() != null ? (s.sha256() != null ? s.sha256() : Migrations.sha256(s.body()))
                    : null);
            p.setString(7, s.error());
            p.setString(8, GSON.toJson(s.items(), ITEMS));
            p.executeUpdate();
            return generatedId(p);
        }
    }

    private long insertVetting(Connection c, VettingRecord v, long runId, String now) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO vetting (partner_id, run_id, at, status, verdict,"
                + " rules, evidence) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, v.partnerId());
            p.setLong(2, runId);
            p.setString(3, v.at() != null ? v.at().toString() : now);
            p.setString(4, v.status());
            p.setString(5, v.verdict());
            p.setString(6, String.join(",", v.rules()));
            p.setString(7, v.evidence());
            p.executeUpdate();
            return generatedId(p);
        }
    }

    private void openDecision(Connection c, VettingRecord v, long vettingId, String now, String actor)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT id FROM decision WHERE partner_id = ? AND state = 'OPEN'")) {
            p.setString(1, v.partnerId());
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    return; // one open decision per partner; the newer vetting is in the history
                }
            }
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO decision (partner_id, vetting_id, opened_at,"
                + " verdict, state) VALUES (?, ?, ?, ?, 'OPEN')", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, v.partnerId());
            p.setLong(2, vettingId);
            p.setString(3, now);
            p.setString(4, v.verdict());
            p.executeUpdate();
            long id = generatedId(p);
            append(c, now, actor, "decision.opened", "partner:" + v.partnerId(),
                    "verdict " + v.verdict() + " (" + String.join(", ", v.rules()) + ")",
                    GSON.toJson(Map.of("decision", id, "vetting", vettingId)));
        }
    }

    @Override
    public DecisionRecord decide(String partnerId, DecisionRecord.Outcome outcome, String reason, String actor)
            throws StoreException {
        if (reason == null || reason.isBlank()) {
            throw new StoreException("a decision needs a reason (--reason …)");
        }
        DecisionRecord decided = inTransaction("record the decision", c -> {
            Long id = null;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT id FROM decision WHERE partner_id = ? AND state = 'OPEN' ORDER BY id")) {
                p.setString(1, partnerId);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                    }
                }
            }
            if (id == null) {
                return null;
            }
            String now = clock.instant().toString();
            DecisionRecord.State state = outcome == DecisionRecord.Outcome.CONFIRM ? DecisionRecord.State.CONFIRMED
                    : DecisionRecord.State.OVERRIDDEN;
            try (PreparedStatement p = c.prepareStatement("UPDATE decision SET state = ?, decided_at = ?, decided_by = ?,"
                    + " reason = ? WHERE id = ? AND state = 'OPEN'")) {
                p.setString(1, state.name());
                p.setString(2, now);
                p.setString(3, actor);
                p.setString(4, reason);
                p.setLong(5, id);
                if (p.executeUpdate() != 1) {
                    throw new SQLException("decision " + id + " was decided by someone else meanwhile", "40001");
                }
            }
            append(c, now, actor, state == DecisionRecord.State.CONFIRMED ? "decision.confirmed" : "decision.overridden",
                    "partner:" + partnerId, reason, GSON.toJson(Map.of("decision", id)));
            long decidedId = id;
            return readDecisions(c, partnerId).stream().filter(d -> d.id() == decidedId).findFirst().orElseThrow();
        });
        if (decided == null) {
            throw new StoreException("partner " + partnerId + " has no open decision");
        }
        return decided;
    }

    /** Appends one trail row after the current head, inside the caller's transaction. */
    private static void append(Connection c, String at, String actor, String action, String subject, String reason,
            String details) throws SQLException {
        long seq = 0;
        String prev = HashChain.GENESIS;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_trail ORDER BY seq DESC LIMIT 1")) {
            if (rs.next()) {
                seq = rs.getLong(1);
                prev = rs.getString(2);
            }
        }
        long next = seq + 1;
        String hash = HashChain.hash(next, at, actor, action, subject, reason, details, prev);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_trail (seq, at, actor, action, subject,"
                + " reason, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, next);
            p.setString(2, at);
            p.setString(3, actor);
            p.setString(4, action);
            p.setString(5, subject);
            p.setString(6, reason);
            p.setString(7, details);
            p.setString(8, prev);
            p.setString(9, hash);
            p.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public List<RunSummary> runs(int limit) throws StoreException {
        return read("list the runs", c -> list(c, RUN_COLUMNS + " ORDER BY id DESC LIMIT ?",
                p -> p.setInt(1, Math.max(1, limit)), JdbcStore::run));
    }

    @Override
    public Optional<RunSummary> run(long id) throws StoreException {
        return read("read run " + id, c -> readRun(c, id));
    }

    private static final String RUN_COLUMNS = "SELECT id, kind, started_at, finished_at, actor, case_path, institution,"
            + " region, as_of, engine_version, findings, report_sha256 FROM audit_run";

    private static Optional<RunSummary> readRun(Connection c, long id) throws SQLException {
        return first(c, RUN_COLUMNS + " WHERE id = ?", p -> p.setLong(1, id), JdbcStore::run);
    }

    private static RunSummary run(ResultSet rs) throws SQLException {
        return new RunSummary(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)),
                Instant.parse(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getInt(11), rs.getString(12));
    }

    @Override
    public Optional<byte[]> report(long runId) throws StoreException {
        return read("read the report of run " + runId, c -> bytes(c, "SELECT report FROM audit_run WHERE id = ?",
                p -> p.setLong(1, runId)));
    }

    @Override
    public Optional<byte[]> snapshotBody(String sha256) throws StoreException {
        return read("read snapshot " + sha256, c -> bytes(c, "SELECT body FROM snapshot_body WHERE sha256 = ?",
                p -> p.setString(1, sha256)));
    }

    @Override
    public List<PartnerRecord> partners() throws StoreException {
        return read("list the partners", c -> list(c, PARTNER_COLUMNS + " ORDER BY id", p -> { }, JdbcStore::partner));
    }

    @Override
    public Optional<PartnerRecord> partner(String id) throws StoreException {
        return read("read partner " + id, c -> readPartner(c, id));
    }

    private static final String PARTNER_COLUMNS = "SELECT id, institution, name, type, status, government_backed,"
            + " first_seen, last_seen FROM partner";

    private static Optional<PartnerRecord> readPartner(Connection c, String id) throws SQLException {
        return first(c, PARTNER_COLUMNS + " WHERE id = ?", p -> p.setString(1, id), JdbcStore::partner);
    }

    private static PartnerRecord partner(ResultSet rs) throws SQLException {
        return new PartnerRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), Instant.parse(rs.getString(7)), Instant.parse(rs.getString(8)));
    }

    private static final String SNAPSHOT_COLUMNS = "SELECT id, source_id, partner_id, run_id, fetched_at, ok, sha256,"
            + " error, items FROM schedule_snapshot";

    @Override
    public List<SnapshotRecord> snapshots(String partnerId) throws StoreException {
        return read("list the snapshots of " + partnerId, c -> list(c,
                SNAPSHOT_COLUMNS + " WHERE partner_id = ? ORDER BY id", p -> p.setString(1, partnerId),
                JdbcStore::snapshot));
    }

    @Override
    public Optional<SnapshotRecord> latestSnapshot(String sourceId) throws StoreException {
        return read("read the latest snapshot of " + sourceId, c -> first(c,
                SNAPSHOT_COLUMNS + " WHERE source_id = ? ORDER BY id DESC LIMIT 1", p -> p.setString(1, sourceId),
                JdbcStore::snapshot));
    }

    private static SnapshotRecord snapshot(ResultSet rs) throws SQLException {
        Long runId = nullableLong(rs, 4);
        List<PublishedItem> items = GSON.fromJson(rs.getString(9), ITEMS);
        return new SnapshotRecord(rs.getLong(1), rs.getString(2), rs.getString(3), runId,
                Instant.parse(rs.getString(5)), rs.getBoolean(6), rs.getString(7), rs.getString(8), items);
    }

    @Override
    public List<VettingRecord> vettings(String partnerId) throws StoreException {
        return read("list the vettings of " + partnerId, c -> readVettings(c, "partner_id = ?", p -> p.setString(1, partnerId)));
    }

    @Override
    public List<VettingRecord> vettingsOfRun(long runId) throws StoreException {
        return read("list the vettings of run " + runId, c -> readVettings(c, "run_id = ?", p -> p.setLong(1, runId)));
    }

    private static List<VettingRecord> readVettings(Connection c, String where, Binder binder) throws SQLException {
        return list(c, "SELECT id, partner_id, run_id, at, status, verdict, rules, evidence FROM vetting WHERE " + where
                + " ORDER BY id", binder, rs -> {
                    Long runId = nullableLong(rs, 3);
                    return new VettingRecord(rs.getLong(1), rs.getString(2), runId, Instant.parse(rs.getString(4)),
                            rs.getString(5), rs.getString(6), codes(rs.getString(7)), rs.getString(8));
                });
    }

    @Override
    public List<ChangeFinding> changeFindings(String partnerId) throws StoreException {
        return read("list the schedule changes of " + partnerId, c -> list(c, "SELECT id, partner_id, source_id, at,"
                + " snapshot_id, previous_snapshot_id, vetting_id, rules, changes FROM monitor_finding"
                + " WHERE partner_id = ? ORDER BY id", p -> p.setString(1, partnerId), rs -> {
                    Long previous = nullableLong(rs, 6);
                    Long vetting = nullableLong(rs, 7);
                    return new ChangeFinding(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Instant.parse(rs.getString(4)), rs.getLong(5), previous, vetting, codes(rs.getString(8)),
                            rs.getString(9));
                }));
    }

    @Override
    public List<DecisionRecord> decisions(String partnerId) throws StoreException {
        return read("list the decisions of " + partnerId, c -> readDecisions(c, partnerId));
    }

    private static List<DecisionRecord> readDecisions(Connection c, String partnerId) throws SQLException {
        return list(c, "SELECT id, partner_id, vetting_id, opened_at, verdict, state, decided_at, decided_by, reason"
                + " FROM decision WHERE partner_id = ? ORDER BY id", p -> p.setString(1, partnerId), rs -> {
                    String decidedAt = rs.getString(7);
                    return new DecisionRecord(rs.getLong(1), rs.getString(2), rs.getLong(3),
                            Instant.parse(rs.getString(4)), rs.getString(5),
                            DecisionRecord.State.valueOf(rs.getString(6)),
                            decidedAt == null ? null : Instant.parse(decidedAt), rs.getString(8), rs.getString(9));
                });
    }

    @Override
    public List<TrailEntry> trail(String subject) throws StoreException {
        String sql = "SELECT seq, at, actor, action, subject, reason, details, prev_hash, hash FROM audit_trail"
                + (subject == null ? "" : " WHERE subject = ?") + " ORDER BY seq";
        return read("read the audit trail", c -> list(c, sql, p -> {
            if (subject != null) {
                p.setString(1, subject);
            }
        }, rs -> new TrailEntry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))));
    }

    @Override
    public ChainCheck verifyChain() throws StoreException {
        return read("check the audit trail", c -> {
            long rows = 0;
            long expectedSeq = 1;
            String prev = HashChain.GENESIS;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, at, actor, action,"
                    + " subject, reason, details, prev_hash, hash FROM audit_trail ORDER BY seq")) {
                while (rs.next()) {
                    rows++;
                    long seq = rs.getLong(1);
                    if (seq != expectedSeq) {
                        return new ChainCheck(false, rows, seq, "row " + expectedSeq + " is missing (the next row is "
                                + seq + ")", prev);
                    }
                    if (!prev.equals(rs.getString(8))) {
                        return new ChainCheck(false, rows, seq,
                                "row " + seq + " does not follow row " + (seq - 1) + " (its previous hash differs)", prev);
                    }
                    String hash = HashChain.hash(seq, rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
                    if (!hash.equals(rs.getString(9))) {
                        return new ChainCheck(false, rows, seq,
                                "row " + seq + " was changed after it was written (its content does not match its hash)",
                                prev);
                    }
                    prev = hash;
                    expectedSeq++;
                }
            }
            return new ChainCheck(true, rows, null, null, prev);
        });
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement p) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Writers of this process queue here, so that only writers of other processes meet at the database lock. */
    private final java.util.concurrent.locks.ReentrantLock writeLock = new java.util.concurrent.locks.ReentrantLock(true);

    private <T> T inTransaction(String what, Work<T> work) throws StoreException {
        writeLock.lock();
        try {
            return inLockedTransaction(what, work);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T inLockedTransaction(String what, Work<T> work) throws StoreException {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = db.open()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                try {
                    // every write takes the one write lock first: trail rows are appended one writer at a time
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("SELECT id FROM write_lock WHERE id = 1 FOR UPDATE")) {
                        if (!rs.next()) {
                            throw new SQLException("the store's write lock row is missing (schema version 2)");
                        }
                    }
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                last = e;
                if (!UNIQUE_VIOLATION.equals(e.getSQLState()) && !"40001".equals(e.getSQLState())) {
                    break; // not a race with another writer: do not retry
                }
            } catch (IllegalArgumentException e) {
                throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
            }
        }
        throw new StoreException(problem("cannot " + what, last), last);
    }

    private <T> T read(String what, Work<T> work) throws StoreException {
        try (Connection c = db.open()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(problem("cannot " + what, e), e);
        }
    }

    /** Every row the query returns, in its order. */
    private static <T> List<T> list(Connection c, String sql, Binder binder, RowReader<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            binder.bind(p);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
        }
        return out;
    }

    /** The first row the query returns, if any. */
    private static <T> Optional<T> first(Connection c, String sql, Binder binder, RowReader<T> row)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            binder.bind(p);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
        }
    }

    /** A BIGINT column that may be NULL. */
    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Rule codes stored comma-separated; an empty column is no codes. */
    private static List<String> codes(String column) {
        return column.isEmpty() ? List.of() : List.of(column.split(","));
    }

    private static Optional<byte[]> bytes(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            binder.bind(p);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    private static long generatedId(PreparedStatement p) throws SQLException {
        try (ResultSet keys = p.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no generated id");
            }
            return keys.getLong(1);
        }
    }

    private static void setLong(PreparedStatement p, int index, Long value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.BIGINT);
        } else {
            p.setLong(index, value);
        }
    }

    /** One line for a user: what failed and the database's own reason, first line only. */
    private String problem(String what, SQLException e) {
        if (e == null) {
            return what + " (store " + db.describe() + ")";
        }
        String message = e.getMessage() == null ? "no reason given by the database" : e.getMessage();
        int nl = message.indexOf('\n');
        if (nl > 0) {
            message = message.substring(0, nl);
        }
        if ("90020".equals(e.getSQLState())) {
            message = "the database file is in use by another feewatch process (serve?)";
        } else if (UNIQUE_VIOLATION.equals(e.getSQLState()) || "40001".equals(e.getSQLState())) {
            message = "other writers kept changing the same records; try again";
        }
        return what + " (store " + db.describe() + "): " + message;
    }
}
