package dev.esnetpol.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esnetpol.generate.GeneratorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook over real HTTPS on loopback, with a real HTTP client trusting the generated CA. */
class WebhookServerTest {

    @TempDir
    static Path certs;
    private static SelfSignedCertificates.Issued issued;
    private static WebhookServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        issued = SelfSignedCertificates.issue(certs, List.of("localhost", "127.0.0.1"), Duration.ofDays(1));
        server = WebhookServer.start(new WebhookConfig(0, "127.0.0.1", issued.certFile(), issued.keyFile(), 8,
                64 * 1024, GeneratorOptions.defaults()));
        client = HttpClient.newBuilder().sslContext(issued.clientContext()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI uri(String path) {
        return URI.create("https://localhost:" + server.port() + path);
    }

    private static HttpResponse<String> post(String body, String contentType) throws Exception {
        return client.send(HttpRequest.newBuilder(uri("/validate")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void allowsAGoodResourceAndEchoesTheUid() throws Exception {
        HttpResponse<String> r = post(Reviews.request("a1b2", "CREATE", Reviews.resource("examples/eventstreams-production.yaml")).toString(),
                "application/json");
        assertEquals(200, r.statusCode());
        JsonNode response = Reviews.JSON.readTree(r.body()).path("response");
        assertEquals("a1b2", response.path("uid").asText());
        assertTrue(response.path("allowed").asBoolean());
        assertTrue(response.path("warnings").toString().contains("JMX port 9999"), r.body());
        assertEquals("AdmissionReview", Reviews.JSON.readTree(r.body()).path("kind").asText());
    }

    @Test
    void deniesABadResourceWithEveryProblem() throws Exception {
        HttpResponse<String> r = post(Reviews.request("c3", "CREATE", Reviews.resource("src/test/resources/bad/network-policy-peers.yaml")).toString(),
                "application/json; charset=utf-8");
        JsonNode response = Reviews.JSON.readTree(r.body()).path("response");
        assertFalse(response.path("allowed").asBoolean());
        String message = response.path("status").path("message").asText();
        assertEquals(5, message.split("; spec\\.|: spec\\.").length - 1, message);
        assertTrue(message.contains("networkPolicyPeers[3].ipBlock.except[0]"), message);
    }

    @Test
    void badRequestsGetAStatusNotACrash() throws Exception {
        assertEquals(400, post("{not json", "application/json").statusCode());
        assertEquals(400, post("{\"kind\":\"Pod\"}", "application/json").statusCode());
        assertEquals(415, post("{}", "text/plain").statusCode());
        assertEquals(413, post("{\"x\":\"" + "a".repeat(70 * 1024) + "\"}", "application/json").statusCode());
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri("/validate")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals(404, client.send(HttpRequest.newBuilder(uri("/nothing")).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/healthz")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertTrue(Reviews.JSON.readTree(post("{not json", "application/json").body()).path("error").asText().startsWith("malformed JSON"));
        // and it still answers
        assertEquals(200, post(Reviews.request("after", "CREATE", Reviews.resource("examples/eventstreams-quickstart.yaml")).toString(),
                "application/json").statusCode());
    }

    @Test
    void aSlowClientDoesNotBlockOthersAndIsCutOff() throws Exception {
        SSLContext trustAll = trustAll();
        try (SSLSocket slow = (SSLSocket) trustAll.getSocketFactory().createSocket("127.0.0.1", server.port())) {
            slow.startHandshake();
            OutputStream out = slow.getOutputStream();
            out.write("POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"ki"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 5; i++) {
                assertEquals(200, post(Reviews.request("while-slow-" + i, "CREATE", Reviews.resource("examples/eventstreams-quickstart.yaml"))
                        .toString(), "application/json").statusCode());
            }
            slow.setSoTimeout(15_000);
            Instant start = Instant.now();
            InputStream in = slow.getInputStream();
            int read;
            try {
                read = in.read();
                while (read >= 0 && read != '\n') {
                    read = in.read();
                }
            } catch (IOException closed) {
                read = -1;
            }
            assertTrue(Duration.between(start, Instant.now()).toSeconds() < 14, "the stalled request was not cut off");
        }
    }

    @Test
    void aRotatedCertificateIsServedWithoutRestart(@TempDir Path other) throws Exception {
        X509Certificate before = presented();
        byte[] originalCert = Files.readAllBytes(issued.certFile());
        byte[] originalKey = Files.readAllBytes(issued.keyFile());
        SelfSignedCertificates.Issued next = SelfSignedCertificates.issue(other, List.of("localhost"), Duration.ofDays(2));
        Files.copy(next.certFile(), issued.certFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(next.keyFile(), issued.keyFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(issued.certFile(), FileTime.from(Instant.now().plusSeconds(5)));
        Files.setLastModifiedTime(issued.keyFile(), FileTime.from(Instant.now().plusSeconds(5)));
        X509Certificate after = before;
        for (int i = 0; i < 50 && after.getSerialNumber().equals(before.getSerialNumber()); i++) {
            Thread.sleep(200);
            after = presented();
        }
        assertNotEquals(before.getSerialNumber(), after.getSerialNumber());
        assertEquals(next.certificate().getSerialNumber(), after.getSerialNumber());
        // Put the original back for the other tests (the client trusts its CA) and wait until it is served.
        Files.write(issued.certFile(), originalCert);
        Files.write(issued.keyFile(), originalKey);
        Files.setLastModifiedTime(issued.certFile(), FileTime.from(Instant.now().plusSeconds(10)));
        Files.setLastModifiedTime(issued.keyFile(), FileTime.from(Instant.now().plusSeconds(10)));
        for (int i = 0; i < 50 && !presented().getSerialNumber().equals(before.getSerialNumber()); i++) {
            Thread.sleep(200);
        }
        assertEquals(before.getSerialNumber(), presented().getSerialNumber());
    }

    private static X509Certificate presented() throws Exception {
        try (SSLSocket s = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", server.port())) {
            s.startHandshake();
            return (X509Certificate) s.getSession().getPeerCertificates()[0];
        }
    }

    private static SSLContext trustAll() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[]{new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return ctx;
    }
}
