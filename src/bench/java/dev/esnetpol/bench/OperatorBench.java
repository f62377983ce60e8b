package dev.esnetpol.bench;

import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsGeoReplicator;
import dev.esnetpol.model.KafkaConnect;
import dev.esnetpol.model.KafkaMirrorMaker2;
import dev.esnetpol.model.ResourceReader;
import dev.esnetpol.operator.EsNetpolOperator;
import dev.esnetpol.operator.OperatorMetrics;
import dev.esnetpol.operator.OperatorSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator at scale against fabric8's mock API server (CRUD mode): N instances created before it starts;
 * prints the time from a cold start to every policy applied, the API requests made during steady-state
 * resyncs (target: 0 writes, 0 GETs), and the heap the operator holds after.
 *
 * <pre>mvn -B -Pbench -DskipTests package && java -cp target/benchmarks.jar dev.esnetpol.bench.OperatorBench [instances]</pre>
 */
public final class OperatorBench {

    private OperatorBench() {
    }

    public static void main(String[] args) throws Exception {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int perNamespace = 10;
        KubernetesMockServer server = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(), new io.fabric8.mockwebserver.MockWebServer(),
                new HashMap<>(), new KubernetesCrudDispatcher(List.of(
                CustomResourceDefinitionContext.fromCustomResourceType(EventStreams.class),
                CustomResourceDefinitionContext.fromCustomResourceType(KafkaConnect.class),
                CustomResourceDefinitionContext.fromCustomResourceType(KafkaMirrorMaker2.class),
                CustomResourceDefinitionContext.fromCustomResourceType(EventStreamsGeoReplicator.class))), true);
        server.init();
        KubernetesClient client = server.createClient(b -> b.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
        for (int i = 0; i < instances; i++) {
            EventStreams es = ResourceReader.mapper().readValue(("""
                    {"apiVersion":"eventstreams.ibm.com/v1beta2","kind":"EventStreams",
                     "metadata":{"name":"es%d","namespace":"ns%d"},
                     "spec":{"adminApi":{},"adminUI":{},"restProducer":{},
                       "strimziOverrides":{"kafka":{"listeners":[{"name":"tls","port":9093,"type":"internal","tls":true}]},"zookeeper":{}}}}
                    """).formatted(i, i / perNamespace), EventStreams.class);
            client.resource(es).create();
        }
        int expected = instances * 5;
        Duration resync = Duration.ofSeconds(10);
        OperatorMetrics metrics = new OperatorMetrics();
        drain(server);
        long start = System.nanoTime();
        try (EsNetpolOperator operator = new EsNetpolOperator(client, OperatorSettings.defaults().withResync(resync), metrics)) {
            operator.start();
            // Watch the operator's own gauge rather than list 5,000 policies in a loop (that would load the server).
            while (metrics.registry().get("es_netpol_policies_managed").gauge().value() < expected) {
                Thread.sleep(50);
            }
            double coldSeconds = (System.nanoTime() - start) / 1e9;
            int listed = client.network().v1().networkPolicies().inAnyNamespace().list().getItems().size();
            System.out.printf("cold start to all policies applied: %.2f s (%d instances, %d policies written, %d listed, %d namespaces)%n",
                    coldSeconds, instances, expected, listed, instances / perNamespace);
            // let every status write land, then watch two full resync periods
            Thread.sleep(3000);
            drain(server);
            double reconcilesBefore = reconciles(metrics);
            Thread.sleep(resync.toMillis() * 2 + 2000);
            List<RecordedRequest> steady = drain(server);
            Map<String, Integer> byMethod = new HashMap<>();
            for (RecordedRequest r : steady) {
                if (!r.getPath().contains("watch=true")) {
                    byMethod.merge(r.getMethod(), 1, Integer::sum);
                }
            }
            double resyncReconciles = reconciles(metrics) - reconcilesBefore;
            int writes = byMethod.getOrDefault("POST", 0) + byMethod.getOrDefault("PUT", 0) + byMethod.getOrDefault("PATCH", 0)
                    + byMethod.getOrDefault("DELETE", 0);
            System.out.printf("steady state: %.0f reconciles in 2 resync periods; API requests: %d writes, %d GETs (%s)%n",
                    resyncReconciles, writes, byMethod.getOrDefault("GET", 0), byMethod);
            Runtime rt = Runtime.getRuntime();
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            System.out.printf("heap in use after (operator, its caches and this benchmark's client): %.1f MiB%n",
                    (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
        } finally {
            client.close();
            server.destroy();
        }
        System.exit(0);
    }

    private static double reconciles(OperatorMetrics metrics) {
        return metrics.registry().find("es_netpol_reconciles_total").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static List<RecordedRequest> drain(KubernetesMockServer server) throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
            out.add(r);
        }
        return out;
    }
}
