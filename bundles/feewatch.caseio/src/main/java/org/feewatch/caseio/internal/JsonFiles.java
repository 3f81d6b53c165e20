package org.feewatch.caseio.internal;

import org.feewatch.api.text.TextEncodings;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
            throw new CaseException(name + ": not valid UTF-8 text" + (TextEncodings.looksLikeGb18030(bytes, start, bytes.length)
                    ? " (it looks like GBK/GB18030, as Chinese Windows editors save by default: save it as UTF-8)"
                    : ""));
        }
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
