package dev.esnetpol.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * Port 8080 of the spec's cluster operator: {@code /metrics} (Prometheus), {@code /healthz}, {@code /readyz}.
 * The JDK server's time limits (slow clients) are JVM-wide and set by the process before its first server
 * starts ({@code es-netpol operator} does, through the webhook's ServerTimeouts), not here: the operator does not
 * depend on the webhook.
 */
public final class HealthAndMetricsServer implements AutoCloseable {

    private final HttpServer server;

    public HealthAndMetricsServer(int port, OperatorMetrics metrics, BooleanSupplier alive, BooleanSupplier ready) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 16);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/metrics", e -> respond(e, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
        server.createContext("/healthz", e -> respond(e, alive.getAsBoolean() ? 200 : 503, "text/plain", alive.getAsBoolean() ? "ok\n" : "stopped\n"));
        server.createContext("/readyz", e -> respond(e, ready.getAsBoolean() ? 200 : 503, "text/plain", ready.getAsBoolean() ? "ok\n" : "not ready\n"));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange e, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
