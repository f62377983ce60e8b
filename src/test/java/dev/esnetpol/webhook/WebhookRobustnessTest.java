package dev.esnetpol.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.esnetpol.generate.GeneratorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests the API server never sends, over real HTTPS: each gets its HTTP error with a JSON body, none
 * harms the server, and a valid review right after each one is still answered.
 */
class WebhookRobustnessTest {

    static final int LIMIT = 64 * 1024;

    @TempDir
    static Path certs;
    static WebhookServer server;
    static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        SelfSignedCertificates.Issued issued = SelfSignedCertificates.issue(certs, List.of("localhost"), Duration.ofDays(1));
        server = WebhookServer.start(new WebhookConfig(0, "127.0.0.1", issued.certFile(), issued.keyFile(), 8, LIMIT,
                GeneratorOptions.defaults()));
        client = HttpClient.newBuilder().sslContext(issued.clientContext()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static URI uri(String path) {
        return URI.create("https://localhost:" + server.port() + path);
    }

    static HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String body) throws Exception {
        return post("/validate", "application/json", HttpRequest.BodyPublishers.ofString(body));
    }

    static String goodReview(String uid) throws Exception {
        return Reviews.request(uid, "CREATE", Reviews.resource("examples/eventstreams-quickstart.yaml")).toString();
    }

    /** The error answer: the status code, a JSON body that says so, and the server still answering. */
    static void assertRefused(int code, HttpResponse<String> r) throws Exception {
        assertEquals(code, r.statusCode(), r.body());
        JsonNode body = Reviews.JSON.readTree(r.body());
        assertEquals(code, body.path("code").asInt(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        HttpResponse<String> after = post(goodReview("after-" + code));
        assertEquals(200, after.statusCode(), after.body());
    }

    @Test
    void aBodyFarOverTheLimitIsAnswered413NotReset() throws Exception {
        byte[] huge = ("{\"x\":\"" + "a".repeat(LIMIT + 1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);

        assertRefused(413, post("/validate", "application/json", HttpRequest.BodyPublishers.ofByteArray(huge)));
        // Chunked: no Content-Length to go by.
        assertRefused(413, post("/validate", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));
    }

    @Test
    void anAdmissionReviewOfAnotherVersionIsABadRequest() throws Exception {
        // The response must carry the request's apiVersion; only v1 is offered (admissionReviewVersions: [v1]).
        assertRefused(400, post(goodReview("old").replace("admission.k8s.io/v1", "admission.k8s.io/v1beta1")));
    }

    @Test
    void bodiesThatAreNotReviewsAreBadRequests() throws Exception {
        assertRefused(400, post(""));
        assertRefused(400, post("null"));
        assertRefused(400, post("[1,2,3]"));
        assertRefused(400, post("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":[]}"));
        assertRefused(400, post("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}"));
        assertRefused(400, post("[".repeat(5000) + "]".repeat(5000)));
        assertRefused(400, post("/validate", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'})));
    }

    @Test
    void aDeeplyNestedObjectIsAnsweredNotACrash() throws Exception {
        // Within Jackson's nesting limit, inside a field es-netpol ignores and inside one it reads.
        JsonNode deep = Reviews.JSON.readTree("[".repeat(900) + "]".repeat(900));
        com.fasterxml.jackson.databind.node.ObjectNode unknown = Reviews.request("deep", "CREATE", Reviews.resource("examples/eventstreams-quickstart.yaml"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) unknown.path("request").path("object").path("spec")).set("unknownField", deep);
        com.fasterxml.jackson.databind.node.ObjectNode known = Reviews.request("deep-tls", "CREATE", Reviews.resource("examples/eventstreams-quickstart.yaml"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) known.path("request").path("object").path("spec").path("security")).set("internalTls", deep);
        String review = unknown.toString();
        String peers = known.toString();

        HttpResponse<String> ignored = post(review);
        HttpResponse<String> read = post(peers);

        assertEquals(200, ignored.statusCode(), ignored.body());
        assertTrue(Reviews.JSON.readTree(ignored.body()).path("response").path("allowed").asBoolean(), ignored.body());
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("spec.security.internalTls"), read.body());
    }

    @Test
    void onlyTheExactPathAndJsonMediaTypeAreAccepted() throws Exception {
        assertRefused(404, post("/validate/extra", "application/json", HttpRequest.BodyPublishers.ofString(goodReview("x"))));
        assertRefused(404, post("/healthz/extra", "application/json", HttpRequest.BodyPublishers.ofString("{}")));
        assertRefused(415, post("/validate", "application/json-patch+json", HttpRequest.BodyPublishers.ofString(goodReview("x"))));
        assertEquals(200, post("/validate", "Application/JSON; charset=UTF-8", HttpRequest.BodyPublishers.ofString(goodReview("x"))).statusCode());
    }

    @Test
    void aCreateWithoutAnObjectIsABadRequest() throws Exception {
        assertRefused(400, post("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\","
                + "\"request\":{\"uid\":\"u\",\"operation\":\"CREATE\"}}"));
    }
}
