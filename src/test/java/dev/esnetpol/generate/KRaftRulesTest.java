package dev.esnetpol.generate;

import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.TableSet;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.Installations;
import dev.esnetpol.testing.Fixtures;
import dev.esnetpol.testing.Rules;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How an instance's table set is chosen, and the rules of node pools and REST endpoints. */
class KRaftRulesTest {

    private static final String HEAD = """
            apiVersion: eventstreams.ibm.com/%s
            kind: EventStreams
            metadata:
              name: es
              namespace: ns
              annotations: {%s}
            spec:
              adminApi: {}
              strimziOverrides:
                kafka:
                  listeners:
                    - {name: tls, port: 9093, type: internal, tls: true}
                  metricsConfig: {type: jmxPrometheusExporter}
            """;

    private static EventStreams instance(String version, String annotations, String overrides) {
        return (EventStreams) Fixtures.fromYaml(HEAD.formatted(version, annotations) + overrides.indent(4)).get(0);
    }

    private static TableChoice choice(EventStreams es) {
        return TableChoice.of(Optional.of(es), Optional.empty());
    }

    @Test
    void theResourceDecidesTheTableSet() {
        assertEquals(Set.of(TableSet.ZOOKEEPER), choice(instance("v1beta2", "", "zookeeper: {replicas: 3}")).sets());
        assertEquals(Set.of(TableSet.ZOOKEEPER), choice(instance("v1beta1", "", "")).sets());
        assertEquals(Set.of(TableSet.ZOOKEEPER), choice(instance("v1beta2", "", """
                zookeeper: {replicas: 3}
                nodePools: [{name: kafka, replicas: 3, roles: [broker]}]""")).sets(), "11.7: ZooKeeper with a broker pool");
        assertEquals(Set.of(TableSet.KRAFT), choice(instance("v1beta2", "", """
                nodePools: [{name: kafka, replicas: 3, roles: [broker]}, {name: controller, replicas: 3, roles: [controller]}]""")).sets());
        assertEquals(Set.of(TableSet.KRAFT), choice(instance("v1", "", "")).sets(), "v1 is 13.0");
        assertEquals(Set.of(TableSet.KRAFT), choice(instance("v1beta2", "eventstreams.ibm.com/kraft: enabled", "")).sets(), "11.5-11.7 preview");
        TableChoice migration = choice(instance("v1beta2", "", """
                zookeeper: {replicas: 3}
                nodePools: [{name: controller, replicas: 3, roles: [controller]}, {name: kafka, replicas: 3, roles: [broker]}]"""));
        assertEquals(Set.of(TableSet.ZOOKEEPER, TableSet.KRAFT), migration.sets());
        assertEquals("10.1-11.7+11.8-13.0", migration.id());
        assertTrue(migration.reason().contains("migration"), migration.reason());
        assertEquals(Set.of(TableSet.KRAFT), TableChoice.of(Optional.of(instance("v1beta2", "", "")), Optional.of(TableSet.KRAFT)).sets(),
                "--tables wins where the resource declares nothing");
        assertThrows(dev.esnetpol.input.InvalidInputException.class,
                () -> TableChoice.of(Optional.of(instance("v1beta2", "", "zookeeper: {}")), Optional.of(TableSet.KRAFT)),
                "--tables that contradicts a declared ZooKeeper is refused");
        assertEquals(Set.of(TableSet.ZOOKEEPER, TableSet.KRAFT),
                TableChoice.of(Optional.of(instance("v1beta2", "", "zookeeper: {}")), Optional.of(TableSet.KRAFT), true).sets(),
                "--tables-override keeps the declared set");
        assertEquals(Set.of(TableSet.ZOOKEEPER), choice(instance("v1", "", "zookeeper: {replicas: 3}")).sets(),
                "ZooKeeper in a v1 resource: an earlier instance read through v1 still runs ZooKeeper");
    }

    @Test
    void aDualRolePoolGetsBrokerAndControllerRowsInOnePolicy() {
        Map<String, NetworkPolicy> p = Fixtures.render(Fixtures.fromYaml(HEAD.formatted("v1beta2", "") + """
                    nodePools: [{name: mixed, replicas: 3, roles: [broker, controller]}]
                """));
        NetworkPolicy mixed = p.get("es-mixed-netpol");
        assertEquals(Map.of("app.kubernetes.io/name", "kafka", "app.kubernetes.io/instance", "es", "eventstreams.ibm.com/pool-name", "mixed"),
                Rules.matchLabels(mixed.getSpec().getPodSelector()));
        assertTrue(Rules.admits(mixed, 9090, Rules.pods(Map.of("app.kubernetes.io/name", "kafka", "app.kubernetes.io/instance", "es",
                "eventstreams.ibm.com/pool-name", "mixed"))), "control plane among the pool's own pods");
        assertTrue(Rules.admitsFromAnywhere(mixed, 9093), "listener");
        assertTrue(Rules.admitsFromAnywhere(mixed, 8443), "readiness");
        assertTrue(Rules.admitsFromAnywhere(mixed, 9404), "metrics");
        assertFalse(Rules.opens(mixed, 8091), "8091 is gone in 11.8");
        assertFalse(p.containsKey("es-zookeeper-netpol"));
    }

    @Test
    void listenersOpenOnBrokersOnlyAndControllersGetTheirOwnRows() {
        Map<String, NetworkPolicy> p = Fixtures.render(Fixtures.fromYaml(HEAD.formatted("v1beta2", "") + """
                    nodePools: [{name: kafka, replicas: 3, roles: [broker]}, {name: quorum, replicas: 3, roles: [controller]}]
                """));
        NetworkPolicy brokers = p.get("es-kafka-netpol");
        NetworkPolicy controllers = p.get("es-quorum-netpol");
        assertTrue(Rules.admitsFromAnywhere(brokers, 9093));
        assertFalse(Rules.opens(controllers, 9093), "no listener on a controller");
        assertFalse(Rules.opens(brokers, 9090), "no control plane on a broker-only pool");
        assertTrue(Rules.admitsFromAnywhere(controllers, 9404), "controllers export metrics when Kafka metrics are on");
        assertFalse(Rules.opens(controllers, 9999), "no JMX row for controllers");
        Map<String, String> brokerPods = Map.of("app.kubernetes.io/name", "kafka", "app.kubernetes.io/instance", "es",
                "eventstreams.ibm.com/pool-name", "kafka");
        assertTrue(Rules.admits(controllers, 9090, Rules.pods(brokerPods)), "B1: brokers reach the quorum");
        assertTrue(Rules.letsOut(brokers, 9090, "TCP", Rules.pods(Map.of("app.kubernetes.io/name", "kafka",
                "app.kubernetes.io/instance", "es", "eventstreams.ibm.com/pool-name", "quorum"))));
        assertTrue(Rules.admits(controllers, 9090, Rules.operator(Map.of())), "B4: the cluster operator reaches the quorum");
        assertTrue(Rules.admits(brokers, 9091, Rules.pods(Map.of("app.kubernetes.io/name", "admin-api", "app.kubernetes.io/instance", "es"))),
                "B3: the admin API reaches the brokers on 9091");
    }

    @Test
    void restEndpointsOpenTheirContainerPortsAsTheApiPortIs() {
        Map<String, NetworkPolicy> p = Fixtures.render(Fixtures.fromYaml("""
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: EventStreams
                metadata: {name: es, namespace: ns}
                spec:
                  adminApi:
                    endpoints: [{name: ingress, type: ingress, containerPort: 8001}]
                  adminUI:
                    endpoints: [{name: ui, type: route, containerPort: 3001}]
                  restProducer:
                    endpoints: [{name: a, type: ingress, containerPort: 8003}, {name: b, type: route, containerPort: 8004}]
                  apicurioRegistry:
                    endpoints: [{name: ingress, type: ingress, containerPort: 8002}]
                """));
        assertTrue(Rules.admitsFromAnywhere(p.get("es-admin-api-netpol"), 8001));
        assertTrue(Rules.admitsFromAnywhere(p.get("es-admin-api-netpol"), 9443));
        assertTrue(Rules.admitsFromAnywhere(p.get("es-admin-ui-netpol"), 3001));
        assertTrue(Rules.admitsFromAnywhere(p.get("es-rest-producer-netpol"), 8003));
        assertTrue(Rules.admitsFromAnywhere(p.get("es-rest-producer-netpol"), 8004));
        assertTrue(Rules.admitsFromAnywhere(p.get("es-schema-registry-netpol"), 8002));
        assertFalse(Rules.opens(p.get("es-admin-api-netpol"), 8003), "each component opens its own endpoints only");
    }

    @Test
    void theMigrationWindowRunsBothKindsOfPodWithBothSetsFlows() {
        Map<String, NetworkPolicy> p = Fixtures.render(Fixtures.fromYaml(HEAD.formatted("v1beta2", "") + """
                    zookeeper: {replicas: 3}
                    nodePools: [{name: controller, replicas: 3, roles: [controller]}, {name: kafka, replicas: 3, roles: [broker]}]
                """));
        assertTrue(Rules.opens(p.get("es-zookeeper-netpol"), 2181), "ZooKeeper still runs");
        assertTrue(Rules.opens(p.get("es-controller-netpol"), 9090), "controllers already run");
        assertTrue(Rules.opens(p.get("es-kafka-netpol"), 8091), "brokers keep the 10.1-11.7 rows until the migration ends");
        assertTrue(Rules.letsOut(p.get("es-kafka-netpol"), 2181, "TCP", Rules.pods(Map.of("app.kubernetes.io/name", "zookeeper",
                "app.kubernetes.io/instance", "es"))));
        assertEquals("10.1-11.7+11.8-13.0", p.get("es-kafka-netpol").getMetadata().getAnnotations().get("es-netpol/tables"));
    }

    @Test
    void poolPodsAreNamedAndLabelledAsTheOperatorDoes() {
        var installation = Installations.group(Fixtures.fromYaml(HEAD.formatted("v1beta2", "") + """
                    nodePools: [{name: mixed, replicas: 3, roles: [broker, controller]}]
                """), null).get(0);
        PodGroup g = new InstallationFacts(installation).groupsOf(Component.KAFKA_CONTROLLER).get(0);
        assertEquals("es-mixed-0", g.podName());
        assertEquals("true", g.podLabels().get("eventstreams.ibm.com/broker-role"));
        assertEquals("true", g.podLabels().get("eventstreams.ibm.com/controller-role"));
        assertEquals("mixed", g.podLabels().get("eventstreams.ibm.com/pool-name"));
        assertTrue(g.serves(Component.KAFKA) && g.serves(Component.KAFKA_CONTROLLER));
    }
}
