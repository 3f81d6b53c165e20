package org.feewatch.disclosure.internal.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The fetcher's settings as plain values, checked; built from {@link FetchConfig} or, in tests, by hand. */
record FetchSettings(Duration connectTimeout, Duration fetchTimeout, long maxBodyBytes, int maxHeaderBytes,
        int maxRedirects, Duration hostDelay, int maxRetries, Duration retryBackoff, Set<Integer> retryStatuses,
        String userAgent, String robotsToken, Duration robotsCacheTtl, int robotsMaxBytes, Set<String> acceptedTypes,
        List<String> allowedHosts, List<String> allowedPrivate, int maxPdfPages) {

    FetchSettings {
        positive("connect.timeout.ms", connectTimeout.toMillis());
        positive("fetch.timeout.ms", fetchTimeout.toMillis());
        positive("max.body.bytes", maxBodyBytes);
        positive("max.header.bytes", maxHeaderBytes);
        notNegative("max.redirects", maxRedirects);
        notNegative("host.delay.ms", hostDelay.toMillis());
        notNegative("max.retries", maxRetries);
        notNegative("retry.backoff.ms", retryBackoff.toMillis());
        notNegative("robots.cache.minutes", robotsCacheTtl.toMinutes());
        positive("robots.max.bytes", robotsMaxBytes);
        positive("max.pdf.pages", maxPdfPages);
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("user.agent must not be empty");
        }
        retryStatuses = Set.copyOf(retryStatuses);
        acceptedTypes = Set.copyOf(acceptedTypes);
        allowedHosts = List.copyOf(allowedHosts);
        allowedPrivate = List.copyOf(allowedPrivate);
    }

    static FetchSettings from(FetchConfig c) {
        Set<Integer> statuses = new LinkedHashSet<>();
        for (String s : split(c.retry_statuses())) {
            try {
                statuses.add(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("retry.statuses: \"" + s + "\" is not an HTTP status");
            }
        }
        Set<String> types = new LinkedHashSet<>();
        split(c.accepted_types()).forEach(t -> types.add(t.toLowerCase(Locale.ROOT)));
        return new FetchSettings(Duration.ofMillis(c.connect_timeout_ms()), Duration.ofMillis(c.fetch_timeout_ms()),
                c.max_body_bytes(), c.max_header_bytes(), c.max_redirects(), Duration.ofMillis(c.host_delay_ms()),
                c.max_retries(), Duration.ofMillis(c.retry_backoff_ms()), statuses, c.user_agent().strip(),
                c.robots_token().strip(), Duration.ofMinutes(c.robots_cache_minutes()), c.robots_max_bytes(), types,
                split(c.allowed_hosts()), split(c.allowed_private()), c.max_pdf_pages());
    }

    /** Splits configuration lists: each value may itself be comma-separated (as a .cfg file gives them). */
    static List<String> split(String[] values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
        }
        return out;
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be more than 0, not " + value);
        }
    }

    private static void notNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be 0 or more, not " + value);
        }
    }
}
