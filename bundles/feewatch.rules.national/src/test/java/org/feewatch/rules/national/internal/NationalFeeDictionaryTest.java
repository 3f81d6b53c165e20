package org.feewatch.rules.national.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.feewatch.engine.fees.SynonymFeeDictionary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NationalFeeDictionaryTest {

    private final NationalRulePack pack = new NationalRulePack();
    private final SynonymFeeDictionary dictionary = SynonymFeeDictionary.of(List.of(pack));

    @ParameterizedTest
    @CsvSource({
            "承诺费, commitment-fee", "贷款承诺费, commitment-fee", "授信承诺费, commitment-fee",
            "法人账户透支承诺费, commitment-fee", "顾问费, advisory-fee", "财务顾问费, advisory-fee",
            "咨询费, advisory-fee", "融资顾问费, advisory-fee", "担保费, guarantee-fee", "保证费, guarantee-fee",
            "保险费, insurance-fee", "保证保险费, insurance-fee", "资金管理费, fund-management-fee",
            "信贷资信证明费, credit-certificate-fee", "资信证明, credit-certificate-fee",
            "提前还款违约金, prepayment-penalty", "延迟用款违约金, late-drawdown-penalty",
            "信贷资金受托支付划拨费, entrusted-payment-fee", "抵押登记费, mortgage-registration-fee",
            "押品评估费, collateral-appraisal-fee", "评估费, collateral-appraisal-fee",
            "押品保险费, collateral-insurance-fee", "平台服务费, platform-service-fee",
            "助贷服务费, platform-service-fee", "银团贷款安排费, syndication-arrangement-fee",
            "银团贷款代理费, syndication-agency-fee", "贷款展期手续费, loan-extension-fee",
            "资料工本费, document-fee", "贷后管理费, loan-management-fee",
            "'单位人民币跨行转账（柜面）', transfer-fee", "非融资性保函手续费, letter-of-guarantee-fee",
            "银行承兑汇票承兑手续费, acceptance-fee", "企业网上银行服务, online-banking-fee",
            "'贷款承诺费（小微企业）', commitment-fee", "'资 信 证 明', credit-certificate-fee",
            // names seen on pages the first dictionary did not know (itests hardpages bank-s)
            "贷款资金监管费, fund-management-fee", "资金监管费, fund-management-fee",
            "提前还贷手续费, prepayment-penalty", "提前偿还违约金, prepayment-penalty",
            "未按约定用款违约金, late-drawdown-penalty", "他项权证费, mortgage-registration-fee",
            "他项权证办理费, mortgage-registration-fee", "资产评估服务费, collateral-appraisal-fee",
            "担保手续费, guarantee-fee", "保费, insurance-fee", "担保费率, guarantee-fee"})
    void itemNamesMapToTheirCategory(String name, String category) {
        assertEquals(category, dictionary.categoryOf(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"贷款意向书", "贷款承诺函", "银行承兑汇票承兑手续费", "非融资性保函手续费", "企业网上银行服务",
            "银团贷款代理费", "财务顾问费", "保证金", "账户管理费"})
    void itemsThatAreNotProhibitedKinds(String name) {
        String category = dictionary.categoryOf(name);
        assertFalse(category != null && pack.prohibitedForSmallMicro().contains(category),
                name + " must not read as a prohibited kind, was " + category);
    }

    @Test
    void unknownItemsHaveNoCategory() {
        assertNull(dictionary.categoryOf("存款证明"));
        assertNull(dictionary.categoryOf(""));
    }

    @Test
    void prohibitedAndBankBorneKindsAreThoseOfTheRules() {
        assertEquals(Set.of("commitment-fee", "fund-management-fee", "credit-certificate-fee", "prepayment-penalty",
                "late-drawdown-penalty", "entrusted-payment-fee"), pack.prohibitedForSmallMicro());
        assertEquals(Set.of("mortgage-registration-fee", "collateral-appraisal-fee", "collateral-insurance-fee"),
                pack.bankBorneCosts());
    }

    @Test
    void everyRestrictionIsCitedAndDated() {
        NationalFeeDictionary d = NationalFeeDictionary.DEFAULT;
        for (String id : pack.prohibitedForSmallMicro()) {
            NationalFeeDictionary.Restriction r = d.prohibition(id).orElseThrow();
            assertTrue(r.citations().stream().anyMatch(c -> c.contains("18号")), id);
            assertEquals(LocalDate.of(2020, 6, 1), r.effectiveFrom(), id);
            assertFalse(r.inForceOn(LocalDate.of(2020, 5, 31)));
            assertTrue(r.inForceOn(LocalDate.of(2020, 6, 1)));
        }
        for (String id : pack.bankBorneCosts()) {
            assertTrue(d.bankBorne(id).orElseThrow().citations().stream().anyMatch(c -> c.contains("不得转嫁成本")), id);
        }
    }

    @Test
    void aSynonymMeaningTwoCategoriesIsRefusedWithItsName() {
        String json = "{\"categories\":[{\"id\":\"a\",\"synonyms\":[\"承诺费\"]},{\"id\":\"b\",\"synonyms\":[\"承诺费\"]}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NationalFeeDictionary.parse(new StringReader(json), "test.json"));
        assertTrue(e.getMessage().contains("test.json") && e.getMessage().contains("承诺费"), e.getMessage());
    }

    @Test
    void aRestrictionWithoutCitationIsRefused() {
        String json = "{\"categories\":[{\"id\":\"a\",\"synonyms\":[\"x费\"],\"bankBorne\":{\"citations\":[]}}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NationalFeeDictionary.parse(new StringReader(json), "test.json"));
        assertTrue(e.getMessage().contains("category a") && e.getMessage().contains("citations"), e.getMessage());
    }
}
