package org.feewatch.disclosure.internal.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.feewatch.api.spi.SourceException;
import org.feewatch.disclosure.internal.pdf.PdfPages;

/**
 * Reads {@code file} sources. The file is relative to the case folder and must, after every link
 * is followed, lie inside it; anything else fails before a byte is read.
 */
final class CaseFiles {

    /** A file's bytes and its case-relative name with forward slashes. */
    record CaseFile(String location, byte[] bytes) {
    }

    private CaseFiles() {
    }

    static CaseFile read(Path caseDir, String file, long maxBytes) throws SourceException {
        if (file == null || file.isBlank()) {
            throw new SourceException("file is empty");
        }
        Path relative;
        try {
            // a case written on Windows names its files with backslashes (pages\catalog.html)
            relative = Path.of(file.replace('\\', '/'));
        } catch (InvalidPathException e) {
            throw new SourceException("file name is not valid");
        }
        if (relative.isAbsolute() || relative.getRoot() != null) {
            throw new SourceException("file escapes the case folder");
        }
        if (caseDir == null) {
            throw new SourceException("no case folder to read the file from");
        }
        Path root;
        try {
            root = caseDir.toRealPath();
        } catch (IOException e) {
            throw new SourceException("case folder cannot be read");
        }
        Path lexical = root.resolve(relative).normalize();
        if (!lexical.startsWith(root) || lexical.equals(root)) {
            throw new SourceException("file escapes the case folder");
        }
        Path real;
        try {
            real = lexical.toRealPath();
        } catch (NoSuchFileException e) {
            throw new SourceException("file not found");
        } catch (IOException e) {
            throw new SourceException("file cannot be read");
        }
        if (!real.startsWith(root)) {
            throw new SourceException("file escapes the case folder");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new SourceException("not a regular file");
        }
        String location = root.relativize(lexical).toString().replace('\\', '/');
        String type = MediaTypes.forFileName(location);
        try {
            if (Files.size(real) > maxBytes) {
                throw new SourceException("body over " + Units.bytes(maxBytes));
            }
            // opened without following links, so a link swapped in after the check is not followed
            try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new SourceException("body over " + Units.bytes(maxBytes));
                }
                return new CaseFile(location, bytes);
            }
        } catch (IOException e) {
            throw new SourceException("file cannot be read");
        }
    }

    /** The media type of a case file: a PDF by its first bytes, else its extension's, else what its bytes show, else a page. */
    static String mediaType(CaseFile f) {
        if (PdfPages.startsAsPdf(f.bytes())) {
            return PdfPages.MEDIA_TYPE; // whatever its name says
        }
        String byName = MediaTypes.forFileName(f.location());
        if (byName != null) {
            return byName;
        }
        String sniffed = MediaTypes.sniff(f.bytes());
        return sniffed != null ? sniffed : MediaTypes.HTML;
    }
}
