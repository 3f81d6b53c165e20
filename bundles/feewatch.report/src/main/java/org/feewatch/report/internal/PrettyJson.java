package org.feewatch.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A streaming JSON writer producing exactly the UTF-8 bytes of Gson's {@code JsonWriter} text with
 * a two-space indent and HTML-safe escaping off (so reports stay byte for byte what they were),
 * without its per-call bookkeeping and without a character encoder: a report of a million findings
 * makes tens of millions of calls. Strings are encoded with {@link String#getBytes} (a lone
 * surrogate becomes {@code ?}, as an {@code OutputStreamWriter} writes it) and copied in runs
 * between the characters JSON escapes. Only what the report writer needs: objects, arrays, names,
 * strings (null written as {@code null}) and longs.
 */
public final class PrettyJson {

    private static final int MAX_DEPTH = 64;
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] NAME_SEPARATOR = {':', ' '};
    /** Written between two elements of an array, before the next one's line break. */
    private static final byte ELEMENT_SEPARATOR = ',';
    /** A line break and the indent of each depth. */
    private static final byte[][] NEWLINES = new byte[MAX_DEPTH + 1][];

    static {
        for (int d = 0; d <= MAX_DEPTH; d++) {
            byte[] b = new byte[1 + 2 * d];
            java.util.Arrays.fill(b, (byte) ' ');
            b[0] = '\n';
            NEWLINES[d] = b;
        }
    }

    private final OutputStream out;
    private final byte[] buf;
    private int n;
    /** Per open scope: 0 empty object, 1 non-empty object, 2 empty array, 3 non-empty array. */
    private final int[] scopes = new int[MAX_DEPTH];
    private int depth;
    private boolean afterName;

    public PrettyJson(OutputStream out) {
        this(out, 1 << 16);
    }

    public PrettyJson(OutputStream out, int bufferSize) {
        this.out = out;
        this.buf = new byte[Math.max(bufferSize, 64)];
    }

    /**
     * A writer of the elements of an array that another writer has open at {@code depth} (the
     * array's own level, counting from 1), {@code first} when none was written yet: what it writes
     * is exactly what that writer would write for the same elements, so element runs can be
     * rendered on other threads and copied in with {@link #elements}.
     */
    public static PrettyJson arrayElements(OutputStream out, int depth, boolean first) {
        PrettyJson j = new PrettyJson(out, 1 << 14);
        for (int d = 0; d < depth - 1; d++) {
            j.scopes[d] = 1;
        }
        j.scopes[depth - 1] = first ? 2 : 3;
        j.depth = depth;
        return j;
    }

    /**
     * A writer of the further members of an object that another writer has open at {@code depth}
     * (the object's own level, counting from 1) and that has members already, for the bytes of
     * members written ahead (see {@link FindingJson}).
     */
    static PrettyJson objectMembers(OutputStream out, int depth) {
        PrettyJson j = new PrettyJson(out, 1 << 10);
        for (int d = 0; d < depth; d++) {
            j.scopes[d] = 1;
        }
        j.depth = depth;
        return j;
    }

    /**
     * Starts an array element that the caller writes as bytes ({@link #bytes(byte[])},
     * {@link #stringOrNull}, {@link #recurringString}), the line break and indent before it
     * included: writes the separator when the array has elements already.
     */
    void beginRawElement() throws IOException {
        if (depth == 0 || (scopes[depth - 1] != 2 && scopes[depth - 1] != 3) || afterName) {
            throw new IllegalStateException("an element outside an array");
        }
        if (scopes[depth - 1] == 3) {
            put(ELEMENT_SEPARATOR);
        }
        scopes[depth - 1] = 3;
    }

    /** Bytes written as they are, for an element begun with {@link #beginRawElement}. */
    void bytes(byte[] b) throws IOException {
        bytes(b, 0, b.length);
    }

    /** A string quoted and escaped, or {@code null}, for an element begun with {@link #beginRawElement}. */
    void stringOrNull(String s) throws IOException {
        if (s == null) {
            bytes(NULL, 0, NULL.length);
        } else {
            string(s);
        }
    }

    /** As {@link #stringOrNull} for a string that recurs (see {@link #recurringValue}). */
    void recurringString(String s) throws IOException {
        if (s == null) {
            bytes(NULL, 0, NULL.length);
        } else {
            recurring(s);
        }
    }

    /** What this writer writes between two array elements (before the second one's line break). */
    public static byte[] elementSeparator() {
        return new byte[] {ELEMENT_SEPARATOR};
    }

    /**
     * For an {@link #arrayElements} writer between elements: the next element is written as the
     * array's first (no separator before it), so that one writer renders elements one by one.
     */
    public void nextElementFirst() {
        if (depth == 0 || (scopes[depth - 1] != 2 && scopes[depth - 1] != 3) || afterName) {
            throw new IllegalStateException("not between array elements");
        }
        scopes[depth - 1] = 2;
    }

    /**
     * Copies in at least one array element rendered elsewhere at this writer's depth: what the
     * returned stream is given must start as an {@link #arrayElements} writer's first element
     * ({@code first} true) and join further ones with {@link #elementSeparator()}. The separator
     * before it is written here when the array has elements already.
     */
    public OutputStream renderedElements() throws IOException {
        if (depth == 0 || (scopes[depth - 1] != 2 && scopes[depth - 1] != 3) || afterName) {
            throw new IllegalStateException("elements outside an array");
        }
        if (scopes[depth - 1] == 3) {
            put(ELEMENT_SEPARATOR);
        }
        scopes[depth - 1] = 3;
        return raw;
    }

    /** Bytes written as they are, through this writer's buffer. */
    private final OutputStream raw = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            put(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            bytes(b, off, len);
        }
    };

    /** The depth of the innermost open object or array (1 inside the document's object). */
    public int depth() {
        return depth;
    }

    /** Copies in array elements rendered by an {@link #arrayElements} writer at this writer's depth. */
    public void elements(byte[] rendered, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        if (scopes[depth - 1] != 2 && scopes[depth - 1] != 3) {
            throw new IllegalStateException("elements outside an array");
        }
        bytes(rendered, off, len);
        scopes[depth - 1] = 3;
    }

    public PrettyJson beginObject() throws IOException {
        beforeValue();
        push(0);
        put('{');
        return this;
    }

    public PrettyJson endObject() throws IOException {
        return close('}');
    }

    public PrettyJson beginArray() throws IOException {
        beforeValue();
        push(2);
        put('[');
        return this;
    }

    public PrettyJson endArray() throws IOException {
        return close(']');
    }

    public PrettyJson name(String name) throws IOException {
        beforeName();
        recurring(name);
        bytes(NAME_SEPARATOR, 0, 2);
        afterName = true;
        return this;
    }

    /** As {@link #name(String)}, with the bytes encoded once. */
    public PrettyJson name(Name name) throws IOException {
        if (depth > Name.DEPTHS) {
            beforeName();
            bytes(name.bytes, 0, name.bytes.length);
        } else {
            // the separator, line break, indent and name in one copy
            int s = scopes[depth - 1];
            scopes[depth - 1] = 1;
            byte[] b = (s == 1 ? name.afterMember : name.first)[depth];
            bytes(b, 0, b.length);
        }
        afterName = true;
        return this;
    }

    private void beforeName() throws IOException {
        int s = scopes[depth - 1];
        if (s == 1) {
            put(',');
        }
        scopes[depth - 1] = 1;
        newline();
    }

    /**
     * A name encoded once (quoted, escaped and followed by the name separator), for the names a
     * writer writes over and over.
     */
    public static final class Name {
        /** The depths up to which the name is kept with what goes before it. */
        static final int DEPTHS = 16;
        final byte[] bytes;
        /** By depth: the line break, indent and name of an object's first member. */
        final byte[][] first = new byte[DEPTHS + 1][];
        /** By depth: the same after another member (with the separator before). */
        final byte[][] afterMember = new byte[DEPTHS + 1][];

        public Name(String name) {
            bytes = concat(quoted(name), NAME_SEPARATOR);
            for (int d = 1; d <= DEPTHS; d++) {
                first[d] = concat(NEWLINES[d], bytes);
                afterMember[d] = concat(new byte[] {','}, first[d]);
            }
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }
    }

    /** As {@link #value(String)}, with the bytes encoded once. */
    public PrettyJson value(Text value) throws IOException {
        beforeValue();
        bytes(value.bytes, 0, value.bytes.length);
        return this;
    }

    /** A string value encoded once (quoted and escaped), for the few values a writer writes over and over. */
    public static final class Text {
        final byte[] bytes;

        public Text(String value) {
            bytes = quoted(value);
        }
    }

    /** {@code s} quoted and escaped as {@link #value(String)} writes it, for the strings encoded once. */
    private static byte[] quoted(String s) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        PrettyJson j = new PrettyJson(b);
        try {
            j.string(s);
            j.drain();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /**
     * As {@link #value(String)} for a value that recurs (a rule code, a citation, a source): its
     * bytes are looked up in a small cache of this writer's recent such strings, and encoded only
     * when missing. Values that seldom recur are better written with {@link #value(String)}: each
     * miss costs a cache entry.
     */
    public PrettyJson recurringValue(String value) throws IOException {
        beforeValue();
        if (value == null) {
            bytes(NULL, 0, NULL.length);
        } else {
            recurring(value);
        }
        return this;
    }

    /**
     * Recently written recurring strings and their quoted, escaped bytes, by hash code in pairs of
     * slots (two strings that share a slot both stay; a third replaces one, which costs only a
     * new encoding).
     */
    private static final int CACHE_SIZE = 256;
    private static final int CACHE_MAX_LENGTH = 128;
    private final String[] cachedStrings = new String[CACHE_SIZE];
    private final byte[][] cachedBytes = new byte[CACHE_SIZE][];

    private void recurring(String s) throws IOException {
        int slot = s.hashCode() & (CACHE_SIZE - 2);
        String k = cachedStrings[slot];
        if (k == s || (k != null && k.equals(s))) {
            byte[] e = cachedBytes[slot];
            bytes(e, 0, e.length);
            return;
        }
        k = cachedStrings[slot + 1];
        if (k == s || (k != null && k.equals(s))) {
            byte[] e = cachedBytes[slot + 1];
            bytes(e, 0, e.length);
            return;
        }
        int most = 6 * s.length() + 2;
        if (s.length() > CACHE_MAX_LENGTH || most > buf.length) {
            string(s);
            return;
        }
        if (most > buf.length - n) {
            drain();
        }
        // room is made for the whole string, so its bytes are in the buffer in one piece
        int start = n;
        string(s);
        if (cachedStrings[slot] != null && cachedStrings[slot + 1] == null) {
            slot++;
        }
        cachedBytes[slot] = java.util.Arrays.copyOfRange(buf, start, n);
        cachedStrings[slot] = s;
    }

    public PrettyJson value(String value) throws IOException {
        beforeValue();
        if (value == null) {
            bytes(NULL, 0, NULL.length);
        } else {
            string(value);
        }
        return this;
    }

    public PrettyJson value(long value) throws IOException {
        beforeValue();
        byte[] b = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
        bytes(b, 0, b.length);
        return this;
    }

    /** Writes a raw byte (a line break after the document, for example). */
    public void raw(int b) throws IOException {
        put(b);
    }

    private void push(int scope) {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException("JSON nested too deep");
        }
        scopes[depth++] = scope;
    }

    private PrettyJson close(char bracket) throws IOException {
        int s = scopes[--depth];
        if (s == 1 || s == 3) {
            newline();
        }
        put(bracket);
        return this;
    }

    private void beforeValue() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) {
            return;
        }
        if (scopes[depth - 1] == 3) {
            put(ELEMENT_SEPARATOR);
        }
        scopes[depth - 1] = 3;
        newline();
    }

    private void newline() throws IOException {
        byte[] b = NEWLINES[depth];
        bytes(b, 0, b.length);
    }

    /** Strings up to this long are tried as plain ASCII first (see {@link #string}). */
    private static final int SHORT_STRING = 16;

    /**
     * A quoted string escaped as Gson does without HTML-safe escaping. A short string (an id, an
     * amount, a line number) is copied character by character while they are ASCII that needs no
     * escape, which spares the array {@link String#getBytes} makes; any other character sends it
     * the long way.
     */
    private void string(String s) throws IOException {
        int len = s.length();
        if (len <= SHORT_STRING) {
            if (len + 2 > buf.length - n) {
                drain();
            }
            byte[] b = buf;
            int p = n;
            b[p++] = '"';
            boolean[] may = MAY_ESCAPE;
            int i = 0;
            for (; i < len; i++) {
                char c = s.charAt(i);
                if (c >= 0x80 || may[c]) {
                    break;
                }
                b[p++] = (byte) c;
            }
            if (i == len) {
                b[p++] = '"';
                n = p;
                return;
            }
            // not plain ASCII: what was copied is written again below
        }
        encodedString(s);
    }

    /** {@link #string} through the string's UTF-8 bytes, copied in runs between the bytes JSON escapes. */
    private void encodedString(String s) throws IOException {
        put('"');
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int len = b.length;
        int last = 0;
        boolean[] may = MAY_ESCAPE;
        int i = 0;
        while (i < len) {
            // most bytes need nothing: eight table look-ups and one branch pass eight of them (C1
            // neither unrolls the loop nor compiles a chain of compares into less than it says)
            int end = len;
            if (i + 8 <= len) {
                if (!(may[b[i] & 0xFF] | may[b[i + 1] & 0xFF] | may[b[i + 2] & 0xFF] | may[b[i + 3] & 0xFF]
                        | may[b[i + 4] & 0xFF] | may[b[i + 5] & 0xFF] | may[b[i + 6] & 0xFF]
                        | may[b[i + 7] & 0xFF])) {
                    i += 8;
                    continue;
                }
                end = i + 8;
            }
            // byte by byte up to the end of those eight (or a little past it, after an escaped U+2028)
            for (; i < end; i++) {
                if (!may[b[i] & 0xFF]) {
                    continue;
                }
                int x = b[i];
                byte[] replacement;
                if (x >= 0 && x < 0x20) {
                    replacement = CONTROL[x];
                } else if (x == '"') {
                    replacement = QUOTE;
                } else if (x == '\\') {
                    replacement = BACKSLASH;
                } else if (x == (byte) 0xE2 && i + 2 < len && b[i + 1] == (byte) 0x80
                        && (b[i + 2] == (byte) 0xA8 || b[i + 2] == (byte) 0xA9)) {
                    // U+2028 and U+2029, escaped by Gson because JavaScript treats them as line ends
                    replacement = b[i + 2] == (byte) 0xA8 ? LINE_SEPARATOR : PARAGRAPH_SEPARATOR;
                    bytes(b, last, i - last);
                    bytes(replacement, 0, replacement.length);
                    i += 2;
                    last = i + 1;
                    continue;
                } else {
                    continue;
                }
                bytes(b, last, i - last);
                bytes(replacement, 0, replacement.length);
                last = i + 1;
            }
        }
        bytes(b, last, len - last);
        put('"');
    }

    private static final byte[] QUOTE = ascii("\\\"");
    private static final byte[] BACKSLASH = ascii("\\\\");
    private static final byte[] LINE_SEPARATOR = ascii("\\u2028");
    private static final byte[] PARAGRAPH_SEPARATOR = ascii("\\u2029");
    private static final byte[][] CONTROL = new byte[0x20][];
    /** The bytes that may start an escape: controls, quote, backslash, and 0xE2 (U+2028/U+2029's first byte). */
    private static final boolean[] MAY_ESCAPE = new boolean[256];

    static {
        for (int c = 0; c < 0x20; c++) {
            MAY_ESCAPE[c] = true;
        }
        MAY_ESCAPE['"'] = true;
        MAY_ESCAPE['\\'] = true;
        MAY_ESCAPE[0xE2] = true;
    }

    static {
        for (int c = 0; c < 0x20; c++) {
            CONTROL[c] = ascii(switch (c) {
                case '\t' -> "\\t";
                case '\b' -> "\\b";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\f' -> "\\f";
                default -> String.format("\\u%04x", c);
            });
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private void put(int b) throws IOException {
        if (n == buf.length) {
            drain();
        }
        buf[n++] = (byte) b;
    }

    private void bytes(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - n) {
            drain();
            if (len > buf.length) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, n, len);
        n += len;
    }

    private void drain() throws IOException {
        if (n > 0) {
            out.write(buf, 0, n);
            n = 0;
        }
    }

    /** Writes out what is buffered and flushes the stream. */
    public void flush() throws IOException {
        drain();
        out.flush();
    }
}
