package dev.esnetpol.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.webhook.SelfSignedCertificates;
import dev.esnetpol.webhook.WebhookConfig;
import dev.esnetpol.webhook.WebhookServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load test of the webhook over HTTPS on loopback: {@code clients} threads each send AdmissionReviews
 * of the production example (half of them valid, half with a bad listener) back to back; prints requests per
 * second and latency percentiles for each round and the median round.
 *
 * <pre>mvn -B -Pbench -DskipTests package && java -cp target/benchmarks.jar dev.esnetpol.bench.WebhookLoad [clients] [requests] [rounds]</pre>
 */
public final class WebhookLoad {

    private WebhookLoad() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("webhook-load");
        SelfSignedCertificates.Issued issued = SelfSignedCertificates.issue(dir, List.of("localhost", "127.0.0.1"), Duration.ofDays(1));
        try (WebhookServer server = WebhookServer.start(new WebhookConfig(0, "127.0.0.1", issued.certFile(), issued.keyFile(),
                WebhookConfig.DEFAULT_THREADS, WebhookConfig.DEFAULT_MAX_BODY, GeneratorOptions.defaults()))) {
            HttpClient client = client(issued);
            URI uri = URI.create("https://localhost:" + server.port() + "/validate");
            String good = review("examples/eventstreams-production.yaml", false);
            String bad = review("examples/eventstreams-production.yaml", true);
            run(client, uri, good, bad, clients, Math.max(2000, requests / 10)); // warm-up
            List<double[]> results = new ArrayList<>();
            for (int r = 1; r <= rounds; r++) {
                double[] res = run(client, uri, good, bad, clients, requests);
                results.add(res);
                System.out.printf("round %d: %d clients, %d requests: %.0f req/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, errors %d%n",
                        r, clients, requests, res[0], res[1], res[2], res[3], (long) res[4]);
            }
            results.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] median = results.get(results.size() / 2);
            System.out.printf("median round: %.0f req/s, p50 %.2f ms, p99 %.2f ms (%d clients, HTTPS, loopback)%n",
                    median[0], median[1], median[2], clients);
        }
    }

    private static double[] run(HttpClient client, URI uri, String good, String bad, int clients, int requests) throws Exception {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(i % 2 == 0 ? good : bad)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        return new double[]{requests / seconds, latencies[requests / 2] / 1e6, latencies[(int) (requests * 0.99)] / 1e6,
                latencies[(int) (requests * 0.999)] / 1e6, errors.get()};
    }

    private static String review(String file, boolean broken) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode object = (ObjectNode) new YAMLMapper().readTree(Files.readString(Path.of(file)));
        if (broken) {
            ((ObjectNode) object.path("spec").path("strimziOverrides").path("kafka").path("listeners").get(0)).put("port", 70000);
        }
        ObjectNode review = json.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
        ObjectNode request = review.putObject("request").put("uid", "load").put("operation", "CREATE");
        request.set("object", object);
        return json.writeValueAsString(review);
    }

    private static HttpClient client(SelfSignedCertificates.Issued issued) throws Exception {
        return HttpClient.newBuilder().sslContext(issued.clientContext()).version(HttpClient.Version.HTTP_1_1).build();
    }
}
