package org.feewatch.disclosure.internal.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import javax.net.ssl.SSLException;

import org.feewatch.api.spi.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a page over http(s) politely and within bounds: the host policy and robots.txt are
 * checked for every URL in a redirect chain; each request waits for its host's slot; the whole
 * fetch (redirects and retries included) has one deadline; the body and headers have limits;
 * transient failures are retried with backoff. Every failure is a {@link SourceException} with a
 * one-line reason.
 */
final class HttpFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);

    /** A page as received: the URL it finally came from, its content type and its (decompressed) body. */
    record Fetched(URI uri, String contentType, byte[] body) {
    }

    private enum Mode {
        PAGE("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"), ROBOTS("text/plain,*/*;q=0.1");

        final String accept;

        Mode(String accept) {
            this.accept = accept;
        }
    }

    /** What one request gave. */
    private sealed interface Outcome permits Body, Redirect, Status, Refused {
    }

    private record Body(HttpHeaders headers, byte[] bytes) implements Outcome {
    }

    private record Redirect(int status, String location) implements Outcome {
    }

    private record Status(int status, int attempts) implements Outcome {
        Status withAttempts(int n) {
            return new Status(status, n);
        }

        String reason() {
            String reason = "HTTP " + status;
            return reason + attemptsSuffix(reason, attempts);
        }
    }

    private record Refused(String reason) implements Outcome {
    }

    /** A failure worth retrying: connection reset or closed early, connect timeout. */
    private static final class Transient extends Exception {
        private static final long serialVersionUID = 1L;

        Transient(String reason) {
            super(reason, null, false, false);
        }
    }

    /** One fetch's time budget; waits that are politeness, not the server's slowness, extend it. */
    private static final class Deadline {
        private long end;

        Deadline(Duration budget) {
            end = System.nanoTime() + budget.toNanos();
        }

        long remainingNanos() {
            return end - System.nanoTime();
        }

        void extend(long nanos) {
            end += nanos;
        }
    }

    /** robots.txt for one origin, once per audit. */
    private static final class RobotsEntry {
        long loadedAt;
        boolean loaded;
        RobotsRules rules;
        String unreachable;
    }

    private final FetchSettings settings;
    /** Made on the first request: a client starts a selector thread and the TLS set-up, which an
     * audit of local files only does not need (and the thread makes the JVM's exit wait). */
    private volatile HttpClient client;
    private final HostPolicy policy;
    private final HostThrottle throttle;
    private final Map<String, RobotsEntry> robots = new ConcurrentHashMap<>();

    HttpFetcher(FetchSettings settings, HostPolicy policy, HostThrottle throttle) {
        this.settings = settings;
        this.policy = policy;
        this.throttle = throttle;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(settings.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    /**
     * Fetches {@code uri}.
     *
     * @param auditKey robots.txt answers are kept per audit: the same key shares them
     */
    Fetched fetch(URI uri, boolean restricted, String auditKey) throws SourceException {
        Deadline deadline = new Deadline(settings.fetchTimeout());
        URI current = uri;
        Set<String> seen = new HashSet<>();
        seen.add(identity(current));
        int redirects = 0;
        while (true) {
            policy.check(current, restricted);
            long robotsStart = System.nanoTime();
            checkRobots(current, restricted, auditKey);
            deadline.extend(System.nanoTime() - robotsStart);

            Outcome outcome = sendWithRetries(current, deadline, Mode.PAGE);
            if (outcome instanceof Body body) {
                return page(current, body);
            } else if (outcome instanceof Redirect r) {
                URI next = redirectTarget(current, r);
                if (!seen.add(identity(next))) {
                    throw new SourceException("redirect loop");
                }
                if (redirects == settings.maxRedirects()) {
                    throw new SourceException("too many redirects (" + settings.maxRedirects() + ")");
                }
                redirects++;
                current = next;
            } else if (outcome instanceof Status s) {
                throw new SourceException(s.reason());
            } else {
                throw new SourceException(((Refused) outcome).reason());
            }
        }
    }

    private Fetched page(URI uri, Body body) throws SourceException {
        byte[] bytes = decompress(body.bytes(), body.headers().firstValue("content-encoding").orElse(null));
        String contentType = body.headers().firstValue("content-type").orElse(null);
        if (contentType != null && !settings.acceptedTypes().contains(MediaTypes.of(contentType))) {
            // a download type let through for its bytes: a PDF, or refused as any other type
            if (!MediaTypes.PDF.equals(MediaTypes.sniff(bytes))) {
                throw new SourceException("not HTML (" + MediaTypes.of(contentType) + ")");
            }
            contentType = MediaTypes.PDF;
        }
        if (contentType == null) {
            String sniffed = MediaTypes.sniff(bytes);
            if (sniffed != null && !settings.acceptedTypes().contains(sniffed)) {
                throw new SourceException("not HTML (" + sniffed + ")");
            }
            contentType = sniffed != null ? sniffed : MediaTypes.HTML;
        }
        return new Fetched(uri, contentType, bytes);
    }

    /** A generic download type (application/octet-stream …), as servers often send PDFs, while PDFs are accepted. */
    private boolean mayBePdf(String contentType) {
        return settings.acceptedTypes().contains(MediaTypes.PDF) && MediaTypes.DOWNLOAD.contains(MediaTypes.of(contentType));
    }

    private byte[] decompress(byte[] bytes, String encoding) throws SourceException {
        String e = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("identity")) {
            return bytes;
        }
        try (InputStream in = e.equals("deflate") ? new InflaterInputStream(new ByteArrayInputStream(bytes))
                : new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxBodyBytes() + 1));
            if (out.length > settings.maxBodyBytes()) {
                throw new SourceException(bodyOver());
            }
            return out;
        } catch (IOException ex) {
            throw new SourceException("body could not be decompressed (" + e + ")");
        }
    }

    private URI redirectTarget(URI from, Redirect r) throws SourceException {
        if (r.location() == null || r.location().isBlank()) {
            throw new SourceException("HTTP " + r.status() + " redirect without a Location");
        }
        try {
            return from.resolve(new URI(UrlText.toAscii(r.location().strip())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new SourceException("redirect to an invalid URL");
        }
    }

    /** A URL as a redirect loop sees it: scheme and host in lower case, default port and fragment dropped. */
    private static String identity(URI u) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        if ((port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"))) {
            port = -1;
        }
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        return scheme + "://" + host + (port < 0 ? "" : ":" + port) + path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    // ---------------------------------------------------------------- robots.txt

    private void checkRobots(URI uri, boolean restricted, String auditKey) throws SourceException {
        URI robotsUri = uri.resolve("/robots.txt");
        String origin = identity(robotsUri);
        RobotsEntry entry = robots.computeIfAbsent(auditKey + " " + origin, k -> new RobotsEntry());
        synchronized (entry) {
            long now = System.nanoTime();
            if (!entry.loaded || now - entry.loadedAt > settings.robotsCacheTtl().toNanos()) {
                entry.rules = null;
                entry.unreachable = null;
                try {
                    entry.rules = loadRobots(robotsUri, restricted);
                } catch (SourceException e) {
                    entry.unreachable = e.getMessage();
                }
                entry.loaded = true;
                entry.loadedAt = now;
                forgetOldRobots(now);
            }
            if (entry.unreachable != null) {
                throw new SourceException(entry.unreachable);
            }
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            if (!entry.rules.allowed(path)) {
                throw new SourceException("disallowed by robots.txt");
            }
        }
    }

    private void forgetOldRobots(long now) {
        long ttl = settings.robotsCacheTtl().toNanos();
        robots.values().removeIf(e -> e.loaded && now - e.loadedAt > ttl);
    }

    /**
     * RFC 9309: a robots.txt that is found is obeyed; one that is missing (4xx) allows everything;
     * one the server cannot give (5xx) forbids everything, so the source fails. When the host
     * cannot be reached at all the reason is the network's ("timed out after 30 s"). Either
     * answer is kept for the audit, so later sources on the host fail at once.
     */
    private RobotsRules loadRobots(URI robotsUri, boolean restricted) throws SourceException {
        Deadline deadline = new Deadline(settings.fetchTimeout());
        URI current = robotsUri;
        Set<String> seen = new HashSet<>();
        seen.add(identity(current));
        for (int redirects = 0;; redirects++) {
            if (redirects > 0) {
                try {
                    policy.check(current, restricted);
                } catch (SourceException e) {
                    return RobotsRules.allowAll(); // a robots.txt we may not follow is one we do not have
                }
            }
            Outcome outcome = sendWithRetries(current, deadline, Mode.ROBOTS); // network failures propagate as they are
            if (outcome instanceof Body body) {
                String text = new String(body.bytes(), StandardCharsets.UTF_8);
                return RobotsRules.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, settings.robotsToken());
            } else if (outcome instanceof Redirect r) {
                URI next;
                try {
                    next = redirectTarget(current, r);
                } catch (SourceException e) {
                    return RobotsRules.allowAll();
                }
                if (!seen.add(identity(next)) || redirects == settings.maxRedirects()) {
                    return RobotsRules.allowAll(); // RFC 9309: too many redirects means unavailable
                }
                current = next;
            } else if (outcome instanceof Status s) {
                if (s.status() >= 500) {
                    throw new SourceException("robots.txt unreachable (" + s.reason() + ")");
                }
                return RobotsRules.allowAll();
            } else {
                throw new SourceException("robots.txt unreachable (" + ((Refused) outcome).reason() + ")");
            }
        }
    }

    // ---------------------------------------------------------------- requests

    private Outcome sendWithRetries(URI uri, Deadline deadline, Mode mode) throws SourceException {
        String host = HostPolicy.host(uri);
        for (int attempt = 1;; attempt++) {
            try {
                deadline.extend(throttle.acquire(host));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("interrupted");
            }
            String failure;
            Outcome outcome = null;
            try {
                outcome = sendOnce(uri, deadline, mode);
                if (!(outcome instanceof Status s) || !settings.retryStatuses().contains(s.status())) {
                    return outcome;
                }
                failure = ((Status) outcome).reason();
            } catch (Transient t) {
                failure = t.getMessage();
            }
            long backoffNanos = settings.retryBackoff().toNanos() << Math.min(attempt - 1, 20);
            boolean last = attempt > settings.maxRetries() || deadline.remainingNanos() <= backoffNanos;
            if (last) {
                if (outcome instanceof Status s) {
                    return s.withAttempts(attempt);
                }
                throw new SourceException(failure + attemptsSuffix(failure, attempt));
            }
            LOG.debug("{}: {}; retrying", uri, failure);
            try {
                TimeUnit.NANOSECONDS.sleep(backoffNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("interrupted");
            }
        }
    }

    private Outcome sendOnce(URI uri, Deadline deadline, Mode mode) throws SourceException, Transient {
        long remaining = deadline.remainingNanos();
        if (remaining <= 0) {
            throw timedOut();
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofNanos(remaining))
                .header("User-Agent", settings.userAgent())
                .header("Accept", mode.accept)
                .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .GET()
                .build();
        Handler handler = new Handler(mode);
        CompletableFuture<HttpResponse<Outcome>> future = client().sendAsync(request, handler);
        try {
            return future.get(remaining, TimeUnit.NANOSECONDS).body();
        } catch (TimeoutException e) {
            handler.abort();
            future.cancel(true);
            throw timedOut();
        } catch (InterruptedException e) {
            handler.abort();
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted");
        } catch (ExecutionException e) {
            handler.abort();
            Exception reason = classify(e.getCause(), uri);
            if (reason instanceof Transient t) {
                throw t;
            }
            throw (SourceException) reason;
        }
    }

    /** " after 3 attempts", or " (3 attempts)" when the reason already says "after"; nothing for one attempt. */
    private static String attemptsSuffix(String reason, int attempts) {
        if (attempts <= 1) {
            return "";
        }
        return reason.contains(" after ") ? " (" + attempts + " attempts)" : " after " + attempts + " attempts";
    }

    private SourceException timedOut() {
        return new SourceException("timed out after " + Units.seconds(settings.fetchTimeout()));
    }

    private String bodyOver() {
        return "body over " + Units.bytes(settings.maxBodyBytes());
    }

    /** Decides from the status and headers whether the body is read at all. */
    private final class Handler implements HttpResponse.BodyHandler<Outcome> {
        private final Mode mode;
        private volatile LimitedBody body;

        Handler(Mode mode) {
            this.mode = mode;
        }

        @Override
        public BodySubscriber<Outcome> apply(HttpResponse.ResponseInfo info) {
            if (headerSize(info.headers()) > settings.maxHeaderBytes()) {
                return new Unread<>(new Refused(headersOver()));
            }
            int status = info.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                return new Unread<>(new Redirect(status, info.headers().firstValue("location").orElse(null)));
            }
            if (status < 200 || status > 299) {
                return new Unread<>(new Status(status, 1));
            }
            LimitedBody limited;
            if (mode == Mode.ROBOTS) {
                limited = new LimitedBody(settings.robotsMaxBytes(), true);
            } else {
                String contentType = info.headers().firstValue("content-type").orElse(null);
                if (contentType != null && !settings.acceptedTypes().contains(MediaTypes.of(contentType))
                        && !mayBePdf(contentType)) {
                    return new Unread<>(new Refused("not HTML (" + MediaTypes.of(contentType) + ")"));
                }
                String encoding = info.headers().firstValue("content-encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
                if (!List.of("identity", "", "gzip", "x-gzip", "deflate").contains(encoding)) {
                    return new Unread<>(new Refused("unsupported content encoding " + encoding));
                }
                if (info.headers().firstValueAsLong("content-length").orElse(0) > settings.maxBodyBytes()) {
                    return new Unread<>(new Refused(bodyOver()));
                }
                limited = new LimitedBody(settings.maxBodyBytes(), false);
            }
            body = limited;
            return BodySubscribers.mapping(limited, bytes -> new Body(info.headers(), bytes));
        }

        void abort() {
            LimitedBody b = body;
            if (b != null) {
                b.abort();
            }
        }
    }

    /** Counted as HTTP/2 and the JDK count a field section: name, value and 32 bytes a line. */
    private static long headerSize(HttpHeaders headers) {
        long size = 0;
        for (Map.Entry<String, List<String>> e : headers.map().entrySet()) {
            for (String v : e.getValue()) {
                size += e.getKey().length() + v.length() + 32;
            }
        }
        return size;
    }

    private String headersOver() {
        return "response headers over " + Units.bytes(settings.maxHeaderBytes());
    }

    /** The one-line reason for a failed request; the details go to the log. */
    private Exception classify(Throwable failure, URI uri) {
        LOG.debug("{}: request failed", uri, failure);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LimitedBody.TooLarge) {
                return new SourceException(bodyOver());
            }
            if (t instanceof HttpConnectTimeoutException) {
                return new Transient("connect timed out after " + Units.seconds(settings.connectTimeout()));
            }
            if (t instanceof HttpTimeoutException) {
                return timedOut();
            }
            if (t instanceof UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return new SourceException("host not found: " + HostPolicy.host(uri));
            }
            if (t instanceof ProtocolException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("header")) {
                return new SourceException(headersOver());
            }
            if (t instanceof SSLException) {
                String m = String.valueOf(t.getMessage());
                if (m.contains("PKIX") || m.contains("certification path")) {
                    return new SourceException("TLS failed: certificate not trusted");
                }
                if (m.contains("subject alternative") || m.contains("No name matching")) {
                    return new SourceException("TLS failed: certificate does not name " + HostPolicy.host(uri));
                }
                return new SourceException("TLS failed");
            }
        }
        String all = messages(failure);
        if (all.contains("reset")) {
            return new Transient("connection reset");
        }
        if (all.contains("refused")) {
            return new SourceException("connection refused");
        }
        if (all.contains("eof") || all.contains("closed") || all.contains("no bytes")) {
            return new Transient("connection closed before the response was complete");
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new SourceException("could not connect to " + HostPolicy.host(uri));
            }
        }
        return new SourceException("network error");
    }

    private static String messages(Throwable failure) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                b.append(t.getMessage().toLowerCase(Locale.ROOT)).append(' ');
            }
        }
        return b.toString();
    }
}
