package dev.adxfed.operator.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * Prometheus scrape endpoint ({@code /metrics}) and the probes on the JDK's HTTP server: {@code /livez}
 * (the process can make progress), {@code /readyz} (it is started and watching its resources) and
 * {@code /healthz}, which answers as {@code /readyz} for installs that still probe it. A probe answers
 * 200 "ok" or 503 "not ready"/"not live".
 */
public final class ProbeServer implements AutoCloseable {

    private final HttpServer server;

    private ProbeServer(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code /metrics} when {@code registry} is not null, and the probes when {@code live} is not null. */
    public static ProbeServer start(int port, PrometheusMeterRegistry registry, BooleanSupplier live,
                                    BooleanSupplier ready) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        if (registry != null) {
            server.createContext("/metrics", exchange -> answer(exchange, 200,
                    "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        }
        if (live != null) {
            server.createContext("/livez", exchange -> probe(exchange, live, "not live"));
            server.createContext("/readyz", exchange -> probe(exchange, ready, "not ready"));
            server.createContext("/healthz", exchange -> probe(exchange, ready, "not ready"));
        }
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "adxfed-http-" + port);
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return new ProbeServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void probe(HttpExchange exchange, BooleanSupplier check, String failure) throws IOException {
        boolean ok = check.getAsBoolean();
        answer(exchange, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ok\n" : failure + "\n");
    }

    private static void answer(HttpExchange exchange, int code, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
