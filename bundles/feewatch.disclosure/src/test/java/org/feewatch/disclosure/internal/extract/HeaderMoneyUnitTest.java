package org.feewatch.disclosure.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;

import org.feewatch.api.Disclosure;
import org.feewatch.api.Price;
import org.junit.jupiter.api.Test;

/**
 * A price column whose header states its figures in thousands or ten thousands of yuan (收费标准（万元）,
 * 收费金额(千元), 收费标准/万元): its bare figures are read in that unit, a figure with its own unit keeps it.
 */
class HeaderMoneyUnitTest {

    private static Disclosure table(String priceHeader, String... rows) {
        StringBuilder html = new StringBuilder("<table><tr><th>收费项目</th><th>服务内容</th><th>")
                .append(priceHeader).append("</th></tr>");
        for (int i = 0; i < rows.length; i += 2) {
            html.append("<tr><td>").append(rows[i]).append("</td><td>办理业务</td><td>").append(rows[i + 1])
                    .append("</td></tr>");
        }
        return FourthRoundShapesTest.catalogue(html.append("</table>").toString());
    }

    private static void assertYuan(String expected, Price price) {
        assertEquals(Price.Kind.FIXED, price.kind(), price.toString());
        assertNotNull(price.high(), price.toString());
        assertEquals(0, new BigDecimal(expected).compareTo(price.high()), "expected " + expected + " yuan: " + price);
    }

    @Test
    void bareFiguresUnderATenThousandYuanHeaderAreTenThousandsOfYuan() {
        assertYuan("30000", Pages.item(table("收费标准（万元）", "财务顾问费", "3"), "财务顾问费").price());
        assertYuan("5000", Pages.item(table("收费金额(万元)", "财务顾问费", "0.5"), "财务顾问费").price());
        Disclosure slash = table("收费标准/万元", "财务顾问费", "2");
        assertYuan("20000", Pages.item(slash, "财务顾问费").price());
        assertEquals("2", Pages.item(slash, "财务顾问费").priceText(), "the price text stays as published");
    }

    @Test
    void bareFiguresUnderAThousandYuanHeaderAreThousandsOfYuan() {
        assertYuan("2000", Pages.item(table("收费标准（千元）", "资产评估费", "2"), "资产评估费").price());
    }

    @Test
    void aFigureWithItsOwnUnitKeepsItInAScaledColumn() {
        Disclosure d = table("收费标准（万元）", "财务顾问费", "3", "贷款意向书", "500元/份");
        assertYuan("30000", Pages.item(d, "财务顾问费").price());
        assertYuan("500", Pages.item(d, "贷款意向书").price());
    }

    @Test
    void aPercentageInAScaledColumnIsNeverScaled() {
        Price rate = Pages.item(table("收费标准（万元）", "贷款承诺费", "承诺金额的0.3%"), "贷款承诺费").price();
        assertEquals(Price.Kind.PERCENT, rate.kind(), rate.toString());
        assertEquals(0, new BigDecimal("0.3").compareTo(rate.high()), rate.toString());
    }

    @Test
    void aRatePerAmountIsNoUnitOfTheColumnsFigures() {
        assertNull(TableReader.moneyUnitOf("收费标准（元/万元）"));
        assertNull(TableReader.moneyUnitOf("费率 元/万元"));
        assertNull(TableReader.moneyUnitOf("贷款金额（500万元以下）"));
        assertEquals("万元", TableReader.moneyUnitOf("单位：人民币万元"));
        assertEquals("元", TableReader.moneyUnitOf("收费标准（元）"));
    }
}
