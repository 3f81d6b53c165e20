package org.feewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.feewatch.api.Snapshot;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.SourceStatus;
import org.feewatch.api.Subject;
import org.feewatch.api.Verdict;
import org.feewatch.store.Store.ChangeFinding;
import org.feewatch.store.Store.DecisionRecord;
import org.feewatch.store.internal.JdbcStore;
import org.feewatch.store.internal.JdbcStoreFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecorderTest {

    private static final CaseInfo CASE = new CaseInfo("BCRCB", "北辰农村商业银行", "rural-commercial", "CN-BJ",
            LocalDate.parse("2023-12-31"), null);
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;
    private JdbcStore store;

    private final Partner p02 = new Partner("P02", "链融科技有限公司", PartnerType.LOAN_FACILITATION, PartnerStatus.ACTIVE,
            false);
    private final Partner p09 = new Partner("P09", "某保险", PartnerType.INSURANCE, PartnerStatus.PROSPECTIVE, false);
    private final SourceRef p02Schedule = new SourceRef("p02-schedule", "P02", SourceKind.PARTNER_SCHEDULE,
            "http://127.0.0.1:8000/p02/fees.html", null, null);
    private final SourceRef p09Schedule = new SourceRef("p09-schedule", "P09", SourceKind.PARTNER_SCHEDULE, null,
            "pages/p09.html", null);

    private JdbcStore store() throws Exception {
        if (store == null) {
            store = new JdbcStore(JdbcStoreFactory.h2Url(dir.resolve("store")), "", "", Clock.fixed(T0, ZoneOffset.UTC));
        }
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static FeeItem item(String source, String name, String price) {
        return new FeeItem(source, name, null, null, price, Price.unstated(price), null, null, null, "tr", name + " " + price);
    }

    private static Disclosure schedule(SourceRef ref, FeeItem... items) {
        StringBuilder html = new StringBuilder("<table>");
        for (FeeItem i : items) {
            html.append("<tr><td>").append(i.name()).append("</td><td>").append(i.priceText()).append("</td></tr>");
        }
        byte[] body = html.append("</table>").toString().getBytes(StandardCharsets.UTF_8);
        String sha = org.feewatch.store.internal.JdbcStoreFactory.sha256(body);
        return new Disclosure(ref, new Snapshot(ref.id(), ref.location(), sha, "text/html", "UTF-8", "meta", T0, body,
                new String(body, StandardCharsets.UTF_8)), List.of(items), null, List.of());
    }

    private RunRecorder.Outcome outcome(List<Finding> findings, Verdict p02Verdict, Disclosure... read) {
        List<SourceStatus> statuses = new ArrayList<>();
        for (Disclosure d : read) {
            statuses.add(SourceStatus.ok(d.source().id(), d.snapshot().sha256(), d.items().size()));
        }
        List<String> rules = findings.stream().filter(f -> f.subject().id().equals("P02")).map(Finding::rule).toList();
        Report report = new Report(T0, CASE, "1.0.0", List.of("national 1.0.0"), statuses, LoanCounts.NONE, List.of(),
                findings, List.of(new PartnerVerdict("P02", PartnerStatus.ACTIVE, p02Verdict, rules),
                        new PartnerVerdict("P09", PartnerStatus.PROSPECTIVE, Verdict.APPROVE, List.of())),
                Map.of(), Map.of());
        return new RunRecorder.Outcome(report, "{}".getBytes(StandardCharsets.UTF_8), List.of(p02, p09),
                List.of(p02Schedule, p09Schedule), statuses, List.of(read));
    }

    private final Finding part001 = new Finding("PART-001", Severity.CRITICAL, Subject.partner("P02"),
            "Partner P02 publishes 资金管理费", List.of(new Evidence("p02-schedule", "tr", "资金管理费 0.5%", null)), Map.of(),
            List.of("银保监办发〔2023〕42号（八）"), Action.TERMINATE_PARTNERSHIP);

    @Test
    void aScheduleChangeThatIntroducesABreachIsRecordedWithWhatChangedAndOpensADecision() throws Exception {
        RunRecorder recorder = new RunRecorder(store());
        recorder.record("monitor", "monitor", "cases/demo", T0, T0, outcome(List.of(), Verdict.APPROVE,
                schedule(p02Schedule, item("p02-schedule", "平台服务费", "0.25%/月")),
                schedule(p09Schedule, item("p09-schedule", "保险费", "年1%"))));
        assertTrue(store().changeFindings("P02").isEmpty());

        recorder.record("monitor", "monitor", "cases/demo", T0, T0, outcome(List.of(part001), Verdict.TERMINATE,
                schedule(p02Schedule, item("p02-schedule", "平台服务费", "0.25%/月"),
                        item("p02-schedule", "资金管理费", "0.5%")),
                schedule(p09Schedule, item("p09-schedule", "保险费", "年1%"))));

        List<ChangeFinding> changes = store().changeFindings("P02");
        assertEquals(1, changes.size());
        assertEquals(List.of("PART-001"), changes.get(0).rules());
        assertTrue(changes.get(0).changes().contains("资金管理费"), changes.get(0).changes());
        assertEquals(store().snapshots("P02").get(0).id(), changes.get(0).previousSnapshotId());
        assertEquals(2, store().snapshots("P02").size());
        DecisionRecord decision = store().decisions("P02").get(0);
        assertEquals(DecisionRecord.State.OPEN, decision.state());
        assertTrue(store().vettings("P02").get(1).evidence().contains("资金管理费"));
        assertTrue(store().verifyChain().intact());
    }

    @Test
    void aChangeWithoutANewBreachIsKeptAsASnapshotButIsNoFinding() throws Exception {
        RunRecorder recorder = new RunRecorder(store());
        recorder.record("monitor", "monitor", "cases/demo", T0, T0, outcome(List.of(), Verdict.APPROVE,
                schedule(p02Schedule, item("p02-schedule", "平台服务费", "0.25%/月"))));
        recorder.record("monitor", "monitor", "cases/demo", T0, T0, outcome(List.of(), Verdict.APPROVE,
                schedule(p02Schedule, item("p02-schedule", "平台服务费", "0.2%/月"))));
        assertTrue(store().changeFindings("P02").isEmpty());
        assertEquals(2, store().snapshots("P02").size());
        assertFalse(store().snapshots("P02").get(0).sha256().equals(store().snapshots("P02").get(1).sha256()));
    }

    @Test
    void aProspectivePartnerIsRecordedFromItsScheduleAloneAndAFailedScheduleWithItsReason() throws Exception {
        RunRecorder recorder = new RunRecorder(store());
        RunRecorder.Outcome o = outcome(List.of(), Verdict.APPROVE,
                schedule(p09Schedule, item("p09-schedule", "保险费", "年1%")));
        RunRecorder.Outcome failed = new RunRecorder.Outcome(o.report(), o.reportJson(), o.partners(), o.sources(),
                List.of(o.statuses().get(0), SourceStatus.failed("p02-schedule", "HTTP 404")), o.disclosures());
        recorder.record("vet", "alice", "cases/demo", T0, T0, failed);
        assertEquals("approve", store().vettings("P09").get(0).verdict());
        assertEquals("prospective", store().vettings("P09").get(0).status());
        assertEquals("HTTP 404", store().snapshots("P02").get(0).error());
        assertEquals("vet", store().runs(1).get(0).kind());
    }
}
