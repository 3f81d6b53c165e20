package org.feewatch.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.feewatch.api.Action;
import org.feewatch.api.Evidence;
import org.feewatch.api.Finding;
import org.feewatch.api.Severity;
import org.feewatch.api.Subject;
import org.feewatch.api.SubjectType;
import org.feewatch.api.spi.FindingRenderer;

/**
 * Reads back the findings the JSON report writer rendered (objects joined by commas, with any
 * white space between tokens), so that an audit that rendered its loans' findings need not keep
 * them in a second form to give them back as objects. Only the members a finding is written with
 * are understood; anything else is an error naming the byte where it stood.
 */
public final class FindingJsonReader implements FindingRenderer.Reader {

    @Override
    public Iterator<Finding> read(InputStream rendered, int count) {
        Parser p = new Parser(rendered);
        return new Iterator<>() {
            private int read;

            @Override
            public boolean hasNext() {
                return read < count;
            }

            @Override
            public Finding next() {
                if (read >= count) {
                    throw new NoSuchElementException();
                }
                try {
                    if (read > 0) {
                        p.expect(',');
                    }
                    Finding f = p.finding();
                    read++;
                    return f;
                } catch (IOException e) {
                    throw new UncheckedIOException("finding " + (read + 1) + " could not be read back: "
                            + e.getMessage(), e);
                } catch (IllegalArgumentException e) {
                    // an unknown severity, subject type or action
                    throw new UncheckedIOException("finding " + (read + 1) + " could not be read back: "
                            + e.getMessage(), new IOException(e));
                }
            }
        };
    }

    private static final Map<String, Severity> SEVERITIES = byWire(Severity.values(), Severity::wireName);
    private static final Map<String, SubjectType> SUBJECT_TYPES = byWire(SubjectType.values(), SubjectType::wireName);
    private static final Map<String, Action> ACTIONS = byWire(Action.values(), Action::wireName);

    private static <E> Map<String, E> byWire(E[] constants, java.util.function.Function<E, String> wire) {
        Map<String, E> out = new java.util.HashMap<>();
        for (E e : constants) {
            out.put(wire.apply(e), e);
        }
        return out;
    }

    /** The constant written as {@code word}; one that is not there as {@code fromWire} refuses it. */
    private static <E> E wire(Map<String, E> constants, String word, java.util.function.Function<String, E> fromWire) {
        E e = word == null ? null : constants.get(word);
        return e != null ? e : fromWire.apply(word);
    }

    /** A pull parser of the JSON the report writer writes for findings. */
    private static final class Parser {
        private final InputStream in;
        private byte[] buf = new byte[1 << 16];
        private int pos;
        private int end;
        /** Bytes dropped from the front of the buffer so far, to name where a problem stood. */
        private long dropped;

        Parser(InputStream in) {
            this.in = in;
        }

        Finding finding() throws IOException {
            String rule = null;
            Severity severity = null;
            SubjectType type = null;
            String id = null;
            String title = null;
            List<Evidence> evidence = List.of();
            Map<String, String> metrics = Map.of();
            List<String> citations = List.of();
            Action action = null;
            expect('{');
            if (!closes('}')) {
                do {
                    String name = name();
                    switch (name) {
                        case "rule" -> rule = string(true);
                        case "severity" -> severity = wire(SEVERITIES, string(true), Severity::fromWire);
                        case "subject" -> {
                            expect('{');
                            if (!closes('}')) {
                                do {
                                    String member = name();
                                    switch (member) {
                                        case "type" -> type = wire(SUBJECT_TYPES, string(true), SubjectType::fromWire);
                                        case "id" -> id = string(false);
                                        default -> throw problem("an unknown subject member \"" + member + "\"");
                                    }
                                } while (more('}'));
                            }
                        }
                        case "title" -> title = string(false);
                        case "evidence" -> evidence = evidence();
                        case "metrics" -> metrics = metrics();
                        case "citations" -> citations = strings();
                        case "action" -> action = wire(ACTIONS, string(true), Action::fromWire);
                        default -> throw problem("an unknown finding member \"" + name + "\"");
                    }
                } while (more('}'));
            }
            if (type == null) {
                throw problem("a finding without a subject type");
            }
            return new Finding(rule, severity, new Subject(type, id), title, evidence, metrics, citations, action);
        }

        private List<Evidence> evidence() throws IOException {
            List<Evidence> out = new ArrayList<>(2);
            expect('[');
            if (closes(']')) {
                return out;
            }
            do {
                String source = null;
                String locator = null;
                String text = null;
                String sha256 = null;
                expect('{');
                if (!closes('}')) {
                    do {
                        String name = name();
                        switch (name) {
                            case "source" -> source = string(true);
                            case "locator" -> locator = string(false);
                            case "text" -> text = string(false);
                            case "sha256" -> sha256 = string(true);
                            default -> throw problem("an unknown evidence member \"" + name + "\"");
                        }
                    } while (more('}'));
                }
                out.add(new Evidence(source, locator, text, sha256));
            } while (more(']'));
            return out;
        }

        private Map<String, String> metrics() throws IOException {
            Map<String, String> out = new LinkedHashMap<>();
            expect('{');
            if (closes('}')) {
                return out;
            }
            do {
                String name = name();
                out.put(name, string(false));
            } while (more('}'));
            return out;
        }

        private List<String> strings() throws IOException {
            List<String> out = new ArrayList<>(2);
            expect('[');
            if (closes(']')) {
                return out;
            }
            do {
                out.add(string(true));
            } while (more(']'));
            return out;
        }

        /** A member's name and the colon after it. */
        private String name() throws IOException {
            String name = string(true);
            if (name == null) {
                throw problem("a member without a name");
            }
            expect(':');
            return name;
        }

        /** True (and past it) when the next token is {@code bracket}: an empty object or array. */
        private boolean closes(char bracket) throws IOException {
            if (peek() == bracket) {
                pos++;
                return true;
            }
            return false;
        }

        /** After a member or element: true past a comma, false past {@code bracket}. */
        private boolean more(char bracket) throws IOException {
            int c = peek();
            pos++;
            if (c == ',') {
                return true;
            }
            if (c == bracket) {
                return false;
            }
            pos--;
            throw problem("'" + (char) c + "' where ',' or '" + bracket + "' belongs");
        }

        void expect(char c) throws IOException {
            int b = peek();
            if (b != c) {
                throw problem((b < 0 ? "the end" : "'" + (char) b + "'") + " where '" + c + "' belongs");
            }
            pos++;
        }

        /** The next byte that is not white space, not consumed; -1 at the end. */
        private int peek() throws IOException {
            while (true) {
                if (pos == end && !fill(pos)) {
                    return -1;
                }
                byte b = buf[pos];
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    return b;
                }
                pos++;
            }
        }

        /**
         * Recently read strings that recur (names, codes, sources, hashes, citations, enum words)
         * and their bytes, by a hash of a few of the bytes: found again by comparing bytes, which
         * costs less than decoding them into a new string.
         */
        private static final int CACHE_SIZE = 256;
        private static final int CACHE_MAX_LENGTH = 256;
        private final byte[][] cachedBytes = new byte[CACHE_SIZE][];
        private final String[] cachedStrings = new String[CACHE_SIZE];

        /** A string {@code recurring} or not, decoded from bytes without escapes at {@code start}. */
        private String decoded(int start, int len, boolean recurring) {
            if (!recurring || len == 0 || len > CACHE_MAX_LENGTH) {
                return new String(buf, start, len, StandardCharsets.UTF_8);
            }
            byte[] b = buf;
            int slot = (len * 31 + b[start]) * 31 + b[start + len / 2];
            slot = (slot * 31 + b[start + len - 1]) & (CACHE_SIZE - 1);
            byte[] k = cachedBytes[slot];
            if (k != null && k.length == len) {
                int i = 0;
                while (i < len && k[i] == b[start + i]) {
                    i++;
                }
                if (i == len) {
                    return cachedStrings[slot];
                }
            }
            String s = new String(b, start, len, StandardCharsets.UTF_8);
            cachedBytes[slot] = java.util.Arrays.copyOfRange(b, start, start + len);
            cachedStrings[slot] = s;
            return s;
        }

        /** A quoted string, or null for {@code null}; {@code recurring}: see {@link #decoded}. */
        private String string(boolean recurring) throws IOException {
            int c = peek();
            if (c == 'n') {
                for (char k : "null".toCharArray()) {
                    expect(k);
                }
                return null;
            }
            expect('"');
            int start = pos;
            int i = pos;
            StringBuilder escaped = null;
            while (true) {
                if (i == end) {
                    // the string so far moves to the front of the buffer (pos is at its start)
                    int shift = start;
                    if (!fill(start)) {
                        throw problem("a string that does not end");
                    }
                    i -= shift;
                    start = 0;
                    continue;
                }
                byte b = buf[i];
                if (b == '"') {
                    pos = i + 1;
                    if (escaped == null) {
                        return decoded(start, i - start, recurring);
                    }
                    return escaped.append(new String(buf, start, i - start, StandardCharsets.UTF_8)).toString();
                }
                if (b == '\\') {
                    if (escaped == null) {
                        escaped = new StringBuilder();
                    }
                    escaped.append(new String(buf, start, i - start, StandardCharsets.UTF_8));
                    pos = i + 1;
                    escaped.append(escape());
                    start = pos;
                    i = pos;
                    continue;
                }
                i++;
            }
        }

        /** The character of the escape after a backslash. */
        private char escape() throws IOException {
            int c = next();
            return switch (c) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '/' -> '/';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> {
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(next(), 16);
                        if (d < 0) {
                            throw problem("a \\u escape without four hex digits");
                        }
                        v = v * 16 + d;
                    }
                    yield (char) v;
                }
                default -> throw problem("an unknown escape");
            };
        }

        private int next() throws IOException {
            if (pos == end && !fill(pos)) {
                throw problem("the end inside a string");
            }
            return buf[pos++];
        }

        /**
         * Reads more, keeping the bytes from {@code keep} on (moved to the front, the buffer grown
         * when they fill it); false at the end of the stream. {@code pos} moves with the bytes.
         */
        private boolean fill(int keep) throws IOException {
            int kept = end - keep;
            if (keep > 0) {
                System.arraycopy(buf, keep, buf, 0, kept);
                dropped += keep;
                pos -= keep;
                end = kept;
            }
            if (end == buf.length) {
                buf = java.util.Arrays.copyOf(buf, 2 * buf.length);
            }
            int r = in.read(buf, end, buf.length - end);
            if (r <= 0) {
                return false;
            }
            end += r;
            return true;
        }

        private IOException problem(String what) {
            return new IOException(what + " at byte " + (dropped + pos));
        }
    }
}
