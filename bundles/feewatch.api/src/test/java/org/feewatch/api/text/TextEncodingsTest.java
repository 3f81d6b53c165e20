package org.feewatch.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class TextEncodingsTest {

    private static final String CHINESE = "{\"institution\":\"某某农村商业银行\",\"note\":\"小微企业免收贷款承诺费\"}";

    private static boolean gbk(byte[] b) {
        return TextEncodings.looksLikeGb18030(b, 0, b.length);
    }

    @Test
    void chineseSavedInAWindowsCodePageLooksLikeGbk() {
        assertTrue(gbk(CHINESE.getBytes(Charset.forName("GBK"))));
        assertTrue(gbk(CHINESE.getBytes(Charset.forName("GB18030"))));
    }

    @Test
    void utf8TextAndPlainAsciiDoNot() {
        assertFalse(gbk(CHINESE.getBytes(StandardCharsets.UTF_8)));
        assertFalse(gbk("{\"id\":\"L1\"}".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aUtf8FileWithOneDamagedCharacterIsNotCalledGbk() {
        byte[] b = CHINESE.getBytes(StandardCharsets.UTF_8);
        b[20] = (byte) 0xFF;
        assertFalse(gbk(b));
    }

    @Test
    void aSampleThatCutsTheLastCharacterInTwoStillLooksLikeGbk() {
        byte[] b = CHINESE.getBytes(Charset.forName("GBK"));
        // cut inside a two-byte character near the end
        int cut = b.length - 1;
        while ((b[cut - 1] & 0x80) == 0) {
            cut--;
        }
        assertTrue(gbk(Arrays.copyOf(b, cut)));
    }

    @Test
    void sequenceLengthsFollowStrictUtf8() {
        byte[] b = "é中😀".getBytes(StandardCharsets.UTF_8);
        assertEquals(2, TextEncodings.utf8SequenceLength(b, 0, b.length));
        assertEquals(3, TextEncodings.utf8SequenceLength(b, 2, b.length));
        assertEquals(4, TextEncodings.utf8SequenceLength(b, 5, b.length));
        assertEquals(TextEncodings.CUT_OFF, TextEncodings.utf8SequenceLength(b, 2, 4));
        // overlong "/" (C0 AF), a surrogate (ED A0 80), a stray continuation byte
        assertEquals(TextEncodings.INVALID, TextEncodings.utf8SequenceLength(new byte[] {(byte) 0xC0, (byte) 0xAF}, 0, 2));
        assertEquals(TextEncodings.INVALID,
                TextEncodings.utf8SequenceLength(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3));
        assertEquals(TextEncodings.INVALID, TextEncodings.utf8SequenceLength(new byte[] {(byte) 0x80}, 0, 1));
    }
}
