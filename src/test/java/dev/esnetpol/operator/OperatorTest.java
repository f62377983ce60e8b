package dev.esnetpol.operator;

import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsResource;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The operator against a real HTTP API (fabric8's mock server in CRUD mode, with watches). */
class OperatorTest {

    private MockCluster cluster;
    private EsNetpolOperator operator;

    @BeforeEach
    void start() {
        cluster = new MockCluster();
        operator = new EsNetpolOperator(cluster.client, OperatorSettings.defaults(), new OperatorMetrics());
        operator.start();
    }

    @AfterEach
    void stop() {
        operator.close();
        cluster.close();
    }

    private static String example(String name) throws Exception {
        return Files.readString(Path.of("examples", name));
    }

    private static Set<String> expectedNames(List<EventStreamsResource> resources) {
        Set<String> names = new TreeSet<>();
        new PolicyGenerator(GeneratorOptions.defaults()).generate(resources, null).forEach(p -> names.add(p.getMetadata().getName()));
        return names;
    }

    @Test
    void installingAnInstanceCreatesItsPolicies() throws Exception {
        List<EventStreamsResource> created = cluster.apply(example("eventstreams-production.yaml").replace("  uid: 7d3c1f0e-2a41-4d7b-9a7e-5f1c0b2d9e01\n", ""));
        Set<String> expected = expectedNames(created);
        MockCluster.await("the production policies", Duration.ofSeconds(20), () -> cluster.policies("es-prod").keySet().equals(expected));
        NetworkPolicy kafka = cluster.policies("es-prod").get("production-kafka-netpol");
        assertEquals(created.get(0).getMetadata().getUid(), kafka.getMetadata().getOwnerReferences().get(0).getUid());
        assertEquals(new PolicyGenerator(GeneratorOptions.defaults()).generate(created, null).stream()
                .filter(p -> p.getMetadata().getName().equals("production-kafka-netpol")).findFirst().orElseThrow().getSpec(), kafka.getSpec());
        MockCluster.await("the Ready condition", Duration.ofSeconds(10), () -> {
            EventStreams es = cluster.client.resources(EventStreams.class).inNamespace("es-prod").withName("production").get();
            return es.getStatus() != null && es.getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("NetworkPoliciesReady")
                    && c.getStatus().equals("True") && c.getMessage().startsWith("10 NetworkPolicies applied: production-admin-api-netpol"));
        });
    }
}
