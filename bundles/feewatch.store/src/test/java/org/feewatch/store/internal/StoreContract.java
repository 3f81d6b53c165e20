package org.feewatch.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.feewatch.store.Store;
import org.feewatch.store.Store.AuditRecord;
import org.feewatch.store.Store.ChainCheck;
import org.feewatch.store.Store.DecisionRecord;
import org.feewatch.store.Store.PartnerRecord;
import org.feewatch.store.Store.PublishedItem;
import org.feewatch.store.Store.RunSummary;
import org.feewatch.store.Store.ScheduleReading;
import org.feewatch.store.Store.VettingRecord;
import org.feewatch.store.StoreException;
import org.junit.jupiter.api.Test;

/** What every store database must do; run on H2 always and on PostgreSQL when one is reachable. */
abstract class StoreContract {

    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    /** A new, empty store. */
    abstract JdbcStore open() throws Exception;

    /** A connection to the same database, to tamper with it as an attacker with SQL access would. */
    abstract Connection raw() throws Exception;

    static AuditRecord audit(String actor, String p02Verdict) {
        byte[] report = "{\"schema\":\"feewatch.report/1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] p01Body = "<table><tr><td>担保费</td><td>年担保费率0.8%</td></tr></table>".getBytes(StandardCharsets.UTF_8);
        return new AuditRecord(AuditRecord.AUDIT, T0.minusSeconds(5), T0, actor, "cases/demo", "BCRCB", "CN-BJ",
                "2023-12-31", "1.0.0", 12, report,
                List.of(new PartnerRecord("P01", "BCRCB", "北辰融资担保有限公司", "guarantee", "active", true, null, null),
                        new PartnerRecord("P02", "BCRCB", "链融科技有限公司", "loan-facilitation", "active", false, null,
                                null),
                        new PartnerRecord("P03", "BCRCB", "安泰财产保险", "insurance", "prospective", false, null, null)),
                List.of(new ScheduleReading("p01-schedule", "P01", "pages/p01-fees.html", T0, true,
                        Migrations.sha256(p01Body), null, List.of(new PublishedItem("担保费", "guarantee-fee", "年担保费率0.8%")),
                        p01Body),
                        new ScheduleReading("p03-schedule", "P03", "http://127.0.0.1:9/p03", T0, false, null, "HTTP 404",
                                List.of(), null)),
                List.of(new VettingRecord(0, "P01", null, T0, "active", "approve", List.of(), "{}"),
                        new VettingRecord(0, "P02", null, T0, "active", p02Verdict, List.of("PART-001", "PART-004"),
                                "{\"partners\":[{\"id\":\"P02\"}]}"),
                        new VettingRecord(0, "P03", null, T0, "prospective", "reject", List.of("PART-003"), "{}")),
                List.of());
    }

    @Test
    void anAuditIsRecordedWithItsReportPartnersSnapshotsAndVettings() throws Exception {
        JdbcStore store = open();
        RunSummary run = store.record(audit("alice", "terminate"));
        assertEquals(List.of(run), store.runs(10));
        assertEquals(12, run.findings());
        assertEquals("alice", run.actor());
        assertArrayEquals(audit("x", "terminate").report(), store.report(run.id()).orElseThrow());
        assertEquals(List.of("P01", "P02", "P03"), store.partners().stream().map(PartnerRecord::id).toList());
        Store.SnapshotRecord p01 = store.latestSnapshot("p01-schedule").orElseThrow();
        assertTrue(p01.ok());
        assertEquals("担保费", p01.items().get(0).name());
        assertEquals(Long.valueOf(run.id()), p01.runId());
        assertArrayEquals(audit("x", "terminate").readings().get(0).body(),
                store.snapshotBody(p01.sha256()).orElseThrow());
        Store.SnapshotRecord p03 = store.latestSnapshot("p03-schedule").orElseThrow();
        assertFalse(p03.ok());
        assertEquals("HTTP 404", p03.error());
        assertNull(p03.sha256());
        assertEquals(List.of("PART-001", "PART-004"), store.vettings("P02").get(0).rules());
    }

    @Test
    void aTerminateOrRejectVerdictOpensOneDecisionWithItsEvidence() throws Exception {
        JdbcStore store = open();
        store.record(audit("alice", "terminate"));
        store.record(audit("alice", "terminate"));
        List<DecisionRecord> p02 = store.decisions("P02");
        assertEquals(1, p02.size(), "a second audit with the same verdict does not open a second decision");
        assertEquals(DecisionRecord.State.OPEN, p02.get(0).state());
        assertEquals("terminate", p02.get(0).verdict());
        assertEquals(store.vettings("P02").get(0).id(), p02.get(0).vettingId());
        assertEquals(1, store.decisions("P03").size());
        assertTrue(store.decisions("P01").isEmpty());
    }

    @Test
    void aDecisionIsConfirmedOrOverriddenOnceWithWhoWhenAndWhy() throws Exception {
        JdbcStore store = open();
        store.record(audit("alice", "terminate"));
        DecisionRecord d = store.decide("P02", DecisionRecord.Outcome.OVERRIDE, "fees refunded, schedule corrected", "bob");
        assertEquals(DecisionRecord.State.OVERRIDDEN, d.state());
        assertEquals("bob", d.decidedBy());
        assertEquals("fees refunded, schedule corrected", d.reason());
        StoreException again = assertThrows(StoreException.class,
                () -> store.decide("P02", DecisionRecord.Outcome.CONFIRM, "again", "bob"));
        assertEquals("partner P02 has no open decision", again.getMessage());
        StoreException noReason = assertThrows(StoreException.class,
                () -> store.decide("P03", DecisionRecord.Outcome.CONFIRM, " ", "bob"));
        assertTrue(noReason.getMessage().contains("needs a reason"));
        Store.TrailEntry last = store.trail("partner:P02").get(store.trail("partner:P02").size() - 1);
        assertEquals("decision.overridden", last.action());
        assertEquals("bob", last.actor());
        assertEquals("fees refunded, schedule corrected", last.reason());
    }

    @Test
    void theTrailIsAnIntactChainAfterManyWrites() throws Exception {
        JdbcStore store = open();
        store.record(audit("alice", "terminate"));
        store.decide("P02", DecisionRecord.Outcome.CONFIRM, "confirmed by the committee", "carol");
        store.record(audit("alice", "approve"));
        ChainCheck check = store.verifyChain();
        assertTrue(check.intact(), check.problem());
        assertEquals(store.trail(null).size(), check.rows());
        assertTrue(check.rows() > 10);
    }

    @Test
    void anEditedTrailRowIsDetected() throws Exception {
        JdbcStore store = open();
        store.record(audit("alice", "terminate"));
        store.decide("P02", DecisionRecord.Outcome.OVERRIDE, "the partner refunded every fee", "bob");
        long seq = store.trail("partner:P02").stream().filter(e -> e.action().equals("decision.overridden"))
                .findFirst().orElseThrow().seq();
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_trail SET actor = 'mallory' WHERE seq = " + seq);
        }
        ChainCheck check = store.verifyChain();
        assertFalse(check.intact());
        assertEquals(Long.valueOf(seq), check.firstBadSeq());
        assertTrue(check.problem().contains("was changed"), check.problem());
    }

    @Test
    void anEditedRowWhoseHashWasRecomputedBreaksTheNextRow() throws Exception {
        JdbcStore store = open();
        store.record(audit("alice", "terminate"));
        List<Store.TrailEntry> rows = store.trail(null);
        Store.TrailEntry victim = rows.get(2);
        String forged = HashChain.hash(victim.seq(), victim.at().toString(), "mallory", victim.action(),
                victim.subject(), victim.reason(), victim.details(), victim.prevHash());
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_trail SET actor = 'mallory', hash = '" + forged + "' WHERE seq = "
                    + victim.seq());
        }
        ChainCheck check = store.verifyChain();
        assertFalse(check.intact());
        assertEquals(Long.valueOf(victim.seq() + 1), check.firstBadSeq());
    }

    @Test
    void aDeletedTrailRowIsDetected() throws Exception {
        JdbcStore store = open();
        store.record(audit("alice", "terminate"));
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_trail WHERE seq = 3");
        }
        ChainCheck check = store.verifyChain();
        assertFalse(check.intact());
        assertTrue(check.problem().contains("row 3 is missing"), check.problem());
    }

    @Test
    void aWriteThatFailsHalfWayLeavesNothingBehind() throws Exception {
        JdbcStore store = open();
        store.record(audit("alice", "approve"));
        long trailRows = store.trail(null).size();
        AuditRecord good = audit("alice", "terminate");
        // a change for a source that was not read in this run fails after the run row was inserted
        AuditRecord broken = new AuditRecord(good.kind(), good.startedAt(), good.finishedAt(), good.actor(),
                good.casePath(), good.institution(), good.region(), good.asOf(), good.engineVersion(), good.findings(),
                good.report(), good.partners(), good.readings(), good.vettings(),
                List.of(new Store.ScheduleChange("p99-schedule", "P02", null, List.of("PART-004"), "[]")));
        StoreException e = assertThrows(StoreException.class, () -> store.record(broken));
        assertTrue(e.getMessage().contains("p99-schedule"), e.getMessage());
        assertEquals(1, store.runs(10).size());
        assertEquals(trailRows, store.trail(null).size());
        assertTrue(store.decisions("P02").isEmpty());
        assertTrue(store.verifyChain().intact());
    }

    @Test
    void writersRacingForTheTrailsNextRowAllLandAndTheChainHolds() throws Exception {
        JdbcStore store = open();
        int writers = 4;
        int each = 5;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String actor = "writer" + w;
                // a store object each, as separate processes would have: they meet at the database's write lock
                JdbcStore own = open();
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        own.record(audit(actor, "approve"));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(writers * each, store.runs(1000).size());
        ChainCheck check = store.verifyChain();
        assertTrue(check.intact(), check.problem());
        assertEquals(store.trail(null).size(), check.rows());
    }

    @Test
    void reopeningAppliesNoMigrationTwice() throws Exception {
        JdbcStore store = open();
        store.record(audit("alice", "approve"));
        try (Connection c = raw()) {
            assertEquals(List.of(), Migrations.migrate(c, Dialect.of(c.getMetaData().getURL()), Migrations.bundled(),
                    CLOCK));
        }
        assertEquals(1, store.runs(10).size());
    }

    @Test
    void aChangedMigrationIsRefused() throws Exception {
        open();
        Migrations.Migration v1 = Migrations.bundled().get(0);
        Migrations.Migration edited = new Migrations.Migration(v1.version(), v1.name(), v1.sql() + "\n-- edited",
                Migrations.sha256(v1.sql() + "\n-- edited"));
        try (Connection c = raw()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Migrations.migrate(c, Dialect.of(c.getMetaData().getURL()), List.of(edited), CLOCK));
            assertTrue(e.getMessage().contains("was changed after it was applied"));
        }
    }
}
