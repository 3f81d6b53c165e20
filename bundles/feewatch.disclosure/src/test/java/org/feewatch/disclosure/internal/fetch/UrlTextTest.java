package org.feewatch.disclosure.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.feewatch.api.spi.SourceException;
import org.junit.jupiter.api.Test;

class UrlTextTest {

    @Test
    void chinesePathIsPercentEncoded() throws SourceException {
        assertEquals("https://www.bank.cn/%E6%94%B6%E8%B4%B9/list.html",
                UrlText.parse("https://www.bank.cn/收费/list.html").toString());
    }

    @Test
    void chineseHostIsWrittenInAscii() throws SourceException {
        assertEquals("xn--fiqs8s856bruk.cn", UrlText.parse("http://中国银行.cn:8080/fees.html").getHost());
        assertEquals(8080, UrlText.parse("http://中国银行.cn:8080/fees.html").getPort());
    }

    @Test
    void textThatIsNoUrlIsNamed() {
        assertEquals("not a valid URL", assertThrows(SourceException.class, () -> UrlText.parse("http://bank.cn/a b c")).getMessage());
        assertEquals("not an absolute http or https URL",
                assertThrows(SourceException.class, () -> UrlText.parse("//bank.cn/fees.html")).getMessage());
    }
}
