package org.feewatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Disclosure;
import org.feewatch.api.OnLendingAverage;
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerType;
import org.feewatch.api.Policy;
import org.feewatch.api.Severity;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SubjectType;
import org.feewatch.api.spi.AuditContext;
import org.feewatch.api.spi.Rule;
import org.feewatch.api.spi.RulePack;
import org.junit.jupiter.api.Test;

/** What a rule author gets from the builder, without writing a fake context. */
class CaseAuditContextTest {

    @Test
    void theBuilderAnswersEveryQuestionARuleAsks() {
        SourceRef catalogue = new SourceRef("bank-catalog", "BANK-A", SourceKind.PRICE_CATALOG, null, "pages/c.html", null);
        SourceRef schedule = new SourceRef("p01-schedule", "P01", SourceKind.PARTNER_SCHEDULE, null, "pages/p.html", null);
        Disclosure bank = new Disclosure(catalogue, null, List.of(), null, List.of());
        Disclosure partner = new Disclosure(schedule, null, List.of(), null, List.of());
        Partner p01 = new Partner("P01", "担保公司", PartnerType.GUARANTEE, PartnerStatus.ACTIVE, true);
        Rule rule = Fixtures.aprAbove("RATE-003", 6.0);
        OnLendingAverage packAverage = new OnLendingAverage("CN-BJ", "2023Q1", "rural-commercial",
                new BigDecimal("5.0"), "pack");
        RulePack pack = new RulePack() {
            @Override
            public String id() {
                return "national";
            }

            @Override
            public String version() {
                return "1.0.0";
            }

            @Override
            public String region() {
                return "CN";
            }

            @Override
            public List<Rule> rules() {
                return List.of(rule);
            }

            @Override
            public Map<String, String> feeSynonyms() {
                return Map.of("承诺费", "commitment-fee");
            }

            @Override
            public List<OnLendingAverage> onLendingAverages() {
                return List.of(packAverage);
            }
        };
        OnLendingAverage caseAverage = new OnLendingAverage("CN-BJ", "2023Q1", "rural-commercial",
                new BigDecimal("4.3"), "benchmarks.json");
        AuditContext ctx = CaseAuditContext.builder(Fixtures.caseInfo("CN-BJ", new Policy(250, null, null, null)))
                .sources(List.of(catalogue, schedule)).disclosures(List.of(bank, partner)).partners(List.of(p01))
                .onLendingAverages(List.of(caseAverage)).packs(List.of(pack)).hasLoanBook(true).build();

        assertEquals(250, ctx.policy().maxSpreadBp());
        assertEquals(List.of(bank), ctx.disclosuresOf("BANK-A"));
        assertEquals(List.of(partner), ctx.disclosuresOf("P01"));
        assertEquals(List.of(), ctx.disclosuresOf("P09"));
        assertEquals(p01, ctx.partner("P01").orElseThrow());
        assertTrue(ctx.partner("P09").isEmpty());
        assertEquals("commitment-fee", ctx.feeDictionary().categoryOf("贷款承诺费"));
        assertEquals(List.of(caseAverage, packAverage), ctx.onLendingAverages());
        assertEquals(Severity.HIGH, ctx.ruleInfo("RATE-003").orElseThrow().severity());
        assertTrue(ctx.hasLoanBook());
        assertTrue(ctx.lpr().inForceOn(LocalDate.of(2023, 1, 1)).isEmpty(), "no fixings unless given");
        assertNull(ctx.demandDepositRate());
    }

    @Test
    void defaultsAreEmpty() {
        AuditContext ctx = CaseAuditContext.builder(Fixtures.caseInfo("CN", Policy.EMPTY)).build();
        assertFalse(ctx.hasLoanBook());
        assertEquals(List.of(), ctx.partners());
        assertNull(ctx.feeDictionary().categoryOf("承诺费"));
        assertTrue(ctx.ruleInfo("FEE-001").isEmpty());
        assertEquals(Policy.EMPTY, ctx.policy());
        assertEquals(SubjectType.LOAN, Fixtures.info("X-001", Severity.LOW, SubjectType.LOAN).subjects().get(0));
    }
}
