package org.feewatch.disclosure.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.feewatch.api.Snapshot;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.spi.SourceException;
import org.feewatch.disclosure.internal.snapshot.FileSnapshotStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Fetches from servers on 127.0.0.1 that behave and misbehave; every test is bounded. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PoliteSourceFetcherHttpTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String PAGE = "<html><body><table><tr><td>贷款承诺费</td><td>不收费</td></tr></table></body></html>";

    @TempDir
    Path tmp;

    private PageServer server;
    private FileSnapshotStore store;

    @BeforeEach
    void start() throws IOException {
        server = new PageServer();
        store = new FileSnapshotStore(tmp.resolve("snapshots"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PoliteSourceFetcher fetcher(Map<String, Object> config) {
        return new PoliteSourceFetcher(TestConfigs.quick(config), store, InetAddress::getAllByName);
    }

    private PoliteSourceFetcher fetcher() {
        return fetcher(Map.of());
    }

    private static SourceRef url(String url) {
        return new SourceRef("src", "BANK-A", SourceKind.PRICE_CATALOG, url, null, null);
    }

    private Snapshot fetch(PoliteSourceFetcher f, String url) throws SourceException {
        return f.fetch(url(url), tmp.resolve("case"), false);
    }

    private String failure(PoliteSourceFetcher f, String url) {
        return assertThrows(SourceException.class, () -> fetch(f, url)).getMessage();
    }

    private String failure(String url) {
        return failure(fetcher(), url);
    }

    @Test
    void pageIsReadDecodedAndKeptAsASnapshot() throws Exception {
        byte[] body = PAGE.getBytes(GBK);
        server.page("/fees.html", "text/html; charset=GBK", body);
        Snapshot s = fetch(fetcher(), server.url("/fees.html"));
        assertEquals(PAGE, s.text());
        assertEquals("GB18030", s.charset());
        assertEquals("header", s.charsetOrigin());
        assertEquals(server.url("/fees.html"), s.location());
        assertEquals("src", s.sourceId());
        assertArrayEquals(body, s.body());
        assertEquals(FileSnapshotStore.sha256(body), s.sha256());
        assertArrayEquals(body, store.get(s.sha256()).orElseThrow().body());
    }

    @Test
    void userAgentNamesFeewatchAndAContact() throws Exception {
        server.page("/fees.html", "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        fetch(fetcher(), server.url("/fees.html"));
        assertTrue(server.userAgents.stream().allMatch(ua -> ua.startsWith("feewatch/") && ua.contains("+https://")),
                server.userAgents.toString());
    }

    @Test
    void notFoundFailsAtOnce() {
        assertEquals("HTTP 404", failure(server.url("/missing.html")));
        assertEquals(1, server.hits("/missing.html"));
    }

    @Test
    void serverErrorIsRetriedThenFails() {
        server.status("/broken.html", 500);
        assertEquals("HTTP 500 after 3 attempts", failure(server.url("/broken.html")));
        assertEquals(3, server.hits("/broken.html"));
    }

    @Test
    void retriesFollowConfiguration() {
        server.status("/busy.html", 503);
        assertEquals("HTTP 503", failure(fetcher(Map.of("max_retries", 0)), server.url("/busy.html")));
        assertEquals(1, server.hits("/busy.html"));
    }

    @Test
    void unavailableServerThatRecoversIsRead() throws Exception {
        server.on("/flaky.html", ex -> {
            if (server.hits("/flaky.html") == 1) {
                PageServer.respond(ex, 503, "text/html", "<p>busy</p>".getBytes(StandardCharsets.UTF_8));
            } else {
                PageServer.respond(ex, 200, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8));
            }
        });
        assertEquals(PAGE, fetch(fetcher(), server.url("/flaky.html")).text());
        assertEquals(2, server.hits("/flaky.html"));
    }

    @Test
    void clientErrorOtherThanNotFoundIsNotRetried() {
        server.status("/secret.html", 403);
        assertEquals("HTTP 403", failure(server.url("/secret.html")));
        assertEquals(1, server.hits("/secret.html"));
    }

    @Test
    void redirectIsFollowedAndTheFinalUrlRecorded() throws Exception {
        server.redirect("/old.html", "/new.html");
        server.page("/new.html", "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8));
        Snapshot s = fetch(fetcher(), server.url("/old.html"));
        assertEquals(server.url("/new.html"), s.location());
        assertEquals(PAGE, s.text());
    }

    @Test
    void redirectLoopFails() {
        server.redirect("/a.html", "/b.html");
        server.redirect("/b.html", server.url("/a.html"));
        assertEquals("redirect loop", failure(server.url("/a.html")));
    }

    @Test
    void tooManyRedirectsFail() {
        for (int i = 1; i <= 10; i++) {
            server.redirect("/r" + i, "/r" + (i + 1));
        }
        assertEquals("too many redirects (5)", failure(server.url("/r1")));
        assertEquals(1, server.hits("/r6"), "five redirects were followed");
        assertEquals(0, server.hits("/r7"));
    }

    @Test
    void redirectToAnotherSchemeFails() {
        server.redirect("/to-file.html", "file:///etc/passwd");
        assertEquals("unsupported scheme file: only http and https are fetched", failure(server.url("/to-file.html")));
    }

    @Test
    void otherSchemesAreNeverFetched() {
        assertEquals("unsupported scheme ftp: only http and https are fetched", failure("ftp://127.0.0.1/fees.html"));
        assertEquals("unsupported scheme file: only http and https are fetched", failure("file:///etc/passwd"));
        assertEquals("unsupported scheme javascript: only http and https are fetched", failure("javascript:alert(1)"));
        assertEquals("not an absolute http or https URL", failure("pages/fees.html"));
    }

    @Test
    void nonHtmlContentTypeFails() {
        server.page("/prices.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertEquals("not HTML (image/png)", failure(server.url("/prices.png")));
    }

    @Test
    void damagedPdfFailsSayingWhy() {
        server.page("/prices.pdf", "application/pdf", "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII));
        assertEquals("not a readable PDF: the file is damaged or incomplete", failure(server.url("/prices.pdf")));
    }

    @Test
    void pdfWithoutContentTypeIsRecognisedByItsBytes() {
        server.page("/prices", null, "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII));
        assertEquals("not a readable PDF: the file is damaged or incomplete", failure(server.url("/prices")));
    }

    @Test
    void pdfServedAsADownloadIsReadByItsBytes() throws Exception {
        byte[] body;
        try (var in = org.feewatch.disclosure.internal.pdf.PdfPages.class.getResourceAsStream("owner-only.pdf")) {
            body = in.readAllBytes();
        }
        server.page("/fees.pdf", "application/octet-stream", body);
        assertEquals("application/pdf", fetch(fetcher(), server.url("/fees.pdf")).contentType());
        server.page("/fees.bin", "application/octet-stream", PAGE.getBytes(StandardCharsets.UTF_8));
        assertEquals("not HTML (application/octet-stream)", failure(server.url("/fees.bin")));
        assertEquals("not HTML (application/octet-stream)",
                failure(fetcher(Map.of("accepted_types", new String[] {"text/html"})), server.url("/fees.pdf")));
    }

    @Test
    void textPdfServedAsPdfIsRead() throws Exception {
        byte[] body;
        try (var in = org.feewatch.disclosure.internal.pdf.PdfPages.class.getResourceAsStream("owner-only.pdf")) {
            body = in.readAllBytes();
        }
        server.page("/fees.pdf", "application/pdf", body);
        Snapshot s = fetch(fetcher(), server.url("/fees.pdf"));
        assertEquals("application/pdf", s.contentType());
        assertTrue(s.text().contains(">资金管理费</p>"), s.text());
    }

    @Test
    void bodyOverTheLimitStopsReadingAndFails() throws Exception {
        long limit = 10L * 1024 * 1024;
        try (RawServer raw = new RawServer((socket, out, n) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            String size = Integer.toHexString(chunk.length) + "\r\n";
            for (long sent = 0; sent <= 4 * limit; sent += chunk.length) { // endless for the client: it must stop
                RawServer.write(out, size);
                out.write(chunk);
                RawServer.write(out, "\r\n");
            }
        })) {
            assertEquals("body over 10 MB", failure(raw.url("/huge.html")));
        }
    }

    @Test
    void declaredLengthOverTheLimitFailsWithoutReading() throws Exception {
        try (RawServer raw = new RawServer((socket, out, n) ->
                RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 20000000\r\n\r\n<html>"))) {
            assertEquals("body over 10 MB", failure(raw.url("/huge.html")));
        }
    }

    @Test
    void bodyLimitFollowsConfiguration() {
        server.page("/big.html", "text/html", new byte[3000]);
        assertEquals("body over 2 KB", failure(fetcher(Map.of("max_body_bytes", 2048L)), server.url("/big.html")));
    }

    @Test
    void hugeResponseHeadersFail() throws Exception {
        try (RawServer raw = new RawServer((socket, out, n) -> {
            StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n");
            for (int i = 0; i < 100; i++) {
                head.append("X-Padding-").append(i).append(": ").append("y".repeat(1000)).append("\r\n");
            }
            head.append("Content-Length: 6\r\n\r\n<html>");
            RawServer.write(out, head.toString());
        })) {
            assertEquals("response headers over 64 KB", failure(raw.url("/padded.html")));
        }
    }

    @Test
    void headersBeyondWhatTheJvmAcceptsFailTheSameWay() throws Exception {
        try (RawServer raw = new RawServer((socket, out, n) -> {
            StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n");
            for (int i = 0; i < 1000; i++) {
                head.append("X-Padding-").append(i).append(": ").append("y".repeat(1000)).append("\r\n");
            }
            RawServer.write(out, head.append("Content-Length: 6\r\n\r\n<html>").toString());
        })) {
            assertEquals("response headers over 64 KB", failure(raw.url("/padded.html")));
        }
    }

    @Test
    void slowDripHitsTheWholeFetchDeadlineAndTheConnectionIsDropped() throws Exception {
        java.util.concurrent.CountDownLatch hungUp = new java.util.concurrent.CountDownLatch(1);
        try (RawServer raw = new RawServer((socket, out, n) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n");
            try {
                while (true) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException e) {
                hungUp.countDown();
            }
        })) {
            assertEquals("timed out after 0.5 s", failure(fetcher(Map.of("fetch_timeout_ms", 500)), raw.url("/drip.html")));
            assertTrue(hungUp.await(5, java.util.concurrent.TimeUnit.SECONDS), "the fetcher closed the connection");
        }
    }

    @Test
    void slowDripOfHeadersHitsTheDeadlineToo() throws Exception {
        try (RawServer raw = new RawServer((socket, out, n) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\n");
            while (true) {
                RawServer.write(out, "X");
                Thread.sleep(100);
            }
        })) {
            assertEquals("timed out after 0.5 s", failure(fetcher(Map.of("fetch_timeout_ms", 500)), raw.url("/drip.html")));
        }
    }

    @Test
    void serverThatNeverAnswersTimesOut() throws Exception {
        try (RawServer raw = new RawServer((socket, out, n) -> Thread.sleep(60_000))) {
            assertEquals("timed out after 0.5 s", failure(fetcher(Map.of("fetch_timeout_ms", 500)), raw.url("/silent.html")));
        }
    }

    @Test
    void connectionResetIsRetried() throws Exception {
        try (RawServer raw = new RawServer((socket, out, n) -> {
            if (n == 1) {
                socket.setSoLinger(true, 0); // closing now sends a reset
                socket.close();
                return;
            }
            RawServer.write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 6\r\nConnection: close\r\n\r\n<html>");
        })) {
            assertEquals("<html>", fetch(fetcher(), raw.url("/reset.html")).text());
            assertEquals(2, raw.requests());
        }
    }

    @Test
    void connectionResetEveryTimeFailsAfterTheRetries() throws Exception {
        try (RawServer raw = new RawServer((socket, out, n) -> {
            socket.setSoLinger(true, 0);
            socket.close();
        })) {
            String reason = failure(raw.url("/reset.html"));
            assertTrue(reason.equals("connection reset after 3 attempts")
                    || reason.equals("connection closed before the response was complete after 3 attempts"), reason);
            // the JDK's client may itself retry a GET once on a dead connection: 3 attempts are 3 to 6 connections
            assertTrue(raw.requests() >= 3 && raw.requests() <= 6, raw.requests() + " requests");
        }
    }

    @Test
    void connectTimeoutIsRetriedThenFails() throws Exception {
        // a listener whose accept queue is full drops new connection attempts, so connecting hangs
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            java.util.List<java.net.Socket> fillers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    java.net.Socket s = new java.net.Socket();
                    fillers.add(s);
                    try {
                        s.connect(full.getLocalSocketAddress(), 100);
                    } catch (IOException e) {
                        break; // the queue is full
                    }
                }
                org.junit.jupiter.api.Assumptions.assumeTrue(fillers.size() < 8, "this system never drops connection attempts");
                String reason = failure(fetcher(Map.of("connect_timeout_ms", 200, "max_retries", 1)),
                        "http://127.0.0.1:" + full.getLocalPort() + "/fees.html");
                assertEquals("connect timed out after 0.2 s (2 attempts)", reason);
            } finally {
                for (java.net.Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void nothingListeningIsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        assertEquals("could not connect to 127.0.0.1", failure("http://127.0.0.1:" + port + "/fees.html"));
    }

    @Test
    void gzipBodyIsDecompressed() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        server.on("/zipped.html", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            PageServer.respond(ex, 200, "text/html; charset=utf-8", zipped.toByteArray());
        });
        Snapshot s = fetch(fetcher(), server.url("/zipped.html"));
        assertEquals(PAGE, s.text());
        assertArrayEquals(PAGE.getBytes(StandardCharsets.UTF_8), s.body());
    }

    // ---------------------------------------------------------------- robots.txt

    @Test
    void robotsDisallowFailsTheSourceWithoutFetchingIt() {
        server.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
        server.page("/private/fees.html", "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        assertEquals("disallowed by robots.txt", failure(server.url("/private/fees.html")));
        assertEquals(0, server.hits("/private/fees.html"));
    }

    @Test
    void robotsGroupForFeewatchIsTheOneObeyed() throws Exception {
        server.page("/robots.txt", "text/plain",
                "User-agent: *\nDisallow: /\n\nUser-agent: feewatch\nAllow: /fees/\nDisallow: /\n".getBytes(StandardCharsets.UTF_8));
        server.page("/fees/list.html", "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        server.page("/other.html", "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        PoliteSourceFetcher f = fetcher();
        assertEquals(PAGE, fetch(f, server.url("/fees/list.html")).text());
        assertEquals("disallowed by robots.txt", failure(f, server.url("/other.html")));
    }

    @Test
    void robotsTxtIsReadOncePerHostPerAudit() throws Exception {
        server.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
        server.page("/a.html", "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        server.page("/b.html", "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        PoliteSourceFetcher f = fetcher();
        Path caseA = tmp.resolve("case-a");
        Path caseB = tmp.resolve("case-b");
        f.fetch(url(server.url("/a.html")), caseA, false);
        f.fetch(url(server.url("/b.html")), caseA, false);
        assertEquals(1, server.hits("/robots.txt"));
        f.fetch(url(server.url("/a.html")), caseB, false);
        assertEquals(2, server.hits("/robots.txt"), "another audit reads robots.txt afresh");
    }

    @Test
    void robotsTxtThatCannotBeReadForbidsTheHost() {
        server.status("/robots.txt", 503);
        server.page("/fees.html", "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        assertEquals("robots.txt unreachable (HTTP 503 after 3 attempts)", failure(server.url("/fees.html")));
        assertEquals(0, server.hits("/fees.html"));
    }

    @Test
    void missingRobotsTxtAllowsEverything() throws Exception {
        server.page("/fees.html", "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        assertEquals(PAGE, fetch(fetcher(), server.url("/fees.html")).text());
        assertEquals(1, server.hits("/robots.txt"));
    }

    @Test
    void redirectIntoADisallowedPathFails() {
        server.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8));
        server.redirect("/public.html", "/private/fees.html");
        assertEquals("disallowed by robots.txt", failure(server.url("/public.html")));
        assertEquals(0, server.hits("/private/fees.html"));
    }

    // ---------------------------------------------------------------- restricted (serve) mode

    @Test
    void restrictedModeRefusesLoopbackEvenWhenAllowListed() {
        server.page("/fees.html", "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        PoliteSourceFetcher f = fetcher(Map.of("allowed_hosts", new String[] {"127.0.0.1"}));
        SourceException e = assertThrows(SourceException.class,
                () -> f.fetch(url(server.url("/fees.html")), tmp, true));
        assertEquals("refused: 127.0.0.1 is a loopback address", e.getMessage());
        assertEquals(0, server.hits("/fees.html"));
        assertEquals(0, server.hits("/robots.txt"));
    }

    @Test
    void restrictedModeRefusesHostsOffTheAllowList() {
        PoliteSourceFetcher f = fetcher(Map.of("allowed_hosts", new String[] {"www.example-bank.cn"}));
        SourceException e = assertThrows(SourceException.class,
                () -> f.fetch(url(server.url("/fees.html")), tmp, true));
        assertEquals("host 127.0.0.1 is not on the allow-list", e.getMessage());
    }

    @Test
    void restrictedModeReachesPrivateAddressesTheConfigurationNames() throws Exception {
        server.page("/fees.html", "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        PoliteSourceFetcher f = fetcher(Map.of("allowed_hosts", new String[] {"127.0.0.1"},
                "allowed_private", new String[] {"127.0.0.0/8"}));
        assertEquals(PAGE, f.fetch(url(server.url("/fees.html")), tmp, true).text());
    }

    @Test
    void commandLineModeFetchesAnyHost() throws Exception {
        server.page("/fees.html", "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        assertEquals(PAGE, fetcher().fetch(url(server.url("/fees.html")), tmp, false).text());
    }

    @Test
    void restrictedModeRefusesARedirectToAnInternalHost() {
        server.redirect("/out.html", "http://localhost:" + server.url("/").split(":")[2].replace("/", "") + "/fees.html");
        PoliteSourceFetcher f = new PoliteSourceFetcher(TestConfigs.quick(Map.of("allowed_hosts", new String[] {"127.0.0.1", "localhost"},
                "allowed_private", new String[] {"127.0.0.1"})), store, host -> host.equals("localhost")
                        ? new InetAddress[] {InetAddress.getByAddress("localhost", new byte[] {10, 0, 0, 7})}
                        : InetAddress.getAllByName(host));
        SourceException e = assertThrows(SourceException.class, () -> f.fetch(url(server.url("/out.html")), tmp, true));
        assertEquals("refused: 10.0.0.7 is a private address", e.getMessage());
    }
}
