package dev.esnetpol.webhook;

import dev.esnetpol.generate.GeneratorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Clients that connect and then stall (slowloris). Fewer than the worker threads must not slow anyone else
 * down; every stalled connection is dropped after the request timeout; and then service resumes at once.
 */
class SlowClientTest {

    static final int THREADS = 4;
    static final String HEAD = "POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";

    @Test
    void stalledClientsAreDroppedAfterTheRequestTimeoutAndOthersAreStillAnswered(@TempDir Path dir) throws Exception {
        SelfSignedCertificates.Issued issued = SelfSignedCertificates.issue(dir, List.of("localhost"), Duration.ofDays(1));
        SSLContext trusting = issued.clientContext();
        try (WebhookServer server = WebhookServer.start(new WebhookConfig(0, "127.0.0.1", issued.certFile(), issued.keyFile(),
                THREADS, WebhookConfig.DEFAULT_MAX_BODY, GeneratorOptions.defaults()))) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            URI validate = URI.create("https://localhost:" + server.port() + "/validate");
            String review = Reviews.request("r", "CREATE", Reviews.resource("examples/eventstreams-quickstart.yaml")).toString();
            long timeoutMillis = TimeUnit.SECONDS.toMillis(Long.getLong("sun.net.httpserver.maxReqTime", ServerTimeouts.REQUEST_SECONDS));
            List<Socket> stalled = new ArrayList<>();

            // Half the workers held by stalled clients: the others serve everyone else at full speed.
            stalled.add(tls(trusting, server, "POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Ty")); // inside the headers
            stalled.add(tls(trusting, server, HEAD + "Content-Length: 1000\r\n\r\n{\"apiVersion\":")); // inside the body
            long start = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                assertEquals(200, client.send(request(validate, review, Duration.ofSeconds(5)), HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            long meanwhileMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(meanwhileMillis < timeoutMillis / 2, "10 requests beside 2 stalled clients took " + meanwhileMillis + " ms");

            // Every worker held. A new request waits in the queue; its connection's request clock runs while it
            // waits (the JDK server starts it at accept), so it is answered or dropped, but never left hanging.
            stalled.add(tls(trusting, server, HEAD + "Content-Length: 5000\r\n\r\n"));
            stalled.add(tls(trusting, server, "")); // handshake done, not a byte of request
            Socket silent = new Socket(); // connected, never starts TLS
            silent.connect(new InetSocketAddress("127.0.0.1", server.port()));
            stalled.add(silent);
            HttpClient patient = HttpClient.newBuilder().sslContext(trusting).version(HttpClient.Version.HTTP_1_1).build();
            CompletableFuture<HttpResponse<String>> waiting = patient.sendAsync(
                    request(validate, review, Duration.ofMillis(timeoutMillis * 3)), HttpResponse.BodyHandlers.ofString());

            for (Socket s : stalled) {
                assertDroppedWithin(s, timeoutMillis + 5_000);
            }
            try {
                assertEquals(200, waiting.get(timeoutMillis + 5_000, TimeUnit.MILLISECONDS).statusCode());
            } catch (ExecutionException droppedWhileQueued) {
                assertTrue(droppedWhileQueued.getCause() instanceof IOException, droppedWhileQueued.toString());
            }
            // The stalled clients gone, service is back at once.
            long after = System.nanoTime();
            HttpResponse<String> answered = client.send(request(validate, review.replace("\"uid\":\"r\"", "\"uid\":\"after\""),
                    Duration.ofSeconds(5)), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answered.statusCode());
            assertTrue(answered.body().contains("\"uid\":\"after\""), answered.body());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - after) < 2_000);
        }
    }

    private static HttpRequest request(URI uri, String body, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static Socket tls(SSLContext trusting, WebhookServer server, String partialRequest) throws Exception {
        SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket("localhost", server.port());
        socket.startHandshake();
        if (!partialRequest.isEmpty()) {
            OutputStream out = socket.getOutputStream();
            out.write(partialRequest.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        return socket;
    }

    /** The server closes the connection: a read ends (EOF or reset) before our own timeout. */
    private static void assertDroppedWithin(Socket socket, long millis) throws IOException {
        socket.setSoTimeout((int) millis);
        try (socket) {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // an error response, if any, is fine; the point is that the connection ends
            }
        } catch (SocketTimeoutException e) {
            fail("the server kept a stalled connection open for more than " + millis + " ms");
        } catch (IOException closed) {
            // reset or TLS alert: dropped
        }
    }
}
