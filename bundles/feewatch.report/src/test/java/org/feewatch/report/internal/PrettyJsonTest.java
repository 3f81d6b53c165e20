package org.feewatch.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import com.google.gson.stream.JsonWriter;

class PrettyJsonTest {

    private static final String TRICKY = "引号\" 反斜杠\\ tab\t nl\n cr\r \b\f \u0001 \u001f </script> & ' = \u2028\u2029 𠀋";

    @Test
    void writesExactlyWhatGsonWritesWithATwoSpaceIndentAndHtmlSafeOff() throws IOException {
        StringWriter gsonText = new StringWriter();
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

        StringWriter mineText = new StringWriter();
        PrettyJson m = new PrettyJson(mineText);
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

        assertEquals(gsonText.toString(), mineText.toString());
    }
}
