package org.feewatch.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.google.gson.stream.JsonWriter;

class PrettyJsonTest {

    private static final String TRICKY = "引号\" 反斜杠\\ tab\t nl\n cr\r \b\f \u0001 \u001f </script> & ' = \u2028\u2029 𠀋 lone \ud800 high and \udc00 low";

    @Test
    void writesExactlyWhatGsonWritesWithATwoSpaceIndentAndHtmlSafeOff() throws IOException {
        // Gson's text through the JDK's own UTF-8 encoder (a lone surrogate becomes '?')
        ByteArrayOutputStream gsonBytes = new ByteArrayOutputStream();
        OutputStreamWriter gsonText = new OutputStreamWriter(gsonBytes, StandardCharsets.UTF_8);
        JsonWriter g = new JsonWriter(gsonText);
        g.setIndent("  ");
        g.setHtmlSafe(false);
        g.beginObject();
        g.name("schema").value("feewatch.report/1");
        g.name("empty").beginArray().endArray();
        g.name("emptyObject").beginObject().endObject();
        g.name("nothing").value((String) null);
        g.name("n").value(10_000_000L);
        g.name(TRICKY).beginArray();
        g.beginObject().name("text").value(TRICKY).name("metrics").beginObject().endObject().endObject();
        g.beginObject().name("a").beginArray().value("x").value(-3).endArray().endObject();
        g.endArray();
        g.endObject();
        g.flush();

        ByteArrayOutputStream mineBytes = new ByteArrayOutputStream();
        PrettyJson m = new PrettyJson(mineBytes, 16);
        m.beginObject();
        m.name("schema").value("feewatch.report/1");
        m.name("empty").beginArray().endArray();
        m.name("emptyObject").beginObject().endObject();
        m.name("nothing").value((String) null);
        m.name("n").value(10_000_000L);
        m.name(TRICKY).beginArray();
        m.beginObject().name("text").value(TRICKY).name("metrics").beginObject().endObject().endObject();
        m.beginObject().name("a").beginArray().value("x").value(-3).endArray().endObject();
        m.endArray();
        m.endObject();
        m.flush();

        assertEquals(gsonBytes.toString(StandardCharsets.UTF_8), mineBytes.toString(StandardCharsets.UTF_8));
        org.junit.jupiter.api.Assertions.assertArrayEquals(gsonBytes.toByteArray(), mineBytes.toByteArray());
    }

    @Test
    void namesAndValuesEncodedOnceOrCachedAreTheBytesGsonWrites() throws IOException {
        // many distinct recurring strings (slots shared and replaced), repeats, one longer than the
        // cache takes, a null, and a buffer so small that strings straddle its drains
        String longOne = "长 \"quoted\" ".repeat(40);
        java.util.List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            values.add(i % 3 == 0 ? TRICKY : i % 7 == 0 ? longOne : "citation " + (i % 700) + " 第" + i % 11 + "条");
        }
        values.add(null);

        ByteArrayOutputStream gsonBytes = new ByteArrayOutputStream();
        OutputStreamWriter gsonText = new OutputStreamWriter(gsonBytes, StandardCharsets.UTF_8);
        JsonWriter g = new JsonWriter(gsonText);
        g.setIndent("  ");
        g.setHtmlSafe(false);
        g.beginObject();
        for (int i = 0; i < values.size(); i++) {
            g.name("rule").value("FEE-001");
            g.name(i % 5 == 0 ? TRICKY : "metric" + (i % 300)).value(values.get(i));
            g.name("citations").beginArray().value(values.get(i)).value(values.get(values.size() - 1 - i)).endArray();
        }
        g.endObject();
        g.flush();

        PrettyJson.Name rule = new PrettyJson.Name("rule");
        PrettyJson.Text fee001 = new PrettyJson.Text("FEE-001");
        PrettyJson.Name citations = new PrettyJson.Name("citations");
        ByteArrayOutputStream mineBytes = new ByteArrayOutputStream();
        PrettyJson m = new PrettyJson(mineBytes, 16);
        m.beginObject();
        for (int i = 0; i < values.size(); i++) {
            m.name(rule).value(fee001);
            m.name(i % 5 == 0 ? TRICKY : "metric" + (i % 300)).recurringValue(values.get(i));
            m.name(citations).beginArray().recurringValue(values.get(i))
                    .recurringValue(values.get(values.size() - 1 - i)).endArray();
        }
        m.endObject();
        m.flush();

        org.junit.jupiter.api.Assertions.assertArrayEquals(gsonBytes.toByteArray(), mineBytes.toByteArray());
    }

    @Test
    void aNameEncodedOnceIsWrittenAsGsonWritesItAtEveryDepth() throws IOException {
        ByteArrayOutputStream gsonBytes = new ByteArrayOutputStream();
        JsonWriter g = new JsonWriter(new OutputStreamWriter(gsonBytes, StandardCharsets.UTF_8));
        g.setIndent("  ");
        g.setHtmlSafe(false);
        ByteArrayOutputStream mineBytes = new ByteArrayOutputStream();
        PrettyJson m = new PrettyJson(mineBytes, 16);
        PrettyJson.Name first = new PrettyJson.Name("first");
        PrettyJson.Name tricky = new PrettyJson.Name(TRICKY);
        g.beginObject();
        m.beginObject();
        for (int depth = 1; depth <= 25; depth++) {
            g.name("first").value(depth).name(TRICKY).value("v").name("next").beginArray().beginObject();
            m.name(first).value(depth).name(tricky).value("v").name("next").beginArray().beginObject();
        }
        for (int depth = 25; depth >= 1; depth--) {
            g.endObject().endArray();
            m.endObject().endArray();
        }
        g.endObject();
        m.endObject();
        g.flush();
        m.flush();
        org.junit.jupiter.api.Assertions.assertArrayEquals(gsonBytes.toByteArray(), mineBytes.toByteArray());
    }

    @Test
    void aCharacterToEscapeIsEscapedWhereverItStandsInAString() throws IOException {
        // the writer passes over bytes eight at a time: every escape at every offset, and U+2028
        // (three bytes) across the boundary of eight
        java.util.List<String> strings = new java.util.ArrayList<>();
        for (String escaped : new String[] {"\"", "\\", "\n", "\u0000", "\u001f", "\u2028", "\u2029", "\u2027", "长", "𠀋",
                "\ud800"}) {
            for (int at = 0; at <= 20; at++) {
                strings.add("a".repeat(at) + escaped + "b".repeat(20 - at % 9));
                strings.add("长".repeat(at) + escaped);
            }
        }
        ByteArrayOutputStream gsonBytes = new ByteArrayOutputStream();
        JsonWriter g = new JsonWriter(new OutputStreamWriter(gsonBytes, StandardCharsets.UTF_8));
        g.setIndent("  ");
        g.setHtmlSafe(false);
        ByteArrayOutputStream mineBytes = new ByteArrayOutputStream();
        PrettyJson m = new PrettyJson(mineBytes, 16);
        g.beginArray();
        m.beginArray();
        for (String s : strings) {
            g.value(s);
            m.value(s);
        }
        g.endArray();
        m.endArray();
        g.flush();
        m.flush();
        org.junit.jupiter.api.Assertions.assertArrayEquals(gsonBytes.toByteArray(), mineBytes.toByteArray());
    }
}
