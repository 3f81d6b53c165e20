package org.feewatch.caseio.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.feewatch.caseio.CaseException;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/** Strict reading of a case's JSON files (UTF-8, an optional byte-order mark, nothing after the value). */
public final class JsonFiles {

    private static final Pattern WHERE = Pattern.compile("(.*?) at line (\\d+) column (\\d+) path (\\S+)");

    private JsonFiles() {
    }

    /**
     * Parses {@code file}; {@code name} is how messages call it (case.json). Any problem is a
     * {@link CaseException}; use {@link #parseOrNull} where it is only a warning.
     */
    public static JsonElement parse(Path file, String name) throws CaseException {
        String text;
        try {
            text = decode(Files.readAllBytes(file), name);
        } catch (IOException e) {
            throw new CaseException(name + ": cannot be read (" + ioReason(e) + ")", e);
        }
        return parseText(text, name);
    }

    static String decode(byte[] bytes, String name) throws CaseException {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new CaseException(name + ": not valid UTF-8 text" + (looksLikeGb18030(bytes, start, bytes.length)
                    ? " (it looks like GBK/GB18030, as Chinese Windows editors save by default: save it as UTF-8)"
                    : ""));
        }
    }

    /**
     * True when bytes that are not UTF-8 read as GB18030 (which covers GBK and GB2312) without error and
     * their invalid UTF-8 (two bytes at least) outnumbers their valid multi-byte UTF-8: Chinese text saved in a Windows
     * code page, not a UTF-8 file with a damaged spot. The same test as the loan book's
     * (feewatch.loanbook BookCharset.looksLikeGb18030); the bundles share no code, so it is repeated.
     */
    static boolean looksLikeGb18030(byte[] b, int start, int end) {
        int validMultiByte = 0;
        int invalid = 0;
        int i = start;
        while (i < end) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int len = utf8SequenceLength(b, i, end);
            if (len > 0) {
                validMultiByte++;
                i += len;
            } else {
                invalid++;
                i++;
            }
        }
        // one stray byte is no evidence of an encoding: a GBK character is usually two invalid bytes
        if (invalid < 2 || invalid <= validMultiByte) {
            return false;
        }
        try {
            Charset.forName("GB18030").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, start, end - start));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Length of the valid UTF-8 sequence at {@code i}, or -1 (no overlong forms, no surrogates). */
    private static int utf8SequenceLength(byte[] b, int i, int end) {
        int c = b[i] & 0xff;
        int need;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            min = 0x10000;
        } else {
            return -1;
        }
        int cp = c & (0x3F >> need);
        for (int k = 1; k <= need; k++) {
            if (i + k >= end || (b[i + k] & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        return cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? -1 : need + 1;
    }

    public static JsonElement parseText(String text, String name) throws CaseException {
        if (text.isBlank()) {
            throw new CaseException(name + ": empty file, expected JSON");
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            boolean more;
            try {
                more = reader.peek() != JsonToken.END_DOCUMENT;
            } catch (IOException | JsonParseException | IllegalStateException e) {
                more = true;
            }
            if (more) {
                throw new CaseException(name + ": not valid JSON: more text after the end of the JSON value");
            }
            return root;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new CaseException(name + ": not valid JSON" + describe(e), e);
        }
    }

    /** Gson's message without its troubleshooting link, as "at line 3, column 5 ($.x): unterminated object". */
    private static String describe(Exception e) {
        Throwable t = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String m = t.getMessage();
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        Matcher w = WHERE.matcher(m);
        if (w.find()) {
            String what = w.group(1).trim();
            if (what.contains("JsonReader") || what.contains("Strictness") || what.contains("enient")) {
                // Gson's advice names its own classes; users get the plain fact
                what = "not allowed in strict JSON";
            }
            what = what.isEmpty() ? what : Character.toLowerCase(what.charAt(0)) + what.substring(1);
            return " at line " + w.group(2) + ", column " + w.group(3) + " (" + w.group(4) + "): " + what;
        }
        return ": " + (m.contains("JsonReader") || m.contains("Strictness") ? "not allowed in strict JSON" : m);
    }

    static String ioReason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? "read error" : e.getMessage();
    }
}
