package org.feewatch.store.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.feewatch.store.Store;
import org.feewatch.store.Store.PartnerRecord;
import org.feewatch.store.Store.SnapshotRecord;
import org.feewatch.store.Store.VettingRecord;
import org.feewatch.store.StoreException;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializer;

/**
 * A partner's evidence package as a zip ({@code partners export ID}): the partner, every vetting
 * with its evidence, every schedule reading with the bodies as fetched, the changes that introduced
 * a breach, the decisions, the partner's audit-trail rows with the chain check, and a manifest with
 * the sha256 of every file, so that the package can be handed over and checked on its own.
 */
public final class EvidenceExport {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .registerTypeAdapter(java.time.Instant.class,
                    (JsonSerializer<java.time.Instant>) (src, t, ctx) -> new JsonPrimitive(src.toString()))
            .create();

    private EvidenceExport() {
    }

    /** Writes the package; returns the names of the files in it. */
    public static List<String> write(Store store, String partnerId, OutputStream out) throws StoreException, IOException {
        PartnerRecord partner = store.partner(partnerId)
                .orElseThrow(() -> new StoreException("partner " + partnerId + " is not in the store"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("partner.json", json(partner));
        List<VettingRecord> vettings = store.vettings(partnerId);
        for (VettingRecord v : vettings) {
            files.put("vettings/vetting-" + v.id() + ".json", v.evidence().getBytes(StandardCharsets.UTF_8));
        }
        files.put("vettings.json", json(vettings.stream().map(v -> Map.of("id", v.id(), "run",
                v.runId() == null ? "" : v.runId(), "at", v.at().toString(), "status", v.status(), "verdict",
                v.verdict(), "rules", v.rules(), "file", "vettings/vetting-" + v.id() + ".json")).toList()));
        List<SnapshotRecord> snapshots = store.snapshots(partnerId);
        files.put("schedules.json", json(snapshots));
        Set<String> bodies = new LinkedHashSet<>();
        for (SnapshotRecord s : snapshots) {
            if (s.sha256() != null && bodies.add(s.sha256())) {
                Optional<byte[]> body = store.snapshotBody(s.sha256());
                body.ifPresent(b -> files.put("schedules/" + s.sha256() + ".html", b));
            }
        }
        files.put("changes.json", json(store.changeFindings(partnerId)));
        files.put("decisions.json", json(store.decisions(partnerId)));
        files.put("trail.json", json(store.trail("partner:" + partnerId)));
        files.put("chain-check.json", json(store.verifyChain()));
        files.put("README.txt", readme(partner).getBytes(StandardCharsets.UTF_8));
        Map<String, String> manifest = new LinkedHashMap<>();
        files.forEach((name, bytes) -> manifest.put(name, Migrations.sha256(bytes)));
        files.put("manifest.json", json(manifest));

        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                zip.putNextEntry(e);
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return List.copyOf(files.keySet());
    }

    private static String readme(PartnerRecord p) {
        return "Evidence package of partner " + p.id() + (p.name() == null ? "" : " " + p.name()) + "\n\n"
                + "partner.json       the partner as last seen\n"
                + "vettings.json      every vetting (verdict, rules broken); vettings/ holds each one's evidence\n"
                + "schedules.json     every reading of its fee schedules; schedules/ holds each body as fetched,\n"
                + "                   named by its sha256\n"
                + "changes.json       schedule changes that introduced a breach\n"
                + "decisions.json     decisions opened by terminate or reject verdicts, and how they were decided\n"
                + "trail.json         the partner's audit-trail rows (who, when, what, why), with their hashes\n"
                + "chain-check.json   the whole audit trail's hash-chain check when this package was made\n"
                + "manifest.json      the sha256 of every other file\n";
    }

    private static byte[] json(Object o) {
        return (GSON.toJson(o) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
