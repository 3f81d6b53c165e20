package org.feewatch.disclosure.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FetchSettingsTest {

    @Test
    void defaultsAreTheDocumentedLimits() {
        FetchSettings s = FetchSettings.from(TestConfigs.fetch(Map.of()));
        assertEquals(Duration.ofSeconds(10), s.connectTimeout());
        assertEquals(Duration.ofSeconds(30), s.fetchTimeout());
        assertEquals("10 MB", Units.bytes(s.maxBodyBytes()));
        assertEquals("64 KB", Units.bytes(s.maxHeaderBytes()));
        assertEquals(5, s.maxRedirects());
        assertEquals(Set.of(500, 502, 503, 504), s.retryStatuses());
        assertTrue(s.userAgent().startsWith("feewatch/"));
        assertEquals(List.of(), s.allowedHosts(), "serve mode fetches nothing until hosts are allowed");
    }

    @Test
    void listsMayBeCommaSeparatedAsConfigFilesGiveThem() {
        FetchSettings s = FetchSettings.from(TestConfigs.fetch(Map.of(
                "allowed_hosts", new String[] {"www.bank.cn, *.partner.cn"},
                "retry_statuses", new String[] {"503,504"})));
        assertEquals(List.of("www.bank.cn", "*.partner.cn"), s.allowedHosts());
        assertEquals(Set.of(503, 504), s.retryStatuses());
    }

    @Test
    void badValuesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FetchSettings.from(TestConfigs.fetch(Map.of("max_redirects", -1))));
        assertEquals("max.redirects must be 0 or more, not -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> FetchSettings.from(TestConfigs.fetch(Map.of("retry_statuses", new String[] {"5xx"}))));
        assertEquals("retry.statuses: \"5xx\" is not an HTTP status", e.getMessage());
    }

    @Test
    void limitsReadAsPeopleWriteThem() {
        assertEquals("30 s", Units.seconds(Duration.ofSeconds(30)));
        assertEquals("0.5 s", Units.seconds(Duration.ofMillis(500)));
        assertEquals("10 MB", Units.bytes(10L * 1024 * 1024));
        assertEquals("64 KB", Units.bytes(64 * 1024));
        assertEquals("1500 bytes", Units.bytes(1500));
    }
}
