package org.feewatch.disclosure.internal.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.feewatch.api.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSnapshotStoreTest {

    @TempDir
    Path dir;

    private static Snapshot snapshot(String sourceId, byte[] body, String charset) {
        return new Snapshot(sourceId, "https://bank.example/fees.html", null, "text/html", charset, "meta",
                Instant.parse("2026-11-27T10:00:00Z"), body, null);
    }

    @Test
    void bodyIsStoredUnderItsSha256InATwoDigitFolder() throws IOException {
        FileSnapshotStore store = new FileSnapshotStore(dir);
        byte[] body = "<p>贷款承诺费 不收费</p>".getBytes(StandardCharsets.UTF_8);
        String sha = store.put(snapshot("bank-catalog", body, "UTF-8"));
        assertEquals(FileSnapshotStore.sha256(body), sha);
        assertArrayEquals(body, Files.readAllBytes(dir.resolve(sha.substring(0, 2)).resolve(sha)));
    }

    @Test
    void snapshotReadsBackExactlyAsItWasRead() throws IOException {
        FileSnapshotStore store = new FileSnapshotStore(dir);
        Charset gbk = Charset.forName("GBK");
        byte[] body = "<p>担保费 年化1.5%</p>".getBytes(gbk);
        String sha = store.put(snapshot("p01-schedule", body, "GB18030"));

        Snapshot back = store.get(sha).orElseThrow();
        assertArrayEquals(body, back.body());
        assertEquals("<p>担保费 年化1.5%</p>", back.text());
        assertEquals(sha, back.sha256());
        assertEquals("p01-schedule", back.sourceId());
        assertEquals("https://bank.example/fees.html", back.location());
        assertEquals("GB18030", back.charset());
        assertEquals("meta", back.charsetOrigin());
        assertEquals("text/html", back.contentType());
        assertEquals(Instant.parse("2026-11-27T10:00:00Z"), back.fetchedAt());
    }

    @Test
    void sameContentIsStoredOnceAndKeepsItsFirstRecord() throws IOException {
        FileSnapshotStore store = new FileSnapshotStore(dir);
        byte[] body = "<p>same</p>".getBytes(StandardCharsets.UTF_8);
        String first = store.put(snapshot("first", body, "UTF-8"));
        String second = store.put(snapshot("second", body.clone(), "UTF-8"));
        assertEquals(first, second);
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertEquals(2, regular.size(), "one body and one metadata file, no temporary files: " + regular);
        }
        assertEquals("first", store.get(first).orElseThrow().sourceId());
    }

    @Test
    void unknownHashIsEmpty() throws IOException {
        FileSnapshotStore store = new FileSnapshotStore(dir);
        assertTrue(store.get("0".repeat(64)).isEmpty());
    }

    @Test
    void somethingThatIsNotAHashNeverReachesTheFileSystem() throws IOException {
        FileSnapshotStore store = new FileSnapshotStore(dir.resolve("snapshots"));
        Files.writeString(dir.resolve("secret"), "x");
        assertTrue(store.get("../secret").isEmpty());
        assertTrue(store.get("..").isEmpty());
        assertTrue(store.get(null).isEmpty());
    }

    @Test
    void damagedSnapshotIsReportedNotServed() throws IOException {
        FileSnapshotStore store = new FileSnapshotStore(dir);
        String sha = store.put(snapshot("s", "<p>original</p>".getBytes(StandardCharsets.UTF_8), "UTF-8"));
        Files.writeString(dir.resolve(sha.substring(0, 2)).resolve(sha), "<p>altered</p>");
        IOException e = assertThrows(IOException.class, () -> store.get(sha));
        assertEquals("snapshot " + sha + " is damaged: its content no longer matches its hash", e.getMessage());
    }

    @Test
    void upperCaseHashFindsTheSnapshot() throws IOException {
        FileSnapshotStore store = new FileSnapshotStore(dir);
        String sha = store.put(snapshot("s", "<p>x</p>".getBytes(StandardCharsets.UTF_8), "UTF-8"));
        assertTrue(store.get(sha.toUpperCase(java.util.Locale.ROOT)).isPresent());
    }
}
