package org.feewatch.report.internal;

import java.io.IOException;
import java.io.Writer;

/**
 * A streaming JSON writer producing exactly the text of Gson's {@code JsonWriter} with a two-space
 * indent and HTML-safe escaping off (so reports stay byte for byte what they were), without its
 * per-call bookkeeping: a report of a million findings makes tens of millions of calls. Only what
 * the report writer needs: objects, arrays, names, strings (null written as {@code null}) and longs.
 */
public final class PrettyJson {

    private static final int MAX_DEPTH = 64;

    private final Writer out;
    /** Per open scope: 0 empty object, 1 non-empty object, 2 empty array, 3 non-empty array. */
    private final int[] scopes = new int[MAX_DEPTH];
    private int depth;
    private boolean afterName;
    private char[] chars = new char[256];

    public PrettyJson(Writer out) {
        this.out = out;
    }

    public PrettyJson beginObject() throws IOException {
        beforeValue();
        push(0);
        out.write('{');
        return this;
    }

    public PrettyJson endObject() throws IOException {
        return close('}');
    }

    public PrettyJson beginArray() throws IOException {
        beforeValue();
        push(2);
        out.write('[');
        return this;
    }

    public PrettyJson endArray() throws IOException {
        return close(']');
    }

    public PrettyJson name(String name) throws IOException {
        int s = scopes[depth - 1];
        if (s == 1) {
            out.write(',');
        }
        scopes[depth - 1] = 1;
        newline();
        string(name);
        out.write(": ");
        afterName = true;
        return this;
    }

    public PrettyJson value(String value) throws IOException {
        beforeValue();
        if (value == null) {
            out.write("null");
        } else {
            string(value);
        }
        return this;
    }

    public PrettyJson value(long value) throws IOException {
        beforeValue();
        out.write(Long.toString(value));
        return this;
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
        out.write(bracket);
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
            out.write(',');
        }
        scopes[depth - 1] = 3;
        newline();
    }

    private void newline() throws IOException {
        out.write('\n');
        for (int i = 0; i < depth; i++) {
            out.write("  ");
        }
    }

    /** A quoted string escaped as Gson does without HTML-safe escaping. */
    private void string(String s) throws IOException {
        out.write('"');
        int n = s.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        // one bulk copy, then a scan of the array: cheaper than a bounds-checked charAt per character
        s.getChars(0, n, chars, 0);
        char[] c = chars;
        int last = 0;
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            String replacement;
            if (ch < 0x20) {
                replacement = switch (ch) {
                    case '\t' -> "\\t";
                    case '\b' -> "\\b";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\f' -> "\\f";
                    default -> String.format("\\u%04x", (int) ch);
                };
            } else if (ch == '"') {
                replacement = "\\\"";
            } else if (ch == '\\') {
                replacement = "\\\\";
            } else if (ch == '\u2028') {
                replacement = "\\u2028";
            } else if (ch == '\u2029') {
                replacement = "\\u2029";
            } else {
                continue;
            }
            if (last < i) {
                out.write(c, last, i - last);
            }
            out.write(replacement);
            last = i + 1;
        }
        if (last < n) {
            out.write(c, last, n - last);
        }
        out.write('"');
    }

    public void flush() throws IOException {
        out.flush();
    }
}
