package org.feewatch.caseio.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.feewatch.caseio.CaseException;
import org.feewatch.caseio.CaseLimits;

/**
 * Extracts a .zip case safely: every entry is checked before anything is written (absolute paths,
 * {@code ..} segments, links, entry count, declared size), and the bytes actually written are
 * counted too, so a zip that lies about its sizes is stopped and its partial extraction deleted.
 */
public final class ZipCases {

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int UNIX_HOST = 3;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;
    /** Folders that archivers add beside the content; never part of a case. */
    private static final String MAC_METADATA = "__MACOSX";

    private ZipCases() {
    }

    /**
     * Extracts {@code zip} into a new folder under {@code tempParent} and returns the case folder
     * inside it: the single top-level folder when there is one, else the extraction root.
     *
     * @return {extraction root, case folder}
     */
    public static Path[] extract(Path zip, String name, Path tempParent, CaseLimits limits) throws CaseException {
        try {
            return extract(zip, name, tempParent, limits, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | CaseException notUtf8) {
            // Zips made on Chinese Windows systems name their entries in GBK without the UTF-8 flag;
            // Java's ZipFile rejects such names as "bad entry name" (a ZipException), so the
            // names are read again as GB18030 before the zip is called unreadable.
            if (notUtf8 instanceof CaseException && !(notUtf8.getCause() instanceof ZipException)) {
                throw (CaseException) notUtf8;
            }
            try {
                return extract(zip, name, tempParent, limits, java.nio.charset.Charset.forName("GB18030"));
            } catch (IllegalArgumentException e) {
                throw new CaseException(name + ": entry names are neither UTF-8 nor GB18030: refused", e);
            } catch (CaseException e) {
                if (e.getCause() instanceof ZipException && notUtf8 instanceof CaseException) {
                    throw (CaseException) notUtf8;
                }
                throw e;
            }
        }
    }

    private static Path[] extract(Path zip, String name, Path tempParent, CaseLimits limits,
            java.nio.charset.Charset charset) throws CaseException {
        List<ZipEntry> entries = new ArrayList<>();
        try (ZipFile zf = new ZipFile(zip.toFile(), charset)) {
            if (zf.size() > limits.maxEntries()) {
                throw new CaseException(name + ": " + zf.size() + " entries, more than the limit of "
                        + limits.maxEntries() + ": refused, nothing extracted");
            }
            Set<String> links = linkEntries(zip, charset);
            long declared = 0;
            Enumeration<? extends ZipEntry> en = zf.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                check(e.getName(), name, links);
                if (e.getSize() > 0) {
                    declared += e.getSize();
                }
                if (declared > limits.maxUncompressedBytes()) {
                    throw tooBig(name, limits);
                }
                if (!ignored(e.getName())) {
                    entries.add(e);
                }
            }
            if (entries.isEmpty()) {
                throw new CaseException(name + ": the zip is empty");
            }
            Path root;
            try {
                root = Files.createTempDirectory(tempParent, "feewatch-case-");
            } catch (IOException e) {
                throw new CaseException(name + ": cannot create a temporary folder to extract it ("
                        + JsonFiles.ioReason(e) + ")", e);
            }
            try {
                write(zf, entries, root, name, limits);
            } catch (CaseException | RuntimeException e) {
                Trees.deleteQuietly(root);
                throw e;
            }
            return new Path[] {root, caseFolder(root, entries)};
        } catch (ZipException e) {
            throw new CaseException(name + ": not a readable zip file", e);
        } catch (IOException e) {
            throw new CaseException(name + ": cannot be read (" + JsonFiles.ioReason(e) + ")", e);
        }
    }

    private static boolean ignored(String entryName) {
        String first = entryName.split("[/\\\\]", 2)[0];
        return first.equals(MAC_METADATA);
    }

    private static void check(String entry, String name, Set<String> links) throws CaseException {
        if (entry.startsWith("/") || entry.startsWith("\\") || entry.matches("^[A-Za-z]:.*")) {
            throw new CaseException(name + ": entry \"" + entry + "\" has an absolute path: refused, nothing extracted");
        }
        for (String segment : entry.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw new CaseException(name + ": entry \"" + entry
                        + "\" has a \"..\" segment: refused, nothing extracted");
            }
        }
        if (entry.indexOf('\0') >= 0) {
            throw new CaseException(name + ": entry \"" + entry.replace('\0', '?')
                    + "\" has a NUL character: refused, nothing extracted");
        }
        if (links.contains(entry)) {
            throw new CaseException(name + ": entry \"" + entry + "\" is a link: refused, nothing extracted");
        }
    }

    private static CaseException tooBig(String name, CaseLimits limits) {
        return new CaseException(name + ": more than " + limits.maxUncompressedBytes()
                + " bytes once uncompressed: refused, nothing extracted");
    }

    private static void write(ZipFile zf, List<ZipEntry> entries, Path root, String name, CaseLimits limits)
            throws CaseException, IOException {
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        Path normalRoot = root.toAbsolutePath().normalize();
        for (ZipEntry e : entries) {
            Path target = normalRoot.resolve(e.getName().replace('\\', '/')).normalize();
            if (!target.startsWith(normalRoot)) {
                throw new CaseException(name + ": entry \"" + e.getName()
                        + "\" would land outside the case folder: refused, nothing extracted");
            }
            if (e.isDirectory()) {
                Files.createDirectories(target);
                continue;
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = zf.getInputStream(e);
                    OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    written += n;
                    if (written > limits.maxUncompressedBytes()) {
                        throw tooBig(name, limits);
                    }
                    out.write(buffer, 0, n);
                }
            } catch (java.nio.file.FileAlreadyExistsException dup) {
                throw new CaseException(name + ": entry \"" + e.getName()
                        + "\" appears twice: refused, nothing extracted");
            }
        }
    }

    /** The single top-level folder when every entry lies in it, else the root. */
    private static Path caseFolder(Path root, List<ZipEntry> entries) {
        Set<String> tops = new LinkedHashSet<>();
        boolean caseJsonAtTop = false;
        for (ZipEntry e : entries) {
            String n = e.getName().replace('\\', '/');
            int slash = n.indexOf('/');
            if (slash < 0) {
                caseJsonAtTop |= n.equals("case.json");
            } else {
                tops.add(n.substring(0, slash));
            }
        }
        // a stray file beside the one folder (.DS_Store, a readme) does not make the root the case
        if (!caseJsonAtTop && tops.size() == 1) {
            return root.resolve(tops.iterator().next());
        }
        return root;
    }

    /**
     * The names of entries stored as symbolic links (Unix mode in the central directory's external
     * attributes), which {@link ZipFile} does not show.
     */
    static Set<String> linkEntries(Path zip, java.nio.charset.Charset charset) throws IOException {
        Set<String> links = new LinkedHashSet<>();
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 22 + 65_535 + 20);
            ByteBuffer end = read(ch, size - tail, tail);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == EOCD) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new ZipException("no end of central directory");
            }
            long cdOffset = end.getInt(eocd + 16) & 0xffffffffL;
            long cdSize = end.getInt(eocd + 12) & 0xffffffffL;
            if (eocd >= 20 && end.getInt(eocd - 20) == ZIP64_LOCATOR) {
                long z64 = end.getLong(eocd - 20 + 8);
                ByteBuffer z = read(ch, z64, 56);
                if (z.getInt(0) == ZIP64_EOCD) {
                    cdSize = z.getLong(40);
                    cdOffset = z.getLong(48);
                }
            }
            if (cdOffset + cdSize > size) {
                throw new ZipException("central directory outside the file");
            }
            long pos = cdOffset;
            long endOfCd = cdOffset + cdSize;
            while (pos + 46 <= endOfCd) {
                ByteBuffer h = read(ch, pos, 46);
                if (h.getInt(0) != CENTRAL) {
                    break;
                }
                int host = (h.getShort(4) >> 8) & 0xff;
                int nameLen = h.getShort(28) & 0xffff;
                int extraLen = h.getShort(30) & 0xffff;
                int commentLen = h.getShort(32) & 0xffff;
                long external = h.getInt(38) & 0xffffffffL;
                if (host == UNIX_HOST && ((external >>> 16) & S_IFMT) == S_IFLNK) {
                    ByteBuffer nb = read(ch, pos + 46, nameLen);
                    byte[] nameBytes = new byte[nameLen];
                    nb.get(0, nameBytes);
                    links.add(new String(nameBytes, charset));
                }
                pos += 46L + nameLen + extraLen + commentLen;
            }
        }
        return links;
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new ZipException("truncated zip");
            }
        }
        return b.flip().order(ByteOrder.LITTLE_ENDIAN);
    }
}
