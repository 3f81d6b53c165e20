package org.feewatch.disclosure.internal.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PageDecoderTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");

    private static final String SIMPLIFIED_BODY = "<title>服务价格目录（对公业务）</title></head><body>"
            + "<h1>北辰农村商业银行服务价格目录</h1><table><tr><th>服务项目</th><th>收费标准</th></tr>"
            + "<tr><td>贷款承诺费</td><td>不收费</td></tr><tr><td>担保费</td><td>年化1.5%，按年收取</td></tr></table>"
            + "<p>咨询投诉电话：（010）8888 0000。本目录自2022年7月1日起执行。</p></body></html>";

    private static final String TRADITIONAL_BODY = "<title>服務價格目錄</title></head><body>"
            + "<h1>銀行服務價格目錄</h1><table><tr><th>服務項目</th><th>收費標準</th></tr>"
            + "<tr><td>貸款承諾費</td><td>不收費</td></tr><tr><td>擔保費</td><td>年化1.5%，按年收取</td></tr></table>"
            + "<p>諮詢投訴電話：（02）2888 0000。本目錄自2022年7月1日起執行。</p></body></html>";

    private static String page(String headExtra, String body) {
        return "<!DOCTYPE html><html><head>" + headExtra + body;
    }

    @Test
    void gbkWithNothingDeclaredIsDetectedAsGb18030() {
        String html = page("", SIMPLIFIED_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(GBK), null, null);
        assertEquals("GB18030", d.charset());
        assertEquals(DecodedPage.DETECTED, d.origin());
        assertEquals(html, d.text());
    }

    @Test
    void gb2312DeclaredByHttpEquivDecodesAsGb18030() {
        String html = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", SIMPLIFIED_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(GBK), "text/html", null);
        assertEquals("GB18030", d.charset());
        assertEquals(DecodedPage.META, d.origin());
        assertEquals(html, d.text());
    }

    @Test
    void gbkCharactersOutsideGb2312AreReadWhenPageSaysGb2312() {
        // 镕 and 喆 are in GBK but not in GB2312: pages labelled gb2312 use them all the time
        String html = page("<meta charset=gb2312>", "<p>朱镕基 张喆 贷款</p>");
        DecodedPage d = PageDecoder.decode(html.getBytes(GBK), null, null);
        assertEquals(html, d.text());
        assertEquals(0, d.malformed());
    }

    @Test
    void utf8WithBomIsReadWithoutTheBom() {
        String html = page("", SIMPLIFIED_BODY);
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, html.getBytes(StandardCharsets.UTF_8));
        DecodedPage d = PageDecoder.decode(bytes, "text/html", null);
        assertEquals("UTF-8", d.charset());
        assertEquals(DecodedPage.BOM, d.origin());
        assertEquals(html, d.text());
    }

    @Test
    void bomWinsOverHeaderThatContradictsIt() {
        String html = page("", SIMPLIFIED_BODY);
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, html.getBytes(StandardCharsets.UTF_8));
        DecodedPage d = PageDecoder.decode(bytes, "text/html; charset=GBK", null);
        assertEquals("UTF-8", d.charset());
        assertEquals(DecodedPage.BOM, d.origin());
        assertEquals(html, d.text());
    }

    @Test
    void big5WithNothingDeclaredIsDetected() {
        String html = page("", TRADITIONAL_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(BIG5), null, null);
        assertEquals("Big5", d.charset());
        assertEquals(DecodedPage.DETECTED, d.origin());
        assertEquals(html, d.text());
    }

    @Test
    void big5DeclaredByMetaCharset() {
        String html = page("<meta charset=\"big5\">", TRADITIONAL_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(BIG5), null, null);
        assertEquals("Big5", d.charset());
        assertEquals(DecodedPage.META, d.origin());
        assertEquals(html, d.text());
    }

    @Test
    void headerCharsetComesBeforeMeta() {
        String html = page("<meta charset=\"big5\">", SIMPLIFIED_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(GBK), "text/html; charset=\"GBK\"", null);
        assertEquals("GB18030", d.charset());
        assertEquals(DecodedPage.HEADER, d.origin());
        assertEquals(html, d.text());
    }

    @Test
    void metaCharsetComesBeforeHttpEquiv() {
        String html = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\"><meta charset=\"utf-8\">",
                SIMPLIFIED_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals("UTF-8", d.charset());
        assertEquals(DecodedPage.META, d.origin());
    }

    @Test
    void pageLabelledUtf8ButWrittenInGbkIsReadAsGbk() {
        String html = page("<meta charset=\"utf-8\">", SIMPLIFIED_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(GBK), "text/html; charset=utf-8", null);
        assertEquals("GB18030", d.charset());
        assertEquals(DecodedPage.DETECTED, d.origin());
        assertEquals(html, d.text());
    }

    @Test
    void pageLabelledGbkButWrittenInUtf8IsReadAsUtf8() {
        String html = page("<meta charset=\"gbk\">", SIMPLIFIED_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals("UTF-8", d.charset());
        assertEquals(DecodedPage.DETECTED, d.origin());
        assertEquals(html, d.text());
    }

    @Test
    void pageLabelledGb2312ButWrittenInBig5IsReadAsBig5() {
        String html = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", TRADITIONAL_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(BIG5), null, null);
        assertEquals("Big5", d.charset());
        assertEquals(html, d.text());
    }

    @Test
    void unknownCharsetLabelIsPassedOver() {
        String html = page("<meta charset=\"gb-2312-simplified\">", SIMPLIFIED_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(GBK), "text/html; charset=x-no-such-charset", null);
        assertEquals("GB18030", d.charset());
        assertEquals(DecodedPage.DETECTED, d.origin());
        assertEquals(html, d.text());
    }

    @Test
    void hintIsUsedWhenThePageDeclaresNothing() {
        String html = page("", SIMPLIFIED_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(GBK), null, "GBK");
        assertEquals("GB18030", d.charset());
        assertEquals(DecodedPage.HINT, d.origin());
        assertEquals(html, d.text());
    }

    @Test
    void declarationComesBeforeHint() {
        String html = page("<meta charset=\"big5\">", TRADITIONAL_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(BIG5), null, "GBK");
        assertEquals("Big5", d.charset());
        assertEquals(DecodedPage.META, d.origin());
    }

    @Test
    void commentedOutDeclarationIsIgnored() {
        String html = page("<!-- <meta charset=\"big5\"> -->", SIMPLIFIED_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(GBK), null, null);
        assertEquals("GB18030", d.charset());
        assertEquals(DecodedPage.DETECTED, d.origin());
    }

    @Test
    void declarationFarIntoThePageIsNotSearched() {
        String filler = "<script>" + "var x = 1;\n".repeat(PageDecoder.META_SCAN_BYTES / 10) + "</script>";
        String html = page(filler + "<meta charset=\"big5\">", SIMPLIFIED_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(GBK), null, null);
        assertEquals("GB18030", d.charset());
        assertEquals(DecodedPage.DETECTED, d.origin());
    }

    @Test
    void asciiPageIsUtf8() {
        DecodedPage d = PageDecoder.decode("<html><body>Fees</body></html>".getBytes(StandardCharsets.US_ASCII), null, null);
        assertEquals("UTF-8", d.charset());
        assertEquals("<html><body>Fees</body></html>", d.text());
    }

    @Test
    void metaClaimingUtf16OnAnAsciiCompatiblePageMeansUtf8() {
        String html = page("<meta charset=\"utf-16\">", SIMPLIFIED_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals("UTF-8", d.charset());
        assertEquals(html, d.text());
    }

    @Test
    void utf16LittleEndianWithBom() {
        String html = page("", SIMPLIFIED_BODY);
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, html.getBytes(StandardCharsets.UTF_16LE));
        DecodedPage d = PageDecoder.decode(bytes, null, null);
        assertEquals("UTF-16LE", d.charset());
        assertEquals(html, d.text());
    }

    @Test
    void brokenBytesInADeclaredPageAreReplacedNotFatal() {
        String html = page("<meta charset=\"utf-8\">", SIMPLIFIED_BODY);
        byte[] good = html.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = concat(good, new byte[] {(byte) 0xE4, (byte) 0xB8}); // a character cut off at the end
        DecodedPage d = PageDecoder.decode(bytes, null, null);
        assertEquals("UTF-8", d.charset());
        assertEquals(DecodedPage.META, d.origin());
        assertTrue(d.text().startsWith(html));
        assertTrue(d.malformed() > 0);
    }

    @Test
    void emptyBodyDecodesToEmptyText() {
        DecodedPage d = PageDecoder.decode(new byte[0], "text/html", null);
        assertEquals("", d.text());
        assertFalse(d.charset().isEmpty());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
    @Test
    void chineseBytesBehindALatinLabelAreReadAsChinese() {
        // an old server's default: <meta charset=iso-8859-1> on a GBK page (hardpages bank-m)
        String html = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">", SIMPLIFIED_BODY);
        DecodedPage d = PageDecoder.decode(html.getBytes(GBK), null, null);
        assertEquals("GB18030", d.charset());
        assertEquals(html, d.text());
    }

    @Test
    void aLatinPageKeepsItsLatinLabel() {
        String html = page("<meta charset=iso-8859-1>", "<title>Tarifs</title></head><body><p>Frais de dossier : 200 €, "
                + "réduction de 50 % pour les PME. Résumé: très élevé, déjà payé, garçon.</p></body></html>");
        DecodedPage d = PageDecoder.decode(html.getBytes(StandardCharsets.ISO_8859_1), null, null);
        assertEquals(DecodedPage.META, d.origin());
        assertTrue(d.text().contains("réduction"), d.text());
    }
}
