package org.feewatch.engine.price;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.feewatch.api.Price;
import org.feewatch.api.Price.Kind;
import org.junit.jupiter.api.Test;

/** Any text, however garbled, gives a well-formed price and never an exception. */
class PriceParserRobustnessTest {

    private static final String[] PIECES = {"0", "1", "5", "0.5", "200", "20,000", "１２", "．", ".", "%", "％", "‰", "元",
        "万", "万元", "-", "—", "～", "至", "(含)", "（含）", "以下", "以上", "每笔", "每份", "每年", "每月", "最高", "最低",
        "不超过", "按贷款金额的", "年费率", "/月", "；", ";", "，", "。", "\n", "免费", "协议定价", "详询营业网点", "万分之",
        "五", "十", "点", "小微企业", "起", "封顶", " ", "美元", "(", ")", "的部分", "超过"};

    @Test
    void randomTextsGiveWellFormedPrices() {
        Random random = new Random(20231231L);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(12);
            for (int k = 0; k < n; k++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = b.toString();
            Price p = PriceParser.parse(text);
            assertNotNull(p, text);
            assertNotNull(p.kind(), text);
            assertEquals(text, p.text(), "the text is kept as published");
            switch (p.kind()) {
                case PERCENT -> assertTrue(p.low() != null || p.high() != null, text);
                case FIXED -> assertTrue(p.low() != null || p.high() != null, text);
                case TIERED -> assertFalse(p.parts().isEmpty(), text);
                default -> { }
            }
            if (p.low() != null && p.high() != null && p.kind() != Kind.TIERED) {
                assertTrue(p.low().signum() >= 0 && p.high().signum() >= 0, text);
            }
        }
    }

    @Test
    void veryLongTextsAreRead() {
        String tier = "1万元（含）以下每笔5元；";
        Price p = PriceParser.parse(tier.repeat(2_000));
        assertEquals(Kind.TIERED, p.kind());
        assertEquals(2_000, p.parts().size());
    }
}
