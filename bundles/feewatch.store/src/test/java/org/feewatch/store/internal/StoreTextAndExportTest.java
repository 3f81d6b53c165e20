package org.feewatch.store.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.feewatch.store.Store.DecisionRecord;
import org.feewatch.store.Store.RunSummary;
import org.feewatch.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

class StoreTextAndExportTest {

    @TempDir
    Path dir;
    private JdbcStore store;
    private RunSummary run;

    @BeforeEach
    void open() throws Exception {
        store = new JdbcStore(JdbcStoreFactory.h2Url(dir.resolve("store")), "", "", StoreContract.CLOCK);
        run = store.record(StoreContract.audit("alice", "terminate"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void runsAreListedNewestFirstAndShownWithTheirPartnerVerdicts() throws Exception {
        RunSummary second = store.record(StoreContract.audit("bob", "approve"));
        String list = StoreText.runs(store.runs(20));
        assertTrue(list.indexOf("\n" + second.id() + " ") < list.indexOf("\n" + run.id() + " "), list);
        assertTrue(list.contains("audit"), list);
        String show = StoreText.run(second, store.vettingsOfRun(second.id()));
        assertTrue(show.contains("  by           bob\n"), show);
        assertTrue(show.contains("P02      active       approve"), show);
        assertTrue(show.contains("P03      prospective  reject       PART-003"), show);
        assertEquals("No runs recorded yet.\n", StoreText.runs(List.of()));
    }

    @Test
    void aPartnersHistoryTellsVettingsReadingsDecisionsAndTrail() throws Exception {
        store.decide("P02", DecisionRecord.Outcome.CONFIRM, "committee minute 2026-11", "carol");
        String h = StoreText.partnerHistory(store, "P02");
        assertTrue(h.startsWith("Partner P02 链融科技有限公司 (loan-facilitation, active), institution BCRCB\n"), h);
        assertTrue(h.contains("terminate    PART-001, PART-004"), h);
        assertTrue(h.contains(": confirmed " + StoreContract.T0 + " by carol: committee minute 2026-11"), h);
        assertTrue(h.contains("decision.confirmed"), h);
        assertTrue(h.contains("rows verify"), h);
        String p03 = StoreText.partnerHistory(store, "P03");
        assertTrue(p03.contains("p03-schedule     FAILED: HTTP 404"), p03);
        StoreException e = assertThrows(StoreException.class, () -> StoreText.partnerHistory(store, "P99"));
        assertTrue(e.getMessage().contains("P99 is not in the store"));
    }

    @Test
    void theExportHoldsTheEvidenceTheBodiesAsFetchedAndAManifestOfHashes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EvidenceExport.write(store, "P01", out);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                files.put(e.getName(), zip.readAllBytes());
            }
        }
        byte[] body = StoreContract.audit("x", "approve").readings().get(0).body();
        assertArrayEquals(body, files.get("schedules/" + Migrations.sha256(body) + ".html"));
        var manifest = JsonParser.parseString(new String(files.get("manifest.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (!f.getKey().equals("manifest.json")) {
                assertEquals(Migrations.sha256(f.getValue()), manifest.get(f.getKey()).getAsString(), f.getKey());
            }
        }
        assertTrue(new String(files.get("chain-check.json"), StandardCharsets.UTF_8).contains("\"intact\": true"));
        assertTrue(files.containsKey("decisions.json"));
    }
}
