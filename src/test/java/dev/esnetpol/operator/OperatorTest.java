package dev.esnetpol.operator;

import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.KafkaConnect;
import dev.esnetpol.model.ServedVersions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator against a real HTTP API (fabric8's mock server in CRUD mode, with watches). */
class OperatorTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final OperatorSettings.RetryPolicy FAST_RETRY = new OperatorSettings.RetryPolicy(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 5);

    private MockCluster cluster;
    private EsNetpolOperator operator;
    private OperatorMetrics metrics;

    private void start(OperatorSettings settings) {
        cluster = cluster == null ? new MockCluster() : cluster;
        metrics = new OperatorMetrics();
        operator = new EsNetpolOperator(cluster.client, settings.withRetry(FAST_RETRY), metrics);
        operator.start();
    }

    private void start() {
        start(OperatorSettings.defaults());
    }

    @AfterEach
    void stop() {
        if (operator != null) {
            operator.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    static final String INSTANCE = """
            apiVersion: eventstreams.ibm.com/v1beta2
            kind: EventStreams
            metadata: {name: es, namespace: ns}
            spec:
              adminApi: {}
              adminUI: {}
              strimziOverrides:
                kafka:
                  listeners:
                    - {name: plain, port: 9092, type: internal, tls: false}
                zookeeper: {}
            """;

    private static Set<String> expectedNames(List<EventStreamsResource> resources) {
        Set<String> names = new TreeSet<>();
        new PolicyGenerator(GeneratorOptions.defaults()).generate(resources, null).forEach(p -> names.add(p.getMetadata().getName()));
        return names;
    }

    private EventStreams instance() {
        return cluster.instance();
    }

    private Optional<Condition> condition() {
        return cluster.policiesCondition();
    }

    private void installed() throws InterruptedException {
        List<EventStreamsResource> created = cluster.apply(INSTANCE);
        Set<String> expected = expectedNames(created);
        MockCluster.await("the instance's policies", WAIT, () -> cluster.policies("ns").keySet().equals(expected));
        MockCluster.await("the Ready condition", WAIT, () -> condition().map(c -> c.getStatus().equals("True")).orElse(false));
    }

    @Test
    void installingAnInstanceCreatesItsPolicies() throws Exception {
        start();
        List<EventStreamsResource> created = cluster.apply(java.nio.file.Files.readString(java.nio.file.Path.of("examples/eventstreams-production.yaml")));
        Set<String> expected = expectedNames(created);
        MockCluster.await("the production policies", WAIT, () -> cluster.policies("es-prod").keySet().equals(expected));
        NetworkPolicy kafka = cluster.policies("es-prod").get("production-kafka-netpol");
        assertEquals(created.get(0).getMetadata().getUid(), kafka.getMetadata().getOwnerReferences().get(0).getUid());
        assertEquals(new PolicyGenerator(GeneratorOptions.defaults()).generate(created, null).stream()
                .filter(p -> p.getMetadata().getName().equals("production-kafka-netpol")).findFirst().orElseThrow().getSpec(), kafka.getSpec());
        MockCluster.await("the Ready condition", WAIT, () -> {
            EventStreams es = cluster.client.resources(EventStreams.class).inNamespace("es-prod").withName("production").get();
            return es.getStatus() != null && es.getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("NetworkPoliciesReady")
                    && c.getStatus().equals("True") && c.getMessage().startsWith("10 NetworkPolicies applied: production-admin-api-netpol")
                    // What the defaults open to anywhere, with what narrows it: the same grants verify and review report as OPEN.
                    && c.getMessage().contains("; open to anywhere by default: ")
                    && c.getMessage().contains("egress to the Kubernetes API server's ports at any address (kafka(production), "
                            + "admin-api(production), entity-operator(production)) on 443/TCP,6443/TCP; narrowed by --api-server-cidr")
                    && c.getMessage().contains("narrowed by --metrics-from (Helm eventStreamsMetricsFrom)")
                    && c.getObservedGeneration() != null);
        });
    }

    @Test
    void theStatusKeepsConditionsOtherControllersOwn() throws Exception {
        cluster = new MockCluster();
        List<EventStreamsResource> created = cluster.apply(INSTANCE);
        EventStreams es = (EventStreams) created.get(0);
        dev.esnetpol.model.ResourceStatus status = new dev.esnetpol.model.ResourceStatus();
        status.setObservedGeneration(1L);
        status.setConditions(List.of(new io.fabric8.kubernetes.api.model.ConditionBuilder().withType("Ready").withStatus("True")
                .withReason("Running").withMessage("set by the Event Streams operator").build()));
        status.setOther("kafkaListeners", List.of(Map.of("name", "plain", "bootstrapServers", "es-kafka-bootstrap:9092")));
        es.setStatus(status);
        cluster.client.resource(es).updateStatus();
        start();
        MockCluster.await("our condition", WAIT, () -> condition().isPresent());
        EventStreams after = instance();
        assertEquals(List.of("Ready", "NetworkPoliciesReady"), after.getStatus().getConditions().stream().map(Condition::getType).toList());
        assertEquals("set by the Event Streams operator", after.getStatus().getConditions().get(0).getMessage());
        assertEquals(1L, after.getStatus().getObservedGeneration(), "the status' own observedGeneration is not ours");
        assertTrue(after.getStatus().getOther().containsKey("kafkaListeners"), "fields es-netpol does not model are kept");
    }

    @Test
    void policiesFollowTheResource() throws Exception {
        start();
        installed();
        assertFalse(cluster.policies("ns").get("es-kafka-netpol").toString().contains("9404"));
        // As kubectl edit: the operator writes the status concurrently, so a write may meet a 409 and be redone.
        cluster.edit(EventStreams.class, "es", es -> {
            es.getSpec().getStrimziOverrides().getKafka().setMetricsConfig(new dev.esnetpol.model.Presence());
            es.getSpec().getStrimziOverrides().getKafka().getMetricsConfig().set("type", "jmxPrometheusExporter");
            es.getSpec().setAdminUI(null);
            return es;
        });
        MockCluster.await("9404 open and the admin UI's policy gone", WAIT, () -> {
            Map<String, NetworkPolicy> p = cluster.policies("ns");
            return !p.containsKey("es-admin-ui-netpol") && p.get("es-kafka-netpol").getSpec().getIngress().stream()
                    .anyMatch(r -> r.getPorts().stream().anyMatch(x -> x.getPort().getIntVal() == 9404));
        });
    }

    @Test
    void aKafkaConnectGetsItsPolicyAndItsInstanceFollows() throws Exception {
        start();
        installed();
        cluster.apply("""
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: KafkaConnect
                metadata: {name: conn, namespace: ns, labels: {eventstreams.ibm.com/cluster: es}}
                spec: {bootstrapServers: "es-kafka-bootstrap:9092"}
                """);
        MockCluster.await("the connect policy and the admin API's egress to it", WAIT, () -> {
            Map<String, NetworkPolicy> p = cluster.policies("ns");
            return p.containsKey("conn-kafka-connect-netpol")
                    && p.get("es-admin-api-netpol").getSpec().getEgress().stream().anyMatch(r -> r.getPorts().stream()
                    .anyMatch(x -> x.getPort() != null && x.getPort().getIntVal() == 8083));
        });
        KafkaConnect connect = cluster.client.resources(KafkaConnect.class).inNamespace("ns").withName("conn").get();
        assertEquals(connect.getMetadata().getUid(), cluster.policies("ns").get("conn-kafka-connect-netpol").getMetadata().getOwnerReferences().get(0).getUid());
    }

    @Test
    void aKafkaConnectMovingToAnotherInstanceUpdatesBoth() throws Exception {
        start();
        installed();
        cluster.apply(INSTANCE.replace("name: es,", "name: es2,"));
        cluster.apply("""
                apiVersion: eventstreams.ibm.com/v1beta2
                kind: KafkaConnect
                metadata: {name: conn, namespace: ns, labels: {eventstreams.ibm.com/cluster: es}}
                spec: {bootstrapServers: "es-kafka-bootstrap:9092"}
                """);
        MockCluster.await("conn admits es's admin API", WAIT, () -> connectAdmitsAdminApiOf("es"));
        // Every admin API lets 8083 out to Kafka Connect pods (the egress row's pod label); each Kafka Connect admits its own.
        MockCluster.await("both admin APIs let 8083 out", WAIT, () -> reachesConnect("es-admin-api-netpol") && reachesConnect("es2-admin-api-netpol"));
        cluster.edit(KafkaConnect.class, "conn", connect -> {
            connect.getMetadata().getLabels().put("eventstreams.ibm.com/cluster", "es2");
            return connect;
        });
        MockCluster.await("conn admits es2's admin API and no longer es's", WAIT,
                () -> connectAdmitsAdminApiOf("es2") && !connectAdmitsAdminApiOf("es"));
    }

    private boolean reachesConnect(String policy) {
        NetworkPolicy p = cluster.policies("ns").get(policy);
        return p != null && p.getSpec().getEgress().stream().anyMatch(r -> r.getPorts().stream()
                .anyMatch(x -> x.getPort() != null && x.getPort().getIntVal() == 8083));
    }

    private boolean connectAdmitsAdminApiOf(String instance) {
        NetworkPolicy p = cluster.policies("ns").get("conn-kafka-connect-netpol");
        return p != null && p.getSpec().getIngress().stream().anyMatch(r -> r.getPorts().stream()
                .anyMatch(x -> x.getPort() != null && x.getPort().getIntVal() == 8083) && r.getFrom().stream()
                .anyMatch(peer -> peer.getPodSelector() != null && Map.of("app.kubernetes.io/name", "admin-api", "app.kubernetes.io/instance", instance)
                        .equals(peer.getPodSelector().getMatchLabels())));
    }

    @Test
    void aResourceWithWrongTypesIsReportedAndTheOthersStillManaged() throws Exception {
        start();
        installed();
        // As applied while the webhook is down: a port that is not a number.
        applyUnchecked("broken", Map.of("name", "plain", "port", "nine-thousand", "type", "internal", "tls", false));
        MockCluster.await("the broken resource reported", WAIT, () -> {
            EventStreams b = cluster.client.resources(EventStreams.class).inNamespace("ns").withName("broken").get();
            return b != null && b.getStatus() != null && b.getStatus().getConditions().stream()
                    .anyMatch(c -> c.getReason().equals("InvalidSpec") && c.getMessage().contains("listeners[0].port"));
        });
        assertFalse(cluster.policies("ns").keySet().stream().anyMatch(n -> n.startsWith("broken-")));
        cluster.client.network().v1().networkPolicies().inNamespace("ns").withName("es-kafka-netpol").delete();
        MockCluster.await("the other instance still managed", WAIT, () -> cluster.policies("ns").containsKey("es-kafka-netpol"));
    }

    @Test
    void aPolicyDeletedOrEditedByHandComesBackAtOnce() throws Exception {
        start();
        installed();
        NetworkPolicy original = cluster.policies("ns").get("es-kafka-netpol");
        // "At once" is shown by what brings it back, not by a duration a loaded machine breaks: the operator's only
        // timer is the 30-minute resync, so a repair within WAIT came from the policy informer's event.
        assertTrue(OperatorSettings.defaults().resync().compareTo(WAIT.multipliedBy(10)) > 0, "a resync could pass for an event");
        cluster.client.network().v1().networkPolicies().inNamespace("ns").withName("es-kafka-netpol").delete();
        MockCluster.await("the deleted policy restored", WAIT, () -> cluster.policies("ns").containsKey("es-kafka-netpol"));
        assertEquals(original.getSpec(), cluster.policies("ns").get("es-kafka-netpol").getSpec());
        NetworkPolicy edited = new NetworkPolicyBuilder(cluster.policies("ns").get("es-kafka-netpol")).editSpec().withIngress(List.of()).endSpec().build();
        cluster.client.resource(edited).update();
        MockCluster.await("the edited policy restored", WAIT,
                () -> original.getSpec().equals(cluster.policies("ns").get("es-kafka-netpol").getSpec()));
        // The policy is in the API server a moment before the applier has counted the repair: await the count too.
        MockCluster.await("both repairs counted", WAIT, () -> metrics.scrape().contains("es_netpol_drift_repairs_total 2.0"));
    }

    @Test
    void aForeignPolicyWithOurNameIsLeftAloneAndReported() throws Exception {
        cluster = new MockCluster();
        NetworkPolicy foreign = new NetworkPolicyBuilder().withNewMetadata().withName("es-kafka-netpol").withNamespace("ns")
                .addToLabels("team", "platform").endMetadata()
                .withNewSpec().withNewPodSelector().addToMatchLabels("app", "x").endPodSelector().withPolicyTypes("Ingress").endSpec().build();
        cluster.client.resource(foreign).create();
        start();
        cluster.apply(INSTANCE);
        MockCluster.await("the conflict condition", WAIT, () -> condition().map(c -> c.getReason().equals("PolicyNameTaken")).orElse(false));
        Condition c = condition().orElseThrow();
        assertEquals("False", c.getStatus());
        assertTrue(c.getMessage().contains("a policy es-netpol does not own has the name: es-kafka-netpol"), c.getMessage());
        NetworkPolicy still = cluster.policies("ns").get("es-kafka-netpol");
        assertEquals(foreign.getSpec(), still.getSpec());
        assertEquals(Map.of("team", "platform"), still.getMetadata().getLabels());
        assertTrue(cluster.policies("ns").containsKey("es-zookeeper-netpol"), "the other policies are applied");
        MockCluster.await("a Warning event", WAIT, () -> cluster.client.v1().events().inNamespace("ns").list().getItems().stream()
                .anyMatch(e -> e.getReason().equals("PolicyNameTaken") && e.getInvolvedObject().getName().equals("es")));
    }

    @Test
    void anInvalidSpecKeepsThePoliciesLastApplied() throws Exception {
        start();
        installed();
        Map<String, NetworkPolicy> before = cluster.policies("ns");
        cluster.edit(EventStreams.class, "es", es -> {
            es.getSpec().getStrimziOverrides().getKafka().getListeners().all().get(0).setPort(70000);
            return es;
        });
        MockCluster.await("the InvalidSpec condition", WAIT, () -> condition().map(c -> c.getReason().equals("InvalidSpec")).orElse(false));
        assertTrue(condition().orElseThrow().getMessage().contains("spec.strimziOverrides.kafka.listeners[0].port: port 70000 is out of range"),
                condition().orElseThrow().getMessage());
        Thread.sleep(500);
        Map<String, NetworkPolicy> after = cluster.policies("ns");
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, p) -> assertEquals(p.getSpec(), after.get(name).getSpec(), name));
    }

    @Test
    void apiErrorsAreRetried() throws Exception {
        cluster = new MockCluster();
        cluster.dispatcher.fail("POST", "/apis/networking.k8s.io/v1/namespaces/ns/networkpolicies", 500, 429, 500);
        cluster.dispatcher.fail("PUT", "/apis/eventstreams.ibm.com/v1beta2/namespaces/ns/eventstreams/es/status", 409);
        start();
        installed();
        assertEquals(4, cluster.dispatcher.injected());
        // Three failures; the 409 is another writer's change, requeued without counting as one.
        MockCluster.await("the failures counted", WAIT,
                () -> metrics.scrape().contains("es_netpol_reconcile_failures_total{kind=\"EventStreams\"} 3.0"));
        MockCluster.await("the conflict counted", WAIT,
                () -> metrics.scrape().contains("es_netpol_reconciles_total{kind=\"EventStreams\",result=\"conflict\"} 1.0"));
    }

    @Test
    void exhaustedRetriesAreReportedInTheStatus() throws Exception {
        cluster = new MockCluster();
        int[] always = new int[1000];
        java.util.Arrays.fill(always, 503);
        cluster.dispatcher.fail("POST", "/apis/networking.k8s.io/v1/namespaces/ns/networkpolicies", always);
        start();
        cluster.apply(INSTANCE);
        MockCluster.await("the ApiError condition", WAIT, () -> condition().map(c -> c.getReason().equals("ApiError")).orElse(false));
        assertTrue(condition().orElseThrow().getMessage().contains("HTTP 503"), condition().orElseThrow().getMessage());
    }

    @Test
    void aSteadyStateResyncMakesNoWriteAndNoGet() throws Exception {
        start(OperatorSettings.defaults().withResync(Duration.ofMillis(300)));
        installed();
        Thread.sleep(500);
        cluster.drainRequests();
        double reconcilesBefore = reconciles();
        // Three resyncs awaited, not counted after a fixed sleep: a starved machine runs fewer in any given time.
        MockCluster.await("three resyncs", WAIT, () -> reconciles() - reconcilesBefore >= 3);
        List<RecordedRequest> requests = cluster.drainRequests();
        List<String> notWatches = requests.stream().filter(r -> !r.getPath().contains("watch=true"))
                .map(r -> r.getMethod() + " " + r.getPath()).toList();
        assertEquals(List.of(), notWatches, "a no-op resync touched the API server");
    }

    private double reconciles() {
        return metrics.registry().find("es_netpol_reconciles_total").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void metricsAreServed() throws Exception {
        start();
        installed();
        // The gauge reads the informer's cache, which sees the last policy a moment after the API server has it.
        MockCluster.await("the gauge at 4", WAIT, () -> metrics.scrape().contains("es_netpol_policies_managed 4.0"));
        try (HealthAndMetricsServer http = new HealthAndMetricsServer(0, metrics, operator::isAlive, operator::isReady)) {
            java.net.http.HttpClient c = java.net.http.HttpClient.newHttpClient();
            String body = c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + http.port() + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(body.contains("es_netpol_policies_managed 4.0"), body);
            assertTrue(body.contains("es_netpol_reconciles_total{kind=\"EventStreams\",result=\"applied\"}"), body);
            assertTrue(body.contains("es_netpol_reconcile_duration_seconds"), body);
            assertEquals(200, c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + http.port() + "/readyz")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, c.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + http.port() + "/healthz")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void switchingGenerationOffKeepsOrDeletes() throws Exception {
        start();
        installed();
        operator.close();
        int count = cluster.policies("ns").size();
        start(OperatorSettings.defaults().withGeneration(false, OperatorSettings.OnDisable.keep));
        assertEquals(count, cluster.policies("ns").size(), "keep");
        cluster.client.network().v1().networkPolicies().inNamespace("ns").withName("es-kafka-netpol").delete();
        Thread.sleep(1000);
        assertFalse(cluster.policies("ns").containsKey("es-kafka-netpol"), "with generation off nothing is maintained");
        operator.close();
        cluster.client.resource(new NetworkPolicyBuilder().withNewMetadata().withName("someone-elses").withNamespace("ns").endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().endSpec().build()).create();
        start(OperatorSettings.defaults().withGeneration(false, OperatorSettings.OnDisable.delete));
        assertEquals(Set.of("someone-elses"), cluster.policies("ns").keySet(), "delete removes es-netpol's, and only those");
        assertNotNull(instance());
    }

    /** A KRaft instance (IBM's 11.8 sample: a broker pool and a controller pool) gets exactly the policies render writes. */
    @Test
    void aKRaftInstanceGetsThePoliciesRenderWrites() throws Exception {
        start();
        String sample = java.nio.file.Files.readString(dev.esnetpol.testing.SharedFiles.resolve("samples/event-streams/03-es-11.8.0-kubernetes-minimal-prod-separate-pools.yaml"))
                .replace("  name: minimal-prod\n", "  name: minimal-prod\n  namespace: kraft\n");
        List<EventStreamsResource> created = cluster.apply(sample);
        Map<String, NetworkPolicy> expected = new java.util.TreeMap<>();
        new PolicyGenerator(GeneratorOptions.defaults()).generate(created, null).forEach(p -> expected.put(p.getMetadata().getName(), p));
        MockCluster.await("the KRaft policies", WAIT, () -> cluster.policies("kraft").keySet().equals(expected.keySet()));
        Map<String, NetworkPolicy> applied = cluster.policies("kraft");
        for (String name : expected.keySet()) {
            assertEquals(expected.get(name).getSpec(), applied.get(name).getSpec(), name);
            assertEquals(expected.get(name).getMetadata().getAnnotations(), applied.get(name).getMetadata().getAnnotations(), name);
        }
        assertEquals(List.of("minimal-prod-admin-api-netpol", "minimal-prod-admin-ui-netpol", "minimal-prod-controller-netpol",
                "minimal-prod-kafka-netpol", "minimal-prod-rest-producer-netpol", "minimal-prod-schema-registry-netpol"),
                List.copyOf(expected.keySet()));
    }

    /**
     * On a cluster that serves only v1 of the Event Streams group and has no EventStreamsGeoReplicator (13.0), the
     * operator's requests go to v1 and it reconciles a v1 instance as render does.
     */
    @Test
    void onA13ClusterTheOperatorUsesV1() throws Exception {
        ServedVersions.Rewrite rewrite = new ServedVersions.Rewrite();
        cluster = new MockCluster(rewrite);
        cluster.dispatcher.answer("/apis/eventstreams.ibm.com", """
                {"kind":"APIGroup","apiVersion":"v1","name":"eventstreams.ibm.com",
                 "versions":[{"groupVersion":"eventstreams.ibm.com/v1","version":"v1"}],
                 "preferredVersion":{"groupVersion":"eventstreams.ibm.com/v1","version":"v1"}}""");
        rewrite.enable(ServedVersions.discover(cluster.client).v1Only());
        assertTrue(rewrite.enabled());
        assertFalse(ServedVersions.discover(cluster.client).geoReplicators());
        start();
        String sample = java.nio.file.Files.readString(dev.esnetpol.testing.SharedFiles.resolve("samples/event-streams/06-es-13.0.0-kubernetes-light-insecure-v1-dualrole.yaml"))
                .replace("  name: light-insecure\n", "  name: light-insecure\n  namespace: thirteen\n");
        List<EventStreamsResource> created = cluster.apply(sample);
        Set<String> expected = expectedNames(created);
        MockCluster.await("the 13.0 policies", WAIT, () -> cluster.policies("thirteen").keySet().equals(expected));
        List<String> paths = cluster.drainRequests().stream().map(r -> r.getPath()).filter(p -> p.startsWith("/apis/eventstreams.ibm.com/")).toList();
        assertTrue(paths.stream().anyMatch(p -> p.startsWith("/apis/eventstreams.ibm.com/v1/")), paths.toString());
        assertFalse(paths.stream().anyMatch(p -> p.startsWith("/apis/eventstreams.ibm.com/v1beta")), paths.toString());
    }

    /** A misspelt key where es-netpol reads (applied while the webhook was down) is named in the status, with a suggestion. */
    @Test
    void aMisspeltKeyIsReportedInTheStatusAsRenderReportsIt() throws Exception {
        start();
        installed();
        applyUnchecked("typo", Map.of("name", "plain", "port", 9092, "type", "internal", "tls", false,
                "networkPolicyPeer", List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("app", "clients"))))));
        MockCluster.await("the misspelt key reported", WAIT, () -> {
            EventStreams t = cluster.client.resources(EventStreams.class).inNamespace("ns").withName("typo").get();
            return t != null && t.getStatus() != null && t.getStatus().getConditions().stream()
                    .anyMatch(c -> c.getReason().equals("InvalidSpec") && c.getMessage().contains(
                            "spec.strimziOverrides.kafka.listeners[0].networkPolicyPeer: unknown field 'networkPolicyPeer' (did you mean 'networkPolicyPeers'?)"));
        });
        assertFalse(cluster.policies("ns").keySet().stream().anyMatch(n -> n.startsWith("typo-")), "nothing opened to anywhere");
    }

    /** An EventStreams with one listener as given, applied as it would be while the webhook is down: unchecked. */
    private void applyUnchecked(String name, Map<String, Object> listener) {
        cluster.client.resource(new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                .withApiVersion("eventstreams.ibm.com/v1beta2").withKind("EventStreams")
                .withNewMetadata().withName(name).withNamespace("ns").endMetadata()
                .addToAdditionalProperties("spec", Map.of("strimziOverrides", Map.of("kafka", Map.of("listeners", List.of(listener)),
                        "zookeeper", Map.of())))
                .build()).create();
    }
}
