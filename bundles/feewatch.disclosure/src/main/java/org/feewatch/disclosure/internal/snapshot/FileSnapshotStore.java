package org.feewatch.disclosure.internal.snapshot;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import org.feewatch.api.Snapshot;
import org.feewatch.api.spi.SnapshotStore;
import org.feewatch.disclosure.internal.encoding.CharsetNames;
import org.feewatch.disclosure.internal.encoding.PageDecoder;
import org.feewatch.disclosure.internal.pdf.PdfPages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Snapshots as files: the body under {@code snapshots/ab/<sha256>} (ab = the hash's first two
 * digits, so no folder grows too large) and what is known about it (where it was read, its content
 * type and charset) beside it in {@code <sha256>.meta}. Files are written to a temporary name and
 * moved into place, so a reader never sees half a snapshot; content already stored is not written
 * again, and its first metadata is kept.
 */
@Component(service = SnapshotStore.class, configurationPid = SnapshotStoreConfig.PID)
@Designate(ocd = SnapshotStoreConfig.class)
public class FileSnapshotStore implements SnapshotStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    @Activate
    public FileSnapshotStore(SnapshotStoreConfig config) {
        this(Path.of(config.data_dir()).resolve("snapshots"));
    }

    /** A store whose snapshots live directly under {@code root}. */
    public FileSnapshotStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The sha256 of {@code bytes}, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String put(Snapshot snapshot) throws IOException {
        byte[] body = snapshot.body() == null ? new byte[0] : snapshot.body();
        String sha = sha256(body);
        Path dir = root.resolve(sha.substring(0, 2));
        Files.createDirectories(dir);
        Path meta = dir.resolve(sha + ".meta");
        if (!Files.exists(meta)) {
            writeAtomically(meta, metadata(snapshot));
        }
        Path file = dir.resolve(sha);
        if (!Files.exists(file)) {
            writeAtomically(file, body);
        }
        return sha;
    }

    @Override
    public Optional<Snapshot> get(String sha256) throws IOException {
        if (sha256 == null) {
            return Optional.empty();
        }
        String sha = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha).matches()) {
            return Optional.empty();
        }
        Path dir = root.resolve(sha.substring(0, 2));
        byte[] body;
        try {
            body = Files.readAllBytes(dir.resolve(sha));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!sha256(body).equals(sha)) {
            throw new IOException("snapshot " + sha + " is damaged: its content no longer matches its hash");
        }
        Properties p = new Properties();
        Path meta = dir.resolve(sha + ".meta");
        if (Files.exists(meta)) {
            try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        String contentType = p.getProperty("contentType");
        Optional<Charset> recorded = CharsetNames.lookup(p.getProperty("charset"));
        String text;
        String charset;
        String origin;
        if (contentType != null && contentType.startsWith(PdfPages.MEDIA_TYPE)) {
            text = null; // a PDF has no charset: its text is rebuilt from its pages when it is read
            charset = null;
            origin = null;
        } else if (recorded.isPresent()) {
            text = stripBom(new String(body, recorded.get()));
            charset = recorded.get().name();
            origin = p.getProperty("charsetOrigin");
        } else {
            var decoded = PageDecoder.decode(body, contentType, null);
            text = decoded.text();
            charset = decoded.charset();
            origin = decoded.origin();
        }
        return Optional.of(new Snapshot(p.getProperty("sourceId"), p.getProperty("location"), sha, contentType,
                charset, origin, instant(p.getProperty("fetchedAt")), body, text));
    }

    private static byte[] metadata(Snapshot s) throws IOException {
        Properties p = new Properties();
        putIfSet(p, "sourceId", s.sourceId());
        putIfSet(p, "location", s.location());
        putIfSet(p, "contentType", s.contentType());
        putIfSet(p, "charset", s.charset());
        putIfSet(p, "charsetOrigin", s.charsetOrigin());
        putIfSet(p, "fetchedAt", s.fetchedAt() == null ? null : s.fetchedAt().toString());
        var out = new java.io.ByteArrayOutputStream();
        try (Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            p.store(w, null);
        }
        return out.toByteArray();
    }

    private static void putIfSet(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
