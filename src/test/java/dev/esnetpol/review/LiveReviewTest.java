package dev.esnetpol.review;

import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.input.YamlSources;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.ResourceReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import dev.esnetpol.operator.MockClusterAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** review -n against a real HTTP API: fabric8's mock server in CRUD mode, holding the production namespace. */
class LiveReviewTest {

    private MockClusterAccess cluster;

    @BeforeEach
    void start() throws Exception {
        cluster = new MockClusterAccess();
        KubernetesClient client = cluster.client();
        List<YamlDocument> docs = YamlSources.read(List.of(ReviewScenarios.CLEAN.toString()));
        List<EventStreamsResource> created = new java.util.ArrayList<>();
        for (YamlDocument d : docs) {
            if (ResourceReader.isEventStreamsKind(d)) {
                created.add((EventStreamsResource) client.resource(ResourceReader.read(d)).create());
            } else if (!d.kind().equals("NetworkPolicy")) {
                client.resource(Serialization.unmarshal(d.node().toString(), HasMetadata.class)).create();
            }
        }
        // The server gave the resources their uids: the policies es-netpol would apply own them by those.
        new dev.esnetpol.generate.PolicyGenerator(GeneratorOptions.defaults()).generate(created, null).forEach(p -> client.resource(p).create());
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aCleanNamespaceHasNoFindings() {
        Snapshot s = LiveSnapshot.read(cluster.client(), "es-prod");
        assertEquals(3 + 3 + 8 + 1, s.cluster().pods().size(), "brokers, ZooKeeper nodes, one pod per other component, the operator");
        assertEquals(10, s.cluster().policies().size());
        ReviewReport r = new Reviewer(GeneratorOptions.defaults()).review(s);
        assertEquals(List.of(), ReviewTest.failing(r));
        assertTrue(r.clean());
    }

    @Test
    void aForeignDenyAndAHandEditAreFound() {
        cluster.client().resource(ReviewScenarios.denyAll()).create();
        NetworkPolicy kafka = cluster.client().network().v1().networkPolicies().inNamespace("es-prod").withName("production-kafka-netpol").get();
        kafka.getSpec().getIngress().get(1).setFrom(List.of());
        cluster.client().resource(kafka).update();
        ReviewReport r = new Reviewer(GeneratorOptions.defaults()).review(LiveSnapshot.read(cluster.client(), "es-prod"));
        List<ReviewFinding.Kind> kinds = r.findings().stream().map(ReviewFinding::kind).distinct().sorted().toList();
        assertEquals(List.of(ReviewFinding.Kind.MISSING, ReviewFinding.Kind.EXCESS, ReviewFinding.Kind.DRIFT, ReviewFinding.Kind.FOREIGN,
                ReviewFinding.Kind.OPEN), kinds);
        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == ReviewFinding.Kind.MISSING
                && f.subject().equals("es-prod/eventstreams-operator-7f9c4-kq2lp -> es-prod/production-zookeeper-0 TCP 2181")));
    }

    @Test
    void anAdminNetworkPolicyServedByTheClusterIsReadAndNamedInTheFindingItCauses() {
        // Created through the generic API, as a cluster whose API serves policy.networking.k8s.io/v1alpha1 holds it.
        var anp = Serialization.unmarshal("""
                apiVersion: policy.networking.k8s.io/v1alpha1
                kind: AdminNetworkPolicy
                metadata: {name: zk-deny}
                spec:
                  priority: 5
                  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: es-prod}}}
                  ingress:
                  - {name: no-zookeeper-clients, action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {protocol: TCP, port: 2181}}]}
                """, io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
        cluster.client().genericKubernetesResources(LiveSnapshot.CLUSTER_POLICY_KINDS.get(0)).resource(anp).create();
        Snapshot s = LiveSnapshot.read(cluster.client(), "es-prod");
        assertEquals(List.of("zk-deny"), s.cluster().clusterPolicies().stream().map(dev.esnetpol.analyze.ClusterPolicy::name).toList());
        ReviewReport r = new Reviewer(GeneratorOptions.defaults()).review(s);
        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == ReviewFinding.Kind.MISSING && f.subject().endsWith("TCP 2181")
                && String.join(" ", f.details()).contains("AdminNetworkPolicy `zk-deny`")), r.findings().toString());
        assertTrue(ReviewHtml.of(r, s.cluster().clusterPolicies()).contains("<td>AdminNetworkPolicy</td><td>zk-deny</td><td>Admin</td><td>5</td>"));
    }
}
