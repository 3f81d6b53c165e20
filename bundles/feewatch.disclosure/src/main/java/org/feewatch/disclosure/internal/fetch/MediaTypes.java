package org.feewatch.disclosure.internal.fetch;

import java.util.Locale;
import java.util.Map;

/** Media types from headers, file names and the first bytes of a body. */
final class MediaTypes {

    static final String HTML = "text/html";
    static final String PDF = "application/pdf";
    /** Types servers give files to download, PDFs among them; their bytes tell what they are. */
    static final java.util.Set<String> DOWNLOAD = java.util.Set.of("application/octet-stream", "application/x-download",
            "application/force-download", "application/download", "binary/octet-stream", "application/x-pdf");

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", HTML), Map.entry("htm", HTML), Map.entry("shtml", HTML),
            Map.entry("xhtml", "application/xhtml+xml"), Map.entry("xht", "application/xhtml+xml"),
            Map.entry("pdf", "application/pdf"), Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("zip", "application/zip"), Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"), Map.entry("json", "application/json"));

    private MediaTypes() {
    }

    /** The media type of a Content-Type value, lower case, without parameters. */
    static String of(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi >= 0 ? contentType.substring(0, semi) : contentType).strip().toLowerCase(Locale.ROOT);
    }

    /** The media type its extension gives a file name, or null when the extension says nothing. */
    static String forFileName(String name) {
        int dot = name.lastIndexOf('.');
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (dot <= slash + 1) {
            return null;
        }
        return BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The type a body's first bytes show for formats that are surely not a page, or null. */
    static String sniff(byte[] b) {
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return PDF;
        }
        if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) {
            return "application/zip";
        }
        if (startsWith(b, 0x89, 0x50, 0x4E, 0x47)) {
            return "image/png";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(b, 0x47, 0x49, 0x46, 0x38)) {
            return "image/gif";
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "application/msword";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
