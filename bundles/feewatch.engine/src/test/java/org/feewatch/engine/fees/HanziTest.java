package org.feewatch.engine.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HanziTest {

    @Test
    void traditionalFeeWordingReadsAsSimplified() {
        assertEquals("收费标准", Hanzi.simplified("收費標準"));
        assertEquals("贷款承诺费", Hanzi.simplified("貸款承諾費"));
        assertEquals("对小微企业免收", Hanzi.simplified("對小微企業免收"));
        assertEquals("贷款承诺费 0.3%", Hanzi.simplified("贷款承诺费 0.3%"), "simplified text is left as it is");
        assertNull(Hanzi.simplified(null));
    }

    @Test
    void traditionalItemNamesFindTheirCategory() {
        SynonymFeeDictionary d = new SynonymFeeDictionary(Map.of("贷款承诺费", "commitment-fee", "资金管理费",
                "fund-management-fee"), Set.of(), Set.of());
        assertEquals("commitment-fee", d.categoryOf("貸款承諾費"));
        assertEquals("fund-management-fee", d.categoryOf("資金管理費"));
    }

    @Test
    void pricingWordsOfBig5PagesReadAsSimplified() {
        // 備註 (a remark column), 協議定價 (negotiated), 不超過 (a maximum), 人民幣, 放款時 (hardpages bank-u, bank-x)
        assertEquals("备注", Hanzi.simplified("備註"));
        assertEquals("协议定价", Hanzi.simplified("協議定價"));
        assertEquals("不超过", Hanzi.simplified("不超過"));
        assertEquals("人民币", Hanzi.simplified("人民幣"));
        assertEquals("放款时", Hanzi.simplified("放款時"));
        assertEquals("序号", Hanzi.simplified("序號"));
    }
}
