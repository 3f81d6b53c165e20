package org.feewatch.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.feewatch.store.Store;
import org.feewatch.store.Store.DecisionRecord;
import org.feewatch.store.Store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability on the default database (an H2 file): a real child JVM writes to the store and is
 * killed with SIGKILL in the middle of a write; the store is then opened again. Nothing committed may
 * be lost, nothing half-written may appear, and the audit trail must still verify.
 */
class StoreDurabilityTest {

    @TempDir
    Path dir;

    private String url() {
        return JdbcStoreFactory.h2Url(dir.resolve("store"));
    }

    private static final class Child implements AutoCloseable {
        final Process process;
        final BufferedReader out;
        final List<String> committed = new ArrayList<>();

        Child(String... args) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(StoreWriterMain.class.getName());
            command.addAll(List.of(args));
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Reads until the child starts write number {@code n} (counting from 1), then kills it at once. */
        void killDuringWrite(int n) throws Exception {
            int started = 0;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    committed.add(line.substring("committed ".length()));
                } else if (line.startsWith("writing ") && ++started == n) {
                    process.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
                    process.waitFor();
                    return;
                }
            }
            throw new AssertionError("the child stopped before write " + n + " (exit " + process.waitFor() + ")");
        }

        @Override
        public void close() throws Exception {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Test
    void killedDuringAnAuditWriteTheStoreKeepsEveryCommittedRunAndNoPartialOne() throws Exception {
        Set<String> committed = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            try (Child child = new Child("audit", url())) {
                child.killDuringWrite(3);
                committed.addAll(child.committed);
            }
            JdbcStore store = new JdbcStore(url(), "", "", Clock.systemUTC());
            List<RunSummary> runs = store.runs(1000);
            Set<String> ids = new HashSet<>();
            for (RunSummary run : runs) {
                ids.add(Long.toString(run.id()));
                // every run that is there is whole: its report as written, its vettings, its decisions
                byte[] report = store.report(run.id()).orElseThrow();
                assertEquals(StoreWriterMain.REPORT_BYTES, report.length);
                assertEquals(run.reportSha256(), Migrations.sha256(report));
                assertTrue(store.trail("run:" + run.id()).size() == 1, "run " + run.id() + " has its trail row");
            }
            assertTrue(ids.containsAll(committed), "committed runs " + committed + " all survive; found " + ids);
            // at most the one write in flight may have committed without saying so
            assertTrue(runs.size() <= committed.size() + round + 1, runs.size() + " runs for " + committed.size());
            long vettings = store.vettings("P02").size();
            assertEquals(runs.size(), vettings, "one P02 vetting per run, never a vetting without its run");
            Store.ChainCheck check = store.verifyChain();
            assertTrue(check.intact(), check.problem());
            store.close();
        }
    }

    @Test
    void killedDuringADecisionWriteEachDecisionIsEitherOpenOrDecidedWithItsTrailRow() throws Exception {
        int partners = 40;
        JdbcStore setup = new JdbcStore(url(), "", "", Clock.systemUTC());
        setup.record(StoreWriterMain.manyPartners(partners));
        setup.close();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= partners; i++) {
            ids.add("Q" + i);
        }
        Set<String> committed = new HashSet<>();
        int from = 0;
        for (int round = 0; round < 3; round++) {
            List<String> args = new ArrayList<>(List.of("decide", url()));
            args.addAll(ids.subList(from, ids.size()));
            try (Child child = new Child(args.toArray(String[]::new))) {
                child.killDuringWrite(5);
                committed.addAll(child.committed);
            }
            JdbcStore store = new JdbcStore(url(), "", "", Clock.systemUTC());
            int decided = 0;
            for (String id : ids) {
                List<DecisionRecord> d = store.decisions(id);
                assertEquals(1, d.size(), id);
                boolean confirmed = d.get(0).state() == DecisionRecord.State.CONFIRMED;
                boolean trailed = store.trail("partner:" + id).stream()
                        .anyMatch(e -> e.action().equals("decision.confirmed"));
                assertEquals(confirmed, trailed, id + ": the decision and its trail row are written together");
                if (committed.contains(id)) {
                    assertTrue(confirmed, id + " was committed and must survive");
                }
                if (confirmed) {
                    decided++;
                }
            }
            assertTrue(store.verifyChain().intact(), store.verifyChain().problem());
            store.close();
            from = decided; // the next child goes on with the partners still open
        }
        assertTrue(committed.size() >= 12, "the children committed " + committed.size() + " decisions");
    }
}
