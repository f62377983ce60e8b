package dev.esnetpol.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code es-netpol webhook --self-signed} as a user runs it: the printed CA is the one to trust. */
class WebhookCommandTest {

    @Test
    void aSelfSignedWebhookPrintsTheCaThatClientsMustTrust(@TempDir Path dir) throws Exception {
        Path caFile = dir.resolve("ca.crt");
        CommandLine cli = Main.newCommandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        WebhookCommand command = cli.getSubcommands().get("webhook").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(
                "webhook", "--self-signed", "--port", "0", "--bind", "127.0.0.1", "--ca-out", caFile.toString()));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (command.boundPort() < 0 && !exit.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(command.boundPort() > 0, "not started: " + err);

            String caPem = Files.readString(caFile);
            String printed = err.toString();
            assertTrue(printed.contains(caPem), "the CA PEM is printed: " + printed);
            assertTrue(printed.contains(Base64.getEncoder().encodeToString(caPem.getBytes())), "and its caBundle: " + printed);

            HttpClient client = trusting(caFile);
            String review = "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"cli-1\","
                    + "\"operation\":\"CREATE\",\"object\":{\"apiVersion\":\"eventstreams.ibm.com/v1beta2\",\"kind\":\"EventStreams\","
                    + "\"metadata\":{\"name\":\"es\"},\"spec\":{\"security\":{\"internalTls\":\"SSL\"}}}}}";
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + command.boundPort() + "/validate"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(review)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("\"uid\":\"cli-1\""), r.body());
            assertTrue(r.body().contains("\"allowed\":false"), r.body());
            assertTrue(r.body().contains("spec.security.internalTls: 'SSL' is not a valid value"), r.body());
        } finally {
            command.stop();
        }
        assertEquals(ExitCodes.OK, exit.get(10, TimeUnit.SECONDS));
        assertEquals(-1, command.boundPort());
    }

    private static HttpClient trusting(Path caFile) throws Exception {
        X509Certificate ca;
        try (InputStream in = Files.newInputStream(caFile)) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).build();
    }
}
