package org.feewatch.disclosure.internal.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A well-behaved HTTP server on 127.0.0.1 for tests: paths answer as told; hits are counted; robots.txt is 404 unless set. */
final class PageServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final List<String> userAgents = new CopyOnWriteArrayList<>();

    PageServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            userAgents.add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            HttpHandler h = handlers.get(path);
            try {
                if (h == null) {
                    respond(exchange, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8));
                } else {
                    h.handle(exchange);
                }
            } catch (IOException e) {
                // the client went away: nothing to do
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    PageServer on(String path, HttpHandler handler) {
        handlers.put(path, handler);
        return this;
    }

    PageServer page(String path, String contentType, byte[] body) {
        return on(path, ex -> respond(ex, 200, contentType, body));
    }

    PageServer status(String path, int status) {
        return on(path, ex -> respond(ex, status, "text/html", ("<p>" + status + "</p>").getBytes(StandardCharsets.UTF_8)));
    }

    PageServer redirect(String path, String location) {
        return on(path, ex -> {
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(302, -1);
        });
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    static void respond(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().add("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
