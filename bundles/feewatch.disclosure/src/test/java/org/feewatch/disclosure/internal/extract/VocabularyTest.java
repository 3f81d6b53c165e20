package org.feewatch.disclosure.internal.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.feewatch.api.Price;
import org.feewatch.api.Repayment;
import org.feewatch.disclosure.internal.extract.Vocabulary.Role;
import org.junit.jupiter.api.Test;

/** The column vocabulary and the other word lists read from vocabulary.json. */
class VocabularyTest {

    private final Vocabulary v = Vocabulary.standard();

    @Test
    void columnHeadersInChineseEnglishOrBothNameTheirRole() {
        assertEquals(Role.NUMBER, v.roleOfHeader("序号"));
        assertEquals(Role.NUMBER, v.roleOfHeader("No. 编号"));
        assertEquals(Role.ITEM, v.roleOfHeader("服务项目"));
        assertEquals(Role.ITEM, v.roleOfHeader("Charge Item 收费项目"));
        assertEquals(Role.ITEM, v.roleOfHeader("Service item"));
        assertEquals(Role.CONTENT, v.roleOfHeader("服务说明"), "说明 alone is a remark, 服务说明 is content");
        assertEquals(Role.CONTENT, v.roleOfHeader("Services"));
        assertEquals(Role.PRICE, v.roleOfHeader("现行收费标准"));
        assertEquals(Role.PRICE, v.roleOfHeader("收费标准（元）"));
        assertEquals(Role.PRICE, v.roleOfHeader("Charging rates"));
        assertEquals(Role.BASIS, v.roleOfHeader("定价依据"));
        assertEquals(Role.BASIS, v.roleOfHeader("定价方式"));
        assertEquals(Role.DISCOUNT, v.roleOfHeader("优惠价格"), "the longest word wins over 价格");
        assertEquals(Role.DISCOUNT, v.roleOfHeader("Preferential Price"));
        assertEquals(Role.DISCOUNT, v.roleOfHeader("Incentives"));
        assertEquals(Role.APPLIES_TO, v.roleOfHeader("客户范围"));
        assertEquals(Role.REMARK, v.roleOfHeader("Remarks"));
        assertEquals(Role.CATEGORY, v.roleOfHeader("Business category"));
        assertNull(v.roleOfHeader("单位人民币跨行转账"));
        assertEquals(Role.UNIT, v.roleOfHeader("计费单位"));
        assertEquals(Role.UNIT, v.roleOfHeader("单位"), "单位 alone heads a unit column");
        assertNull(v.roleOfHeader("单位结算账户"), "单位 inside a header is a corporate customer");
        assertEquals(Role.CONDITION, v.roleOfHeader("贷款期限"));
        assertEquals(Role.PRICE, v.roleOfHeader("收费金额"), "the longest word wins over 金额");
        assertNull(v.roleOfHeader("根据《商业银行服务价格管理办法》等规定，现将我行对公服务收费项目公示如下"),
                "a sentence is no header");
    }

    @Test
    void labelsMatchExactlyOrByTheirWords() {
        assertEquals(Role.PRICE, v.roleOfLabel("收费标准"));
        assertEquals(Role.APPLIES_TO, v.roleOfLabel("适用对象"));
        assertNull(v.roleOfLabel("咨询电话"));
    }

    @Test
    void pricingRegimesRepaymentKindsTimingsAndAprLabels() {
        assertEquals("政府指导价", v.basisIn("一、政府指导价"));
        assertEquals("政府指导价", v.basisIn("Government-Guided Pricing Items"));
        assertEquals("市场调节价", v.basisIn("Market-Adjusted Pricing Items 市场调节价项目"));
        assertEquals("政府定价", v.basisIn("二、政府定价"));
        assertNull(v.basisIn("三、其他说明"));
        assertEquals(Repayment.INTEREST_MONTHLY, v.repaymentIn("按月付息，到期还本"));
        assertEquals(Repayment.BULLET, v.repaymentIn("到期一次还本付息"));
        assertEquals(Repayment.EQUAL_PRINCIPAL, v.repaymentIn("等额本金、等额本息"), "the first one named");
        // English product pages (hardpages bank-zj)
        assertEquals(Repayment.EQUAL_INSTALLMENT, v.repaymentIn("Repayment: equal monthly installments"));
        assertEquals(Repayment.INTEREST_MONTHLY, v.repaymentIn("Interest only, principal at maturity"));
        assertEquals(Repayment.BULLET, v.repaymentIn("Principal and interest at maturity"));
        assertEquals(Price.Period.ONCE, v.timingIn("放款时一次性收取"));
        assertEquals(Price.Period.PER_YEAR, v.timingIn("按年收取"));
        assertEquals(Price.Period.PER_MONTH, v.timingIn("每月收取"));
        assertNull(v.timingIn("贷款期限12个月"), "a term in months is no timing");
        assertEquals("单利", v.aprLabelIn("按单利计算"));
        assertEquals("内部收益率", v.aprLabelIn("IRR"));
    }
}
