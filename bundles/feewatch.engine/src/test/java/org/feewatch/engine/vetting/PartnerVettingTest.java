package org.feewatch.engine.vetting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.feewatch.api.Action;
import org.feewatch.api.CaseInfo;
import org.feewatch.api.Disclosure;
import org.feewatch.api.Evidence;
import org.feewatch.api.FeeItem;
import org.feewatch.api.Finding;
import org.feewatch.api.LoanCounts;
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerType;
import org.feewatch.api.PartnerVerdict;
import org.feewatch.api.Price;
import org.feewatch.api.Report;
import org.feewatch.api.Severity;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.Subject;
import org.feewatch.api.Verdict;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class PartnerVettingTest {

    private static final CaseInfo CASE = new CaseInfo("BCRCB", "北辰农村商业银行", "rural-commercial", "CN-BJ",
            LocalDate.parse("2023-12-31"), null);

    private final List<Partner> partners = List.of(
            new Partner("P01", "北辰融资担保有限公司", PartnerType.GUARANTEE, PartnerStatus.ACTIVE, true),
            new Partner("P02", "链融科技有限公司", PartnerType.LOAN_FACILITATION, PartnerStatus.ACTIVE, false),
            new Partner("P03", "安泰财产保险", PartnerType.INSURANCE, PartnerStatus.PROSPECTIVE, false));

    private final List<SourceRef> sources = List.of(
            new SourceRef("bank-catalog", "BCRCB", SourceKind.PRICE_CATALOG, null, "pages/catalog.html", null),
            new SourceRef("p01-schedule", "P01", SourceKind.PARTNER_SCHEDULE, null, "pages/p01-fees.html", null),
            new SourceRef("p02-schedule", "P02", SourceKind.PARTNER_SCHEDULE, null, "pages/p02-fees.html", null),
            new SourceRef("p03-schedule", "P03", SourceKind.PARTNER_SCHEDULE, "http://127.0.0.1:9/p03", null, null));

    private final FeeItem guarantee = new FeeItem("p01-schedule", "担保费", "guarantee-fee", null, "年担保费率0.8%",
            new Price(Price.Kind.PERCENT, null, new BigDecimal("0.8"), Price.Base.PRINCIPAL, Price.Period.PER_YEAR,
                    null, null, null, null, "年担保费率0.8%"),
            null, null, null, "table > tr:nth-child(2)", "担保费 年担保费率0.8%");

    private final Finding part001 = new Finding("PART-001", Severity.CRITICAL, Subject.partner("P02"),
            "Partner P02 publishes 资金管理费", List.of(new Evidence("p02-schedule", "tr:nth-child(3)",
                    "资金管理费 按贷款金额的0.5%", "abc123")),
            Map.of(), List.of("银保监办发〔2023〕42号（八）"), Action.TERMINATE_PARTNERSHIP);
    private final Finding part004 = new Finding("PART-004", Severity.HIGH, Subject.partner("P02"),
            "Partner P02 charged 贷后管理费", List.of(Evidence.of("loans.jsonl", "line 3", "P02 贷后管理费 696.00"),
                    Evidence.of("loans.jsonl", "line 9", "P02 贷后管理费 700.00")),
            Map.of("evidenceCount", "7"), List.of(), Action.TERMINATE_PARTNERSHIP);
    private final Finding part003 = new Finding("PART-003", Severity.HIGH, Subject.partner("P03"),
            "No readable fee schedule for partner P03", List.of(Evidence.of("p03-schedule", "http://127.0.0.1:9/p03",
                    "failed: HTTP 404")),
            Map.of(), List.of(), Action.REJECT_PARTNER);
    private final Finding loanFinding = new Finding("FEE-001", Severity.CRITICAL, Subject.loan("L0001"), "loan",
            List.of(), Map.of(), List.of(), Action.REFUND);

    private Report report() {
        return new Report(Instant.parse("2026-11-27T10:00:00Z"), CASE, "1.0.0", List.of("national 1.0.0"),
                List.of(SourceStatus.ok("bank-catalog", "c0ffee", 40), SourceStatus.ok("p01-schedule", "p01sha", 1),
                        SourceStatus.ok("p02-schedule", "p02sha", 2), SourceStatus.failed("p03-schedule", "HTTP 404")),
                LoanCounts.NONE, List.of(), List.of(loanFinding, part004, part001, part003),
                List.of(new PartnerVerdict("P01", PartnerStatus.ACTIVE, Verdict.APPROVE, List.of()),
                        new PartnerVerdict("P02", PartnerStatus.ACTIVE, Verdict.TERMINATE, List.of("PART-001", "PART-004")),
                        new PartnerVerdict("P03", PartnerStatus.PROSPECTIVE, Verdict.REJECT, List.of("PART-003"))),
                Map.of(), Map.of());
    }

    private List<Disclosure> disclosures() {
        return List.of(new Disclosure(sources.get(1), null, List.of(guarantee), null, List.of()));
    }

    @Test
    void everyPartnerIsVettedInPartnersOrderWithOnlyItsOwnFindingsMostSevereFirst() {
        VettingReport v = PartnerVetting.vet(report(), partners, sources, disclosures(), null);
        assertEquals(List.of("P01", "P02", "P03"), v.partners().stream().map(p -> p.partner().id()).toList());
        assertEquals(List.of("PART-001", "PART-004"),
                v.partners().get(1).findings().stream().map(Finding::rule).toList());
        assertTrue(v.partners().get(0).findings().isEmpty());
        assertEquals(Verdict.TERMINATE, v.partners().get(1).verdict());
        assertTrue(v.partners().get(1).reason().contains("stop the partnership"));
        assertTrue(v.partners().get(2).reason().contains("do not contract it"));
    }

    @Test
    void schedulesShowWhatWasReadAndWhyTheOthersWereNot() {
        VettingReport v = PartnerVetting.vet(report(), partners, sources, disclosures(), null);
        VettingReport.Schedule p01 = v.partners().get(0).schedules().get(0);
        assertTrue(p01.read());
        assertEquals("p01sha", p01.sha256());
        assertEquals("担保费", p01.items().get(0).name());
        VettingReport.Schedule p03 = v.partners().get(2).schedules().get(0);
        assertFalse(p03.read());
        assertEquals("HTTP 404", p03.error());
    }

    @Test
    void onePartnerCanBeVettedAlone() {
        VettingReport v = PartnerVetting.vet(report(), partners, sources, List.of(), "P03");
        assertEquals(1, v.partners().size());
        assertEquals(Verdict.REJECT, v.partners().get(0).verdict());
    }

    @Test
    void anUnknownPartnerIsAClearErrorListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PartnerVetting.vet(report(), partners, sources, List.of(), "P99"));
        assertEquals("no partner P99 in partners.json (partners: P01, P02, P03)", e.getMessage());
    }

    @Test
    void theTextSaysVerdictReasonScheduleAndEvidencePartnerByPartner() {
        String text = new VettingText(1).render(PartnerVetting.vet(report(), partners, sources, disclosures(), null));
        assertTrue(text.startsWith("Partner vetting: BCRCB 北辰农村商业银行 (CN-BJ), as of 2023-12-31\n"
                + "3 partners: 1 approve, 1 reject, 1 terminate\n"), text);
        assertTrue(text.contains("P01 北辰融资担保有限公司 (guarantee, active, government-backed)\n"
                + "  Verdict: APPROVE."), text);
        assertTrue(text.contains("      担保费  年担保费率0.8%\n"), text);
        assertTrue(text.contains("p03-schedule  http://127.0.0.1:9/p03  NOT READ: HTTP 404"), text);
        assertTrue(text.contains("    [critical] PART-001  Partner P02 publishes 资金管理费\n"
                + "      action: terminate-partnership; cites 银保监办发〔2023〕42号（八）\n"
                + "      - p02-schedule tr:nth-child(3): 资金管理费 按贷款金额的0.5%\n"), text);
        // 7 pieces of evidence in all, one shown
        assertTrue(text.contains("      … and 6 more"), text);
        assertFalse(text.contains("L0001"), text);
    }

    @Test
    void theJsonCarriesTheReportsPartnerFieldsAndTheFindingsInReportForm() {
        String json = VettingJson.render(PartnerVetting.vet(report(), partners, sources, disclosures(), "P02"));
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        assertEquals("feewatch.vetting/1", root.get("schema").getAsString());
        JsonObject p02 = root.getAsJsonArray("partners").get(0).getAsJsonObject();
        assertEquals("terminate", p02.get("verdict").getAsString());
        assertEquals("active", p02.get("status").getAsString());
        assertEquals("PART-001", p02.getAsJsonArray("rules").get(0).getAsString());
        JsonObject finding = p02.getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("partner", finding.getAsJsonObject("subject").get("type").getAsString());
        assertEquals("abc123", finding.getAsJsonArray("evidence").get(0).getAsJsonObject().get("sha256").getAsString());
        assertEquals("terminate-partnership", finding.get("action").getAsString());
        assertEquals("ok", p02.getAsJsonArray("schedules").get(0).getAsJsonObject().get("status").getAsString());
    }
}
