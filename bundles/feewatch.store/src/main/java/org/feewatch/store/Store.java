package org.feewatch.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The store. Every write is one transaction together with its audit-trail rows: after a crash
 * either all of it is there or none of it is.
 */
@ProviderType
public interface Store {

    /**
     * Records an audit, a vetting or a monitoring pass: the run and its report, the partners, the
     * schedule readings, the vettings, any change that introduced a breach, and a decision opened
     * for each terminate or reject verdict that has none open.
     *
     * @throws StoreException when it cannot be written (nothing of it is then kept)
     */
    RunSummary record(AuditRecord record) throws StoreException;

    /** The latest runs first. */
    List<RunSummary> runs(int limit) throws StoreException;

    Optional<RunSummary> run(long id) throws StoreException;

    /** The report of a run, as it was written. */
    Optional<byte[]> report(long runId) throws StoreException;

    List<PartnerRecord> partners() throws StoreException;

    Optional<PartnerRecord> partner(String id) throws StoreException;

    /** Every reading of the partner's schedules, oldest first. */
    List<SnapshotRecord> snapshots(String partnerId) throws StoreException;

    /** The latest reading of a schedule source, or empty when it was never read. */
    Optional<SnapshotRecord> latestSnapshot(String sourceId) throws StoreException;

    /** A schedule body by its sha256. */
    Optional<byte[]> snapshotBody(String sha256) throws StoreException;

    /** Every vetting of the partner, oldest first. */
    List<VettingRecord> vettings(String partnerId) throws StoreException;

    /** The vettings a run recorded, in partner order. */
    List<VettingRecord> vettingsOfRun(long runId) throws StoreException;

    /** Changes to the partner's schedules that introduced a breach, oldest first. */
    List<ChangeFinding> changeFindings(String partnerId) throws StoreException;

    /** The partner's decisions, oldest first. */
    List<DecisionRecord> decisions(String partnerId) throws StoreException;

    /**
     * Confirms or overrides the partner's open decision.
     *
     * @throws StoreException when the partner has no open decision, or the write fails
     */
    DecisionRecord decide(String partnerId, DecisionRecord.Outcome outcome, String reason, String actor)
            throws StoreException;

    /** Audit-trail rows whose subject is {@code subject} (e.g. {@code partner:P02}), or all when null. */
    List<TrailEntry> trail(String subject) throws StoreException;

    /** Recomputes the trail's hash chain from its first row. */
    ChainCheck verifyChain() throws StoreException;

    /** What the store is (database and location, without credentials), for messages. */
    String describe();

    // ---- values

    /** What one run wrote. */
    record AuditRecord(String kind, Instant startedAt, Instant finishedAt, String actor, String casePath,
            String institution, String region, String asOf, String engineVersion, int findings, byte[] report,
            List<PartnerRecord> partners, List<ScheduleReading> readings, List<VettingRecord> vettings,
            List<ScheduleChange> changes) {
        public static final String AUDIT = "audit";
        public static final String VET = "vet";
        public static final String MONITOR = "monitor";

        public AuditRecord {
            partners = partners == null ? List.of() : List.copyOf(partners);
            readings = readings == null ? List.of() : List.copyOf(readings);
            vettings = vettings == null ? List.of() : List.copyOf(vettings);
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    record RunSummary(long id, String kind, Instant startedAt, Instant finishedAt, String actor, String casePath,
            String institution, String region, String asOf, String engineVersion, int findings, String reportSha256) {
    }

    record PartnerRecord(String id, String institution, String name, String type, String status,
            boolean governmentBacked, Instant firstSeen, Instant lastSeen) {
    }

    /** An item of a schedule as published, enough to tell what changed between two readings. */
    record PublishedItem(String name, String category, String price) {
    }

    /** One reading of a schedule to record; {@code body} is null when it failed. */
    record ScheduleReading(String sourceId, String partnerId, String location, Instant fetchedAt, boolean ok,
            String sha256, String error, List<PublishedItem> items, byte[] body) {
        public ScheduleReading {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    record SnapshotRecord(long id, String sourceId, String partnerId, Long runId, Instant fetchedAt, boolean ok,
            String sha256, String error, List<PublishedItem> items) {
        public SnapshotRecord {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * One partner's vetting; {@code evidence} is the vetting JSON (feewatch.vetting/1) of that
     * partner. id and runId are 0 / null until recorded.
     */
    record VettingRecord(long id, String partnerId, Long runId, Instant at, String status, String verdict,
            List<String> rules, String evidence) {
        public VettingRecord {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /** A change to a schedule that introduced a breach, to record with the reading it was seen in. */
    record ScheduleChange(String sourceId, String partnerId, Long previousSnapshotId, List<String> rules,
            String changes) {
        public ScheduleChange {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    record ChangeFinding(long id, String partnerId, String sourceId, Instant at, long snapshotId,
            Long previousSnapshotId, Long vettingId, List<String> rules, String changes) {
        public ChangeFinding {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    record DecisionRecord(long id, String partnerId, long vettingId, Instant openedAt, String verdict, State state,
            Instant decidedAt, String decidedBy, String reason) {
        public enum State { OPEN, CONFIRMED, OVERRIDDEN }

        public enum Outcome { CONFIRM, OVERRIDE }
    }

    record TrailEntry(long seq, Instant at, String actor, String action, String subject, String reason,
            String details, String prevHash, String hash) {
    }

    /** The chain's state: intact, or the first row that does not fit and why. */
    record ChainCheck(boolean intact, long rows, Long firstBadSeq, String problem, String headHash) {
    }
}
