package org.feewatch.rules.national.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.feewatch.api.CaseInfo;
import org.feewatch.api.Disclosure;
import org.feewatch.api.Finding;
import org.feewatch.api.Loan;
import org.feewatch.api.Partner;
import org.feewatch.api.PartnerStatus;
import org.feewatch.api.PartnerType;
import org.feewatch.api.PartnerVerdict;
import org.feewatch.api.Policy;
import org.feewatch.api.Report;
import org.feewatch.api.Severity;
import org.feewatch.api.Snapshot;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.SubjectType;
import org.feewatch.api.spi.DisclosureExtractor;
import org.feewatch.disclosure.internal.extract.ExtractionLimits;
import org.feewatch.disclosure.internal.extract.ProductPageExtractor;
import org.feewatch.disclosure.internal.extract.TableCatalogueExtractor;
import org.feewatch.engine.AuditEngine;
import org.feewatch.engine.AuditInput;
import org.feewatch.engine.AuditOptions;
import org.feewatch.engine.cashflow.CashFlowLoanAnalyzer;
import org.feewatch.engine.testing.JsonlLoans;
import org.feewatch.rules.national.internal.NationalLpr;
import org.feewatch.rules.national.internal.NationalRulePack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The shared demo case through the whole engine with the national pack: the partner findings (PART-001
 * … PART-004) and every partner's verdict are exactly the expected ones, and a prospective partner is
 * vetted without a loan book.
 */
class DemoCasePartnerRulesTest {

    static final Path DEMO = Path.of("/work/shared/examples/demo-case");

    private static JsonObject expected;
    private static AuditInput.Builder input;
    private static List<Loan> loans;

    @BeforeAll
    static void readDemo() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DEMO.resolve("expected.json")),
                "the shared demo case (/work/shared/examples/demo-case) is not on this machine");
        expected = JsonParser.parseString(Files.readString(DEMO.resolve("expected.json"))).getAsJsonObject();
        JsonObject c = JsonParser.parseString(Files.readString(DEMO.resolve("case.json"))).getAsJsonObject();
        JsonObject p = c.getAsJsonObject("policy");
        CaseInfo info = new CaseInfo(c.getAsJsonObject("institution").get("id").getAsString(),
                c.getAsJsonObject("institution").get("name").getAsString(),
                c.getAsJsonObject("institution").get("type").getAsString(), c.get("region").getAsString(),
                LocalDate.parse(c.get("asOf").getAsString()),
                new Policy(p.get("maxSpreadBp").getAsInt(), new BigDecimal(p.get("maxGuaranteeFeeRate").getAsString()),
                        new BigDecimal(p.get("maxInsuranceFeeRate").getAsString()),
                        new BigDecimal(p.get("aprTolerancePp").getAsString())));
        DisclosureExtractor tables = new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, BankCase.DICTIONARY);
        DisclosureExtractor products = new ProductPageExtractor(ExtractionLimits.DEFAULTS, BankCase.DICTIONARY);
        List<SourceRef> sources = new ArrayList<>();
        List<Disclosure> disclosures = new ArrayList<>();
        List<SourceStatus> statuses = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(Files.readString(DEMO.resolve("sources.json"))).getAsJsonArray()) {
            JsonObject s = e.getAsJsonObject();
            SourceRef ref = new SourceRef(s.get("id").getAsString(), s.get("owner").getAsString(),
                    SourceKind.fromWire(s.get("kind").getAsString()), null, s.get("file").getAsString(), null);
            byte[] body = Files.readAllBytes(DEMO.resolve(ref.file()));
            Snapshot snapshot = new Snapshot(ref.id(), ref.file(), sha256(body), "text/html", "UTF-8", "meta",
                    Instant.parse("2023-12-31T00:00:00Z"), body, new String(body, StandardCharsets.UTF_8));
            Disclosure d = (ref.kind() == SourceKind.PRODUCT_PAGE ? products : tables).extract(ref, snapshot);
            sources.add(ref);
            disclosures.add(d);
            statuses.add(SourceStatus.ok(ref.id(), snapshot.sha256(), d.items().size()));
        }
        List<Partner> partners = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(Files.readString(DEMO.resolve("partners.json"))).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            partners.add(new Partner(o.get("id").getAsString(), o.get("name").getAsString(),
                    PartnerType.fromWire(o.get("type").getAsString()), PartnerStatus.fromWire(o.get("status").getAsString()),
                    o.has("governmentBacked") && o.get("governmentBacked").getAsBoolean()));
        }
        loans = new ArrayList<>();
        List<String> lines = Files.readAllLines(DEMO.resolve("loans.jsonl"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                loans.add(JsonlLoans.fromJson(lines.get(i), "loans.jsonl", i + 1));
            }
        }
        input = AuditInput.builder(info).sources(sources).sourceStatuses(statuses).disclosures(disclosures)
                .partners(partners).demandDepositRate(new BigDecimal("0.20")).referenceRates(NationalLpr.BUILT_IN);
    }

    private static Report audit(boolean withLoans) {
        AuditInput.Builder b = input;
        if (withLoans) {
            b = b.loanBook(listener -> listener.onLoans(0, loans));
        } else {
            b = b.loanBook(null);
        }
        return AuditEngine.audit(b.build(), List.of(new NationalRulePack()), new CashFlowLoanAnalyzer(),
                AuditOptions.defaults());
    }

    @Test
    void partnerFindingsAndVerdictsAreTheExpectedOnes() {
        Report report = audit(true);
        Set<String> wanted = new TreeSet<>();
        for (JsonElement e : expected.getAsJsonArray("findings")) {
            JsonObject f = e.getAsJsonObject();
            if (f.get("rule").getAsString().startsWith("PART-")) {
                wanted.add(f.get("rule").getAsString() + " " + f.get("subjectId").getAsString() + " "
                        + f.get("severity").getAsString());
            }
        }
        Set<String> actual = new TreeSet<>();
        for (Finding f : report.findings()) {
            if (f.rule().startsWith("PART-")) {
                assertEquals(SubjectType.PARTNER, f.subject().type());
                assertTrue(f.severity() != Severity.INFO, () -> "unexpected info finding " + f);
                assertTrue(!f.evidence().isEmpty(), () -> "finding without evidence " + f);
                actual.add(f.rule() + " " + f.subject().id() + " " + f.severity().wireName());
            }
        }
        assertEquals(String.join("\n", wanted), String.join("\n", actual));

        List<String> wantedVerdicts = new ArrayList<>();
        for (JsonElement e : expected.getAsJsonArray("partners")) {
            JsonObject v = e.getAsJsonObject();
            List<String> rules = new ArrayList<>();
            v.getAsJsonArray("rules").forEach(r -> rules.add(r.getAsString()));
            wantedVerdicts.add(v.get("id").getAsString() + " " + v.get("status").getAsString() + " "
                    + v.get("verdict").getAsString() + " " + rules);
        }
        List<String> verdicts = new ArrayList<>();
        for (PartnerVerdict v : report.partners()) {
            verdicts.add(v.id() + " " + v.status().wireName() + " " + v.verdict().wireName() + " " + v.rules());
        }
        assertEquals(wantedVerdicts, verdicts);
    }

    @Test
    void withoutALoanBookPartnersAreVettedOnTheirSchedulesAlone() {
        Report report = audit(false);
        List<String> verdicts = new ArrayList<>();
        for (PartnerVerdict v : report.partners()) {
            verdicts.add(v.id() + " " + v.verdict().wireName() + " " + v.rules());
        }
        // P02 publishes 资金管理费 without a small and micro exemption: PART-001 from the schedule alone
        assertEquals(List.of("P01 approve []", "P02 terminate [PART-001]", "P03 reject [PART-003]",
                "P04 conditional [PART-003]"), verdicts);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
