package org.feewatch.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.feewatch.api.spi.DisclosureExtractor;
import org.feewatch.api.spi.FeeDictionary;
import org.feewatch.api.spi.RulePack;
import org.feewatch.core.AuditService;
import org.feewatch.core.internal.AuditServiceWiring;
import org.feewatch.disclosure.internal.extract.BlockCatalogueExtractor;
import org.feewatch.disclosure.internal.extract.ExtractionLimits;
import org.feewatch.disclosure.internal.extract.ProductPageExtractor;
import org.feewatch.disclosure.internal.extract.TableCatalogueExtractor;
import org.feewatch.disclosure.internal.fetch.FetchConfig;
import org.feewatch.disclosure.internal.fetch.PoliteSourceFetcher;
import org.feewatch.disclosure.internal.snapshot.FileSnapshotStore;
import org.feewatch.engine.fees.SynonymFeeDictionary;
import org.feewatch.report.JsonReportWriter;
import org.feewatch.rules.national.internal.NationalLpr;
import org.feewatch.rules.national.internal.NationalRulePack;
import org.feewatch.store.Store.ChangeFinding;
import org.feewatch.store.Store.DecisionRecord;
import org.feewatch.store.Store.RunSummary;
import org.feewatch.store.Store.SnapshotRecord;
import org.feewatch.store.Store.VettingRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

import com.sun.net.httpserver.HttpServer;

/**
 * Continuous evaluation end to end, without OSGi: a partner publishes its fee schedule on a local
 * web server; the monitor's pass runs the real audit service (case reader, fetcher, extractors,
 * national pack, engine) and the store's recorder writes to an H2 store. A clean v1 is approved;
 * when v2 adds a prohibited item, the next pass records the change, a PART-001 change finding, the
 * terminate verdict and an open decision, and the partner's history shows them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PartnerMonitorChangeDetectionTest {

    private static final String V1 = page("<tr><td>担保费</td><td>年担保费率0.8%（按担保金额计收）</td><td></td></tr>");
    private static final String V2 = page("<tr><td>担保费</td><td>年担保费率0.8%（按担保金额计收）</td><td></td></tr>"
            + "<tr><td>资金管理费</td><td>按贷款金额的0.5%，放款时一次性收取</td><td></td></tr>");

    @TempDir
    Path dir;

    private HttpServer server;
    private volatile String published = V1;
    private JdbcStore store;
    private PartnerMonitor monitor;

    private static String page(String rows) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><title>北辰融资担保有限公司 收费标准公示</title></head>
                <body>
                <h1>北辰融资担保有限公司 收费标准公示</h1>
                <table border="1" cellspacing="0">
                <tr><th>收费项目</th><th>收费标准</th><th>说明</th></tr>
                """ + rows + "\n</table>\n</body>\n</html>\n";
    }

    @BeforeEach
    void setUp() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals("/p01/fees.html")) {
                    exchange.sendResponseHeaders(404, -1); // robots.txt too: no rules, everything allowed
                    return;
                }
                byte[] body = published.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/p01/fees.html";

        Path caseDir = Files.createDirectories(dir.resolve("home/cases/partners"));
        Files.writeString(caseDir.resolve("case.json"), """
                {"institution": {"id": "BCRCB", "name": "北辰农村商业银行股份有限公司", "type": "rural-commercial"},
                 "region": "CN-BJ", "asOf": "2023-12-31"}
                """);
        Files.writeString(caseDir.resolve("partners.json"), """
                [{"id": "P01", "name": "北辰融资担保有限公司", "type": "guarantee", "status": "active"}]
                """);
        Files.writeString(caseDir.resolve("sources.json"), """
                [{"id": "p01-schedule", "owner": "P01", "kind": "partner-schedule", "url": "%s"}]
                """.formatted(url));

        store = new JdbcStore(JdbcStoreFactory.h2Url(dir.resolve("store/feewatch")), "", "", Clock.systemUTC());
        StoreRecorder recorder = new StoreRecorder(store);
        recorder.addWriter(new JsonReportWriter());
        List<RulePack> packs = List.of(new NationalRulePack());
        FeeDictionary dictionary = SynonymFeeDictionary.of(packs);
        List<DisclosureExtractor> extractors = List.of(
                new TableCatalogueExtractor(ExtractionLimits.DEFAULTS, dictionary),
                new BlockCatalogueExtractor(ExtractionLimits.DEFAULTS, dictionary),
                new ProductPageExtractor(ExtractionLimits.DEFAULTS, dictionary));
        // the shipped fetch configuration, bounded tighter and without the politeness delay for speed;
        // the monitor's audits are unrestricted (as on the command line), so 127.0.0.1 may be read
        PoliteSourceFetcher fetcher = new PoliteSourceFetcher(fetchConfig(Map.of("connect_timeout_ms", 2_000,
                "fetch_timeout_ms", 5_000, "host_delay_ms", 0, "max_retries", 0)),
                new FileSnapshotStore(dir.resolve("snapshots")));
        AuditService audits = AuditServiceWiring.wire(packs, extractors, fetcher, NationalLpr.BUILT_IN,
                List.of(new JsonReportWriter()), List.of(recorder));
        monitor = new PartnerMonitor(monitorConfig("cases/partners"), audits, home(dir.resolve("home")));
    }

    @AfterEach
    void tearDown() {
        if (monitor != null) {
            monitor.deactivate();
        }
        if (server != null) {
            server.stop(0);
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aScheduleThatStartsPublishingAProhibitedFeeIsCaughtByTheNextPassAndOpensATerminateDecision()
            throws Exception {
        assertTrue(monitor.pass(), "first pass");

        List<RunSummary> runs = store.runs(10);
        assertEquals(1, runs.size());
        assertEquals("monitor", runs.get(0).kind());
        assertEquals("monitor", runs.get(0).actor());
        List<VettingRecord> first = store.vettingsOfRun(runs.get(0).id());
        assertEquals(1, first.size());
        assertEquals("P01", first.get(0).partnerId());
        assertEquals("approve", first.get(0).verdict());
        assertFalse(first.get(0).rules().contains("PART-001"), first.get(0).rules().toString());
        List<SnapshotRecord> readings = store.snapshots("P01");
        assertEquals(1, readings.size());
        assertTrue(readings.get(0).ok(), readings.get(0).error());
        assertEquals(List.of("担保费"), readings.get(0).items().stream().map(i -> i.name()).toList());
        assertTrue(store.changeFindings("P01").isEmpty());
        assertTrue(store.decisions("P01").isEmpty());

        published = V2;
        assertTrue(monitor.pass(), "second pass");

        runs = store.runs(10);
        assertEquals(2, runs.size());
        long secondRun = runs.stream().mapToLong(RunSummary::id).max().orElseThrow();
        List<VettingRecord> second = store.vettingsOfRun(secondRun);
        assertEquals("terminate", second.get(0).verdict());
        assertTrue(second.get(0).rules().contains("PART-001"), second.get(0).rules().toString());
        String report = new String(store.report(secondRun).orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(report.contains("\"PART-001\""), "the recorded report names PART-001");

        readings = store.snapshots("P01");
        assertEquals(2, readings.size());
        assertFalse(readings.get(0).sha256().equals(readings.get(1).sha256()));

        List<ChangeFinding> changes = store.changeFindings("P01");
        assertEquals(1, changes.size());
        ChangeFinding change = changes.get(0);
        assertTrue(change.rules().contains("PART-001"), change.rules().toString());
        assertEquals("p01-schedule", change.sourceId());
        assertEquals(readings.get(0).id(), change.previousSnapshotId());
        org.feewatch.store.ScheduleDiff diff = org.feewatch.store.ScheduleDiff.fromJson(change.changes());
        assertEquals(List.of("资金管理费"), diff.added().stream().map(i -> i.name()).toList());
        assertTrue(diff.removed().isEmpty() && diff.changed().isEmpty(), diff.describe());

        List<DecisionRecord> decisions = store.decisions("P01");
        assertEquals(1, decisions.size());
        assertEquals("terminate", decisions.get(0).verdict());
        assertEquals(DecisionRecord.State.OPEN, decisions.get(0).state());
        assertEquals(second.get(0).id(), decisions.get(0).vettingId());

        String history = StoreText.partnerHistory(store, "P01");
        assertTrue(history.contains("changed: added 资金管理费"), history);
        assertTrue(history.lines().anyMatch(l -> l.contains("p01-schedule") && l.contains("PART-001: added 资金管理费")),
                history);
        assertTrue(history.lines().anyMatch(l -> l.contains("terminate") && l.contains("PART-001")), history);
        assertTrue(history.lines().anyMatch(l -> l.contains("approve") && l.contains("no partner rule broken")),
                history);
        assertTrue(history.contains("terminate, opened") && history.contains("open (partners decide P01"), history);
        assertTrue(store.verifyChain().intact());

        // unchanged v2: a third pass reads the same body, finds no new breach and opens no second decision
        assertTrue(monitor.pass(), "third pass");
        assertEquals(1, store.changeFindings("P01").size());
        assertEquals(1, store.decisions("P01").size());
        assertTrue(StoreText.partnerHistory(store, "P01").contains("unchanged"));
    }

    @SuppressWarnings("unchecked")
    private static <A> A configured(Class<A> type, Map<String, Object> values) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
        });
    }

    private static FetchConfig fetchConfig(Map<String, Object> overrides) {
        return configured(FetchConfig.class, overrides);
    }

    private static MonitorConfig monitorConfig(String casePath) {
        // on, as config/org.feewatch.monitor.cfg turns it on; the test runs the passes itself
        return configured(MonitorConfig.class, Map.of("enabled", true, "case_path", casePath, "interval_minutes", 60L));
    }

    private static BundleContext home(Path home) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty") && "feewatch.home".equals(args[0])) {
                        return home.toString();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
