package org.feewatch.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.feewatch.core.AuditService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The REST API of {@code serve} through Jetty and the servlet whiteboard, on 127.0.0.1 and a free
 * port given to Jetty through Config Admin.
 */
class WebApiTest {

    /** One port for the whole run: Jetty restarts when its configuration changes. */
    private static int port;

    @InjectService(timeout = RuntimeServicesTest.WAIT)
    ConfigurationAdmin cm;

    @InjectService(timeout = RuntimeServicesTest.WAIT)
    AuditService audit;

    @TempDir
    Path temp;

    @BeforeEach
    void jettyListensOnAFreeLoopbackPort() throws Exception {
        synchronized (WebApiTest.class) {
            if (port == 0) {
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                Configuration c = cm.getConfiguration("org.apache.felix.http", "?");
                Hashtable<String, Object> p = new Hashtable<>();
                p.put("org.apache.felix.http.enable", "true");
                p.put("org.osgi.service.http.port", Integer.toString(port));
                p.put("org.apache.felix.http.host", "127.0.0.1");
                c.update(p);
            }
        }
        assertTrue(TestCases.eventually(Duration.ofSeconds(30), () -> status("GET", "/api/health", null, null) == 200),
                "GET /api/health never answered 200 on port " + port);
    }

    @Test
    void healthSaysOkWithThePlugins() throws Exception {
        JsonObject health = JsonParser.parseString(body("GET", "/api/health", null, null)).getAsJsonObject();
        assertEquals("ok", health.get("status").getAsString());
        assertTrue(health.getAsJsonArray("plugins").toString().contains("national "), health.toString());
    }

    @Test
    void rulesIsTheLoadedCatalogue() throws Exception {
        JsonArray rules = JsonParser.parseString(body("GET", "/api/rules", null, null)).getAsJsonArray();
        assertEquals(audit.rules().size(), rules.size());
        JsonObject first = rules.get(0).getAsJsonObject();
        assertEquals(audit.rules().get(0).info().code(), first.get("code").getAsString());
        for (String field : List.of("titleZh", "titleEn", "severity", "action", "citations", "pack")) {
            assertNotNull(first.get(field), field + " missing in " + first);
        }
    }

    @Test
    void anUploadedZipCaseIsAuditedAndItsReportKept() throws Exception {
        Path caseDir = TestCases.smallCase(temp.resolve("case"));
        byte[] zip = zip(caseDir);
        HttpURLConnection c = open("POST", "/api/audit", "application/zip", zip);
        assertEquals(200, c.getResponseCode());
        JsonObject report = JsonParser.parseString(read(c.getInputStream())).getAsJsonObject();
        assertEquals("feewatch.report/1", report.get("schema").getAsString());
        assertEquals(2, report.getAsJsonObject("inputs").getAsJsonObject("loans").get("accepted").getAsInt());
        String location = c.getHeaderField("Location");
        assertNotNull(location);
        assertTrue(location.startsWith("/api/reports/"), location);
        assertEquals(200, status("GET", location, null, null));
        JsonElement ids = JsonParser.parseString(body("GET", "/api/reports", null, null));
        assertTrue(ids.toString().contains(location.substring("/api/reports/".length())), ids.toString());
    }

    @Test
    void aBrokenUploadIsABadRequestWithOneLineAndNoClassName() throws Exception {
        HttpURLConnection c = open("POST", "/api/audit", "application/zip", "not a zip".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, c.getResponseCode());
        String error = JsonParser.parseString(read(c.getErrorStream())).getAsJsonObject().get("error").getAsString();
        assertFalse(error.isBlank());
        assertFalse(error.contains("\n") || error.contains("Exception"), error);
    }

    @Test
    void theRootPageNamesTheApiAndOtherPathsAreNotFound() throws Exception {
        String index = body("GET", "/", null, null);
        assertTrue(index.contains("/api/health") && index.contains("/api/audit"), index);
        assertEquals(404, status("GET", "/no-such-page", null, null));
    }

    @Test
    void theServerListensOnLoopbackOnly() throws Exception {
        HttpURLConnection c = open("GET", "/api/health", null, null);
        assertEquals(200, c.getResponseCode());
        assertEquals("127.0.0.1", new URL(c.getURL().toString()).getHost());
    }

    private static byte[] zip(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                z.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static HttpURLConnection open(String method, String path, String type, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(2000);
        c.setReadTimeout(60_000);
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", type);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        return c;
    }

    private static int status(String method, String path, String type, byte[] body) {
        try {
            HttpURLConnection c = open(method, path, type, body);
            int s = c.getResponseCode();
            c.disconnect();
            return s;
        } catch (IOException e) {
            return -1;
        }
    }

    private static String body(String method, String path, String type, byte[] body) throws IOException {
        HttpURLConnection c = open(method, path, type, body);
        assertEquals(200, c.getResponseCode(), method + " " + path);
        return read(c.getInputStream());
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
