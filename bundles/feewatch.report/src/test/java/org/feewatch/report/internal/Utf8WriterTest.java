package org.feewatch.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Utf8WriterTest {

    private static String roundTrip(String text, int bufferSize) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Writer w = new Utf8Writer(bytes, bufferSize);
        // by string, by char, by array and by char sequence, across buffer boundaries
        w.write(text);
        for (int i = 0; i < text.length(); i++) {
            w.write(text.charAt(i));
        }
        w.write(text.toCharArray(), 0, text.length());
        w.append(new StringBuilder(text));
        w.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheSameBytesAsTheJdkEncoderForChineseTextAndCharactersBeyondTheBasicPlane() throws IOException {
        String text = "贷款 L00017: 服务费 1.5 % — 𠀋 ok, café \u00e9\u0800\uffff end";
        for (int size : new int[] {16, 17, 19, 64, 1 << 16}) {
            assertEquals(text.repeat(4), roundTrip(text, size), "buffer " + size);
        }
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkAsWithOutputStreamWriter() throws IOException {
        assertEquals("a?b?c", roundTrip("a\ud800b\udc00c", 16).substring(0, 5));
    }
}
