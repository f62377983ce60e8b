package dev.esnetpol.generate;

import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.testing.Fixtures;
import dev.esnetpol.testing.Rules;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator's rules one by one, each on the smallest resource that shows it. */
class GeneratorRulesTest {

    private static final String MINIMAL = """
            apiVersion: eventstreams.ibm.com/v1beta2
            kind: EventStreams
            metadata: {name: es, namespace: ns}
            spec:
              strimziOverrides:
                kafka:
                  listeners:
            %s
                zookeeper: {}
            """;

    private static Map<String, NetworkPolicy> render(String listeners, GeneratorOptions options) {
        return Fixtures.render(Fixtures.fromYaml(MINIMAL.formatted(listeners.indent(8))), options);
    }

    private static final String ONE_PLAIN = "- {name: plain, port: 9092, type: internal, tls: false}";

    @Test
    void onlyTheComponentsTheConfigurationRunsGetAPolicy() {
        assertEquals(List.of("es-kafka-netpol", "es-zookeeper-netpol"), List.copyOf(render(ONE_PLAIN, GeneratorOptions.defaults()).keySet()));
    }

    @Test
    void eachListenerOpensItsOwnPortToAnywhereWithoutPeers() {
        NetworkPolicy kafka = render("""
                - {name: plain, port: 9092, type: internal, tls: false}
                - {name: ext, port: 9200, type: route, tls: true}
                """, GeneratorOptions.defaults()).get("es-kafka-netpol");
        assertTrue(Rules.admitsFromAnywhere(kafka, 9092));
        assertTrue(Rules.admitsFromAnywhere(kafka, 9200));
        assertFalse(Rules.opens(kafka, 9093), "9093 opened although no listener uses it");
        assertFalse(Rules.opens(kafka, 9094));
    }

    @Test
    void listenerPeersReplaceAnywhere() {
        NetworkPolicy kafka = render("""
                - name: tls
                  port: 9093
                  type: internal
                  tls: true
                  networkPolicyPeers:
                    - podSelector: {matchLabels: {app: client}}
                    - namespaceSelector: {matchLabels: {team: a}}
                """, GeneratorOptions.defaults()).get("es-kafka-netpol");
        assertFalse(Rules.admitsFromAnywhere(kafka, 9093));
        assertTrue(Rules.admits(kafka, 9093, Rules.pods(Map.of("app", "client"))));
        assertTrue(Rules.admits(kafka, 9093, p -> p.getPodSelector() == null && Rules.matchLabels(p.getNamespaceSelector()).equals(Map.of("team", "a"))));
    }

    @Test
    void mapFormListenersUseTheirFixedPorts() {
        NetworkPolicy kafka = render("""
                plain: {}
                external: {type: route}
                """.replace("\n", "\n"), GeneratorOptions.defaults()).get("es-kafka-netpol");
        assertTrue(Rules.admitsFromAnywhere(kafka, 9092));
        assertTrue(Rules.admitsFromAnywhere(kafka, 9094));
        assertFalse(Rules.opens(kafka, 9093));
    }

    @Test
    void metricsAndJmxOpenOnlyWhenConfigured() {
        NetworkPolicy plain = render(ONE_PLAIN, GeneratorOptions.defaults()).get("es-kafka-netpol");
        assertFalse(Rules.opens(plain, 9404));
        assertFalse(Rules.opens(plain, 9999));
        Map<String, NetworkPolicy> withMetrics = Fixtures.render(Fixtures.fromYaml(MINIMAL.formatted(ONE_PLAIN.indent(8))
                .replace("    zookeeper: {}", "      metricsConfig: {type: jmxPrometheusExporter}\n      jmxOptions: {}\n    zookeeper: {}")));
        assertTrue(Rules.admitsFromAnywhere(withMetrics.get("es-kafka-netpol"), 9404));
        assertTrue(Rules.admitsFromAnywhere(withMetrics.get("es-kafka-netpol"), 9999));
        assertFalse(Rules.opens(withMetrics.get("es-zookeeper-netpol"), 9404), "ZooKeeper metrics follow ZooKeeper's own metricsConfig");
    }

    @Test
    void operatorPeerCanBeNarrowedToLabelledNamespaces() {
        Map<String, String> ns = Map.of("kubernetes.io/metadata.name", "es-operator");
        NetworkPolicy kafka = render(ONE_PLAIN, GeneratorOptions.defaults().withOperatorNamespaceLabels(ns)).get("es-kafka-netpol");
        assertTrue(Rules.admits(kafka, 9091, Rules.operator(ns)));
        assertFalse(Rules.admits(kafka, 9091, Rules.operator(Map.of())), "still open to the operator in any namespace");
    }

    @Test
    void egressCanBeLeftOut() {
        for (NetworkPolicy p : render(ONE_PLAIN, GeneratorOptions.defaults().withEgress(false)).values()) {
            assertEquals(List.of("Ingress"), p.getSpec().getPolicyTypes(), p.getMetadata().getName());
            assertTrue(p.getSpec().getEgress().isEmpty());
        }
    }

    @Test
    void everyPodWithRestrictedEgressReachesDns() {
        for (NetworkPolicy p : Fixtures.render(CatalogueRowsRenderedTest.everything(true)).values()) {
            assertTrue(p.getSpec().getPolicyTypes().contains("Egress"));
            assertTrue(Rules.letsOutAnywhere(p, 53, "UDP") && Rules.letsOutAnywhere(p, 53, "TCP"), p.getMetadata().getName() + " has no DNS");
        }
    }

    @Test
    void podsThatTalkToTheApiServerMayReachIt() {
        Map<String, NetworkPolicy> p = Fixtures.render(CatalogueRowsRenderedTest.everything(true));
        for (String name : List.of("full-entity-operator-netpol", "full-admin-api-netpol")) {
            assertTrue(Rules.letsOutAnywhere(p.get(name), 443, "TCP") && Rules.letsOutAnywhere(p.get(name), 6443, "TCP"), name);
        }
        assertFalse(Rules.letsOutAnywhere(p.get("full-zookeeper-netpol"), 443, "TCP"), "ZooKeeper does not call the API server");
        assertFalse(Rules.letsOutAnywhere(p.get("full-kafka-netpol"), 443, "TCP"), "Kafka without rack awareness does not call it");
    }

    @Test
    void apiServerCanBeNarrowedToItsAddresses() {
        GeneratorOptions options = new GeneratorOptions(true, Map.of(), List.of(53), List.of(6443), List.of("10.0.0.1/32"));
        NetworkPolicy adminApi = Fixtures.render(CatalogueRowsRenderedTest.everything(true), options).get("full-admin-api-netpol");
        assertFalse(Rules.letsOutAnywhere(adminApi, 6443, "TCP"));
        assertTrue(Rules.letsOut(adminApi, 6443, "TCP", peer -> peer.getIpBlock() != null && "10.0.0.1/32".equals(peer.getIpBlock().getCidr())));
    }

    @Test
    void connectAndGeoReplicatorReachTheListenersAndTheirExternalTargets() {
        Map<String, NetworkPolicy> p = Fixtures.render(CatalogueRowsRenderedTest.everything(true));
        Map<String, String> kafka = Map.of("app.kubernetes.io/name", "kafka", "app.kubernetes.io/instance", "full");
        for (String name : List.of("conn-kafka-connect-netpol", "full-kafka-mirror-maker-2-netpol")) {
            // Kafka Connect: its bootstrap servers' port (9093), not every listener; the EventStreamsGeoReplicator names no
            // bootstrap and reaches its instance's listeners.
            assertTrue(Rules.letsOut(p.get(name), 9093, "TCP", Rules.pods(kafka)), name + " cannot reach its bootstrap listener");
            for (int port : List.of(9092, 9094)) {
                assertEquals(!name.startsWith("conn-"), Rules.letsOut(p.get(name), port, "TCP", Rules.admitsPod(kafka)), name + " listener " + port);
            }
            // No annotation: anywhere on any port (docs/generator.md says why), written as a rule without peers, which
            // every network plugin applies to pods and to the outside alike; never as ipBlock 0.0.0.0/0.
            assertTrue(Rules.egress(p.get(name)).stream().anyMatch(r -> r.getPorts().stream().allMatch(port -> port.getPort() == null)
                    && r.getPorts().stream().anyMatch(port -> "TCP".equals(port.getProtocol())) && (r.getTo() == null || r.getTo().isEmpty())), name);
            assertFalse(Rules.egress(p.get(name)).stream().anyMatch(r -> r.getTo() != null
                    && r.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null)), name + " writes anywhere as an ipBlock");
        }
    }

    @Test
    void anywhereInTheAnnotationIsEveryPeer() {
        NetworkPolicy connect = Fixtures.render(Fixtures.fromYaml("""
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: KafkaConnect
                metadata:
                  name: c
                  namespace: ns
                  annotations: {es-netpol/external-egress: "anywhere:443,10.1.0.0/16:5432"}
                spec: {bootstrapServers: "x:9092"}
                """)).get("c-kafka-connect-netpol");
        assertTrue(Rules.letsOutAnywhere(connect, 443, "TCP"));
        assertFalse(Rules.letsOutAnywhere(connect, 5432, "TCP"));
        assertTrue(Rules.letsOut(connect, 5432, "TCP", peer -> peer.getIpBlock() != null && "10.1.0.0/16".equals(peer.getIpBlock().getCidr())));
    }

    @Test
    void externalEgressAnnotationNarrowsConnect() {
        List<EventStreamsResource> resources = Fixtures.fromYaml("""
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: KafkaConnect
                metadata:
                  name: c
                  namespace: ns
                  annotations: {es-netpol/external-egress: "10.1.0.0/16:5432/TCP"}
                spec: {bootstrapServers: "x:9092"}
                """);
        NetworkPolicy connect = Fixtures.render(resources).get("c-kafka-connect-netpol");
        assertTrue(Rules.letsOut(connect, 5432, "TCP", peer -> peer.getIpBlock() != null && "10.1.0.0/16".equals(peer.getIpBlock().getCidr())));
        assertFalse(Rules.egress(connect).stream().anyMatch(r -> r.getTo() != null
                && r.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null && peer.getIpBlock().getCidr().endsWith("/0"))));
    }

    @Test
    void twoInstancesInOneNamespaceDoNotShareInternalPorts() {
        List<EventStreamsResource> two = new ArrayList<>(Fixtures.fromResource("everything.yaml").subList(0, 1));
        String second = MINIMAL.formatted(ONE_PLAIN.indent(8)).replace("name: es, namespace: ns", "name: other, namespace: ns1")
                .replace("strimziOverrides:", "adminApi: {}\n  apicurioRegistry: {}\n  strimziOverrides:");
        two.addAll(Fixtures.fromYaml(second));
        Map<String, NetworkPolicy> policies = Fixtures.render(two);
        assertTrue(policies.containsKey("full-kafka-netpol") && policies.containsKey("other-kafka-netpol"));
        for (NetworkPolicy p : policies.values()) {
            String instance = p.getMetadata().getLabels().get("app.kubernetes.io/instance");
            Map<String, String> ownPods = Map.of("app.kubernetes.io/instance", instance);
            for (var rule : Rules.ingress(p)) {
                for (NetworkPolicyPeer peer : rule.getFrom() == null ? List.<NetworkPolicyPeer>of() : rule.getFrom()) {
                    if (peer.getNamespaceSelector() == null && peer.getIpBlock() == null) {
                        Map<String, String> selected = Rules.matchLabels(peer.getPodSelector());
                        assertTrue(selected.entrySet().containsAll(ownPods.entrySet()),
                                p.getMetadata().getName() + " admits pods of another instance: " + selected);
                    }
                }
            }
            for (var rule : Rules.egress(p)) {
                for (NetworkPolicyPeer peer : rule.getTo() == null ? List.<NetworkPolicyPeer>of() : rule.getTo()) {
                    if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
                        assertTrue(Rules.matchLabels(peer.getPodSelector()).entrySet().containsAll(ownPods.entrySet()),
                                p.getMetadata().getName() + " lets out to pods of another instance");
                    }
                }
            }
        }
    }

    @Test
    void outputIsTheSameWhateverTheOrderOfTheInput() {
        List<EventStreamsResource> resources = new ArrayList<>(CatalogueRowsRenderedTest.everything(true));
        String first = Fixtures.render(resources).toString();
        Collections.shuffle(resources, new Random(42));
        Collections.reverse(resources);
        assertEquals(first, Fixtures.render(resources).toString());
    }

    @Test
    void policiesCarryTheConventionLabelsAndOwner() {
        Map<String, NetworkPolicy> p = Fixtures.render(CatalogueRowsRenderedTest.everything(true));
        NetworkPolicy connect = p.get("conn-kafka-connect-netpol");
        assertEquals(Map.of("app.kubernetes.io/managed-by", "es-netpol", "app.kubernetes.io/instance", "conn",
                "app.kubernetes.io/component", "kafka-connect", "eventstreams.ibm.com/cluster", "full"), connect.getMetadata().getLabels());
        var owner = connect.getMetadata().getOwnerReferences().get(0);
        assertEquals(List.of("KafkaConnect", "conn", "22222222-2222-2222-2222-222222222222", true),
                List.of(owner.getKind(), owner.getName(), owner.getUid(), owner.getController()));
        assertEquals("ns1", connect.getMetadata().getNamespace());
    }

    @Test
    void noOwnerReferenceWithoutUid() {
        for (NetworkPolicy p : render(ONE_PLAIN, GeneratorOptions.defaults()).values()) {
            assertTrue(p.getMetadata().getOwnerReferences() == null || p.getMetadata().getOwnerReferences().isEmpty());
        }
    }
}
