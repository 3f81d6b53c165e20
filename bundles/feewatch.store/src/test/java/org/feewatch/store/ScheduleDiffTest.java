package org.feewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.feewatch.store.Store.PublishedItem;
import org.junit.jupiter.api.Test;

class ScheduleDiffTest {

    private static PublishedItem item(String name, String price) {
        return new PublishedItem(name, null, price);
    }

    @Test
    void itemsAddedRemovedAndRepricedAreTold() {
        ScheduleDiff d = ScheduleDiff.between(
                List.of(item("平台服务费", "0.25%/月"), item("贷后管理费", "200元/笔"), item("担保费", "年0.8%")),
                List.of(item("平台服务费", "0.5%/月"), item("担保费", "年0.8%"), item("资金管理费", "0.5%")));
        assertEquals(List.of(item("资金管理费", "0.5%")), d.added());
        assertEquals(List.of(item("贷后管理费", "200元/笔")), d.removed());
        assertEquals(List.of(new ScheduleDiff.PriceChange("平台服务费", "0.25%/月", "0.5%/月")), d.changed());
        assertEquals("added 资金管理费 (0.5%); removed 贷后管理费; 平台服务费 0.25%/月 → 0.5%/月", d.describe());
    }

    @Test
    void aDiffKeptAsJsonReadsBackTheSame() {
        ScheduleDiff d = ScheduleDiff.between(List.of(item("平台服务费", "0.25%/月")),
                List.of(item("平台服务费", "0.5%/月"), item("资金管理费", "0.5%")));
        assertEquals(d, ScheduleDiff.fromJson(d.toJson()));
        assertEquals(d.describe(), ScheduleDiff.fromJson(d.toJson()).describe());
    }

    @Test
    void spacingAloneIsNoChange() {
        ScheduleDiff d = ScheduleDiff.between(List.of(item("平台 服务费", "0.25% /月")),
                List.of(item("平台服务费", "0.25%/月")));
        assertTrue(d.isEmpty());
        assertEquals("no change", d.describe());
    }
}
