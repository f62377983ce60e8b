package dev.esnetpol.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The admission webhook: HTTPS on {@code /validate} (AdmissionReview in, AdmissionReview out) and
 * {@code /healthz}. The JDK's own HTTPS server does the HTTP; requests run on a bounded pool so that a slow
 * or hostile client holds at most one thread, for at most {@link ServerTimeouts#REQUEST_SECONDS}. Bad requests
 * get a status and a JSON error, never a crash.
 */
public final class WebhookServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WebhookServer.class.getName());
    /** An oversized body up to this size is read and dropped so that its client gets the 413 (see tooLarge). */
    static final long DISCARD_LIMIT = 16L * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder().serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private final HttpsServer server;
    private final ExecutorService executor;
    private final ReloadingKeyManager keyManager;
    private final AdmissionValidator validator;
    private final WebhookConfig config;
    private final AtomicInteger reviews = new AtomicInteger();

    private WebhookServer(WebhookConfig config) throws IOException, GeneralSecurityException {
        ServerTimeouts.install();
        this.config = config;
        this.validator = new AdmissionValidator(config.options());
        this.keyManager = new ReloadingKeyManager(config.certFile(), config.keyFile(), 2000);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(new KeyManager[]{keyManager}, null, null);
        this.server = HttpsServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 128);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(config.threads(), config.threads(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1024),
                r -> {
                    Thread t = new Thread(r, "webhook-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        // Threads started for a burst of slow clients do not stay once it is over.
        ((ThreadPoolExecutor) executor).allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        server.createContext("/validate", this::validate);
        server.createContext("/healthz", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/healthz")) {
                respond(exchange, 200, "text/plain", "ok\n".getBytes(StandardCharsets.UTF_8));
            } else {
                error(exchange, 404, "no such path: " + exchange.getRequestURI().getPath());
            }
        });
        server.createContext("/", exchange -> error(exchange, 404, "no such path: " + exchange.getRequestURI().getPath()));
    }

    public static WebhookServer start(WebhookConfig config) throws IOException, GeneralSecurityException {
        WebhookServer s = new WebhookServer(config);
        s.server.start();
        LOG.info("webhook listening on https://" + config.bindAddress() + ":" + s.port() + "/validate");
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public ReloadingKeyManager keyManager() {
        return keyManager;
    }

    /** AdmissionReviews answered since start. */
    public int reviews() {
        return reviews.get();
    }

    private void validate(HttpExchange exchange) throws IOException {
        try {
            // Contexts match by prefix: /validate/x is not /validate.
            if (!exchange.getRequestURI().getPath().equals("/validate")) {
                error(exchange, 404, "no such path: " + exchange.getRequestURI().getPath());
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("Allow", "POST");
                error(exchange, 405, "use POST with an AdmissionReview");
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.split(";", 2)[0].trim().equalsIgnoreCase("application/json")) {
                error(exchange, 415, "expected Content-Type: application/json");
                return;
            }
            long declared = declaredLength(exchange);
            byte[] body = declared > config.maxBodyBytes() ? null : readAtMost(exchange.getRequestBody(), config.maxBodyBytes());
            if (body == null) {
                tooLarge(exchange, declared);
                return;
            }
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (JsonProcessingException e) {
                error(exchange, 400, "malformed JSON: " + e.getOriginalMessage());
                return;
            }
            byte[] answer = JSON.writeValueAsBytes(validator.review(json));
            reviews.incrementAndGet();
            respond(exchange, 200, "application/json", answer);
        } catch (AdmissionValidator.BadRequest e) {
            error(exchange, 400, e.getMessage());
        } catch (IOException e) {
            // The client went away or stalled past the timeout: nothing to answer.
            LOG.fine("request abandoned: " + e.getMessage());
            exchange.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot review a request", e);
            error(exchange, 500, "internal error: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Answers 413. Closing a connection whose request bytes are still unread makes TCP reset it, and the reset
     * can destroy the answer before the client reads it; so the rest of a moderately oversized body is read
     * and dropped first (at most {@link #DISCARD_LIMIT} bytes, and no longer than the request timeout), and
     * only a body declared larger than that is cut off unread.
     */
    private void tooLarge(HttpExchange exchange, long declared) throws IOException {
        if (declared <= DISCARD_LIMIT) {
            discard(exchange.getRequestBody());
        }
        exchange.getResponseHeaders().set("Connection", "close");
        error(exchange, 413, "request larger than " + config.maxBodyBytes() + " bytes");
    }

    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0 && total < DISCARD_LIMIT; n = in.read(buffer)) {
            total += n;
        }
    }

    /** Content-Length, or -1 when the body is chunked (the JDK server has refused a malformed one already). */
    private static long declaredLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body, or null when it is longer than {@code limit} (read no further than that). */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] data = in.readNBytes(limit + 1);
        return data.length > limit ? null : data;
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        respond(exchange, status, "application/json", JSON.writeValueAsBytes(Map.of("error", message, "code", status)));
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
