package dev.esnetpol.operator;

import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.testing.SharedFiles;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The operator reconciles a KRaft instance (IBM's 11.8 sample: a broker pool and a controller pool) exactly as render does. */
class KRaftOperatorTest {

    private MockCluster cluster;
    private EsNetpolOperator operator;

    @AfterEach
    void stop() {
        if (operator != null) {
            operator.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aKRaftInstanceGetsThePoliciesRenderWrites() throws Exception {
        cluster = new MockCluster();
        operator = new EsNetpolOperator(cluster.client, OperatorSettings.defaults().withRetry(OperatorTest.FAST_RETRY), new OperatorMetrics());
        operator.start();
        String sample = Files.readString(SharedFiles.resolve("samples/event-streams/03-es-11.8.0-kubernetes-minimal-prod-separate-pools.yaml"))
                .replace("  name: minimal-prod\n", "  name: minimal-prod\n  namespace: kraft\n");
        List<EventStreamsResource> created = cluster.apply(sample);
        Map<String, NetworkPolicy> expected = new TreeMap<>();
        new PolicyGenerator(GeneratorOptions.defaults()).generate(created, null).forEach(p -> expected.put(p.getMetadata().getName(), p));
        MockCluster.await("the KRaft policies", Duration.ofSeconds(20), () -> cluster.policies("kraft").keySet().equals(expected.keySet()));
        Map<String, NetworkPolicy> applied = cluster.policies("kraft");
        for (String name : expected.keySet()) {
            assertEquals(expected.get(name).getSpec(), applied.get(name).getSpec(), name);
            assertEquals(expected.get(name).getMetadata().getAnnotations(), applied.get(name).getMetadata().getAnnotations(), name);
        }
        assertEquals(List.of("minimal-prod-admin-api-netpol", "minimal-prod-admin-ui-netpol", "minimal-prod-controller-netpol",
                "minimal-prod-kafka-netpol", "minimal-prod-rest-producer-netpol", "minimal-prod-schema-registry-netpol"),
                List.copyOf(expected.keySet()));
    }
}
