package dev.esnetpol.operator;

import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.KafkaConnect;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.esnetpol.operator.OperatorTest.INSTANCE;
import static dev.esnetpol.operator.OperatorTest.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator over a resource's whole life: created, changed, deleted, against an API server that answers a
 * stale status write with 409 as kube-apiserver does ({@link FaultyCrudDispatcher}).
 */
class OperatorLifecycleTest extends OperatorOnMockCluster {

    static final String CONNECT = """
            apiVersion: eventstreams.ibm.com/v1beta2
            kind: KafkaConnect
            metadata: {name: my-connect, namespace: ns, labels: {eventstreams.ibm.com/cluster: es}}
            spec: {bootstrapServers: "es-kafka-bootstrap:9092"}
            """;


    @Test
    void everyMetricIsPublishedAtStartAtZero() {
        String scrape = new OperatorMetrics().scrape();
        for (String series : List.of("es_netpol_policies_managed 0.0",
                "es_netpol_reconcile_failures_total{kind=\"EventStreams\"} 0.0",
                "es_netpol_reconcile_failures_total{kind=\"KafkaConnect\"} 0.0",
                "es_netpol_reconcile_failures_total{kind=\"KafkaMirrorMaker2\"} 0.0",
                "es_netpol_reconcile_failures_total{kind=\"EventStreamsGeoReplicator\"} 0.0",
                "es_netpol_reconciles_total{kind=\"EventStreams\",result=\"applied\"} 0.0",
                "es_netpol_reconciles_total{kind=\"KafkaConnect\",result=\"deleted\"} 0.0",
                "es_netpol_reconcile_duration_seconds_count{kind=\"EventStreams\"} 0",
                "es_netpol_policy_writes_total{verb=\"create\"} 0.0",
                "es_netpol_policy_writes_total{verb=\"update\"} 0.0",
                "es_netpol_policy_writes_total{verb=\"delete\"} 0.0",
                "es_netpol_drift_repairs_total 0.0",
                "es_netpol_foreign_policy_conflicts_total 0.0")) {
            assertTrue(scrape.contains(series + "\n"), series + " missing from:\n" + scrape);
        }
    }

    @Test
    void aDeletedResourceTakesItsPoliciesAndTheOperatorForgetsIt() throws Exception {
        start();
        cluster.apply(INSTANCE);
        cluster.apply(CONNECT);
        awaitReady();
        assertEquals(2, operator.rememberedResources());
        assertGaugeIsTheCache();

        KafkaConnect connect = get(KafkaConnect.class, "my-connect");
        cluster.client.resource(connect).delete();
        assertOwnedBy(connect, List.of("my-connect-kafka-connect-netpol"));
        assertEquals(List.of("my-connect-kafka-connect-netpol"), cluster.collectGarbage());
        // The instance's admin API keeps its egress to Kafka Connect pods (the egress row's pod label, whichever exist):
        // it never depended on this Kafka Connect, whose own policy went with it.
        MockCluster.await("the connect forgotten", WAIT, () -> operator.rememberedResources() == 1 && reachesConnect());
        assertGaugeIsTheCache();

        EventStreams es = get(EventStreams.class, "es");
        List<String> itsPolicies = cluster.policies("ns").keySet().stream().sorted().toList();
        cluster.client.resource(es).delete();
        // The mock has no garbage collector: every policy left must name the instance as its controlling owner.
        assertOwnedBy(es, itsPolicies);
        assertEquals(itsPolicies, cluster.collectGarbage().stream().sorted().toList());
        MockCluster.await("the instance forgotten and the gauge at 0", WAIT, () -> operator.rememberedResources() == 0 && gauge() == 0);
        assertTrue(metrics.scrape().contains("es_netpol_reconciles_total{kind=\"EventStreams\",result=\"deleted\"} 1.0"), metrics.scrape());
        assertEquals(0.0, failures());
        assertEquals(List.of(), cluster.dispatcher.conflicts());
    }

    @Test
    void twentyCreateChangeDeleteCyclesMakeNoConflictAndNoFailure() throws Exception {
        start();
        for (int cycle = 0; cycle < 20; cycle++) {
            cluster.apply(INSTANCE);
            cluster.apply(CONNECT);
            awaitReady();
            assertGaugeIsTheCache();
            // A change: the admin UI goes, and with it its policy; the condition names the policies left.
            cluster.edit(EventStreams.class, "es", es -> {
                es.getSpec().setAdminUI(null);
                return es;
            });
            MockCluster.await("the admin UI's policy gone and reported", WAIT, () -> !cluster.policies("ns").containsKey("es-admin-ui-netpol")
                    && condition(get(EventStreams.class, "es")).map(c -> !c.getMessage().contains("es-admin-ui-netpol")).orElse(false));
            assertGaugeIsTheCache();
            cluster.client.resources(KafkaConnect.class).inNamespace("ns").withName("my-connect").delete();
            cluster.client.resources(EventStreams.class).inNamespace("ns").withName("es").delete();
            // The garbage collector runs continuously: a reconcile that was under way when the resources went
            // may still write a policy owned by one of them, which it then deletes too.
            MockCluster.await("every policy gone", WAIT, () -> cluster.collectGarbage() != null && cluster.policies("ns").isEmpty());
            MockCluster.await("both resources forgotten", WAIT, () -> operator.rememberedResources() == 0);
            MockCluster.await("the gauge at 0", WAIT, () -> gauge() == 0);
        }
        assertEquals(List.of(), cluster.dispatcher.conflicts(), "stale status writes");
        assertEquals(0.0, failures(), metrics.scrape());
    }

    @Test
    void aTakenNameIsSeenInTheCacheWithoutAWrite() throws Exception {
        cluster = new MockCluster();
        cluster.client.resource(new NetworkPolicyBuilder().withNewMetadata().withName("es-kafka-netpol").withNamespace("ns")
                .addToLabels("team", "platform").endMetadata()
                .withNewSpec().withNewPodSelector().addToMatchLabels("app", "x").endPodSelector().withPolicyTypes("Ingress").endSpec().build())
                .create();
        start();
        cluster.apply(INSTANCE);
        MockCluster.await("the conflict condition", WAIT,
                () -> condition(get(EventStreams.class, "es")).map(c -> c.getReason().equals("PolicyNameTaken")).orElse(false));
        // Reconcile again (a label on the instance): still no attempt on the taken name.
        cluster.edit(EventStreams.class, "es", es -> {
            es.getMetadata().setLabels(Map.of("touched", "yes"));
            return es;
        });
        Thread.sleep(500);
        List<RecordedRequest> requests = cluster.drainRequests();
        List<String> onTakenName = requests.stream()
                .filter(r -> r.getPath().contains("/networkpolicies") && !r.getPath().contains("watch=true"))
                .filter(r -> r.getPath().endsWith("/es-kafka-netpol") || r.getMethod().equals("POST")
                        && new String(r.getBody().getBytes(), java.nio.charset.StandardCharsets.UTF_8).contains("\"name\":\"es-kafka-netpol\""))
                .map(r -> r.getMethod() + " " + r.getPath()).toList();
        assertEquals(List.of(), onTakenName);
        // When the foreign policy goes, the instance takes the name at once.
        cluster.client.network().v1().networkPolicies().inNamespace("ns").withName("es-kafka-netpol").delete();
        MockCluster.await("es-netpol's policy in its place", WAIT, () -> Optional.ofNullable(cluster.policies("ns").get("es-kafka-netpol"))
                .map(OwnedPolicies::managedByUs).orElse(false));
        assertGaugeIsTheCache();
    }

    private void awaitReady() throws InterruptedException {
        MockCluster.await("both resources' policies applied and reported", WAIT, () -> {
            Map<String, NetworkPolicy> p = cluster.policies("ns");
            return p.containsKey("my-connect-kafka-connect-netpol") && reachesConnect()
                    && condition(get(EventStreams.class, "es")).map(c -> c.getStatus().equals("True") && c.getMessage().contains("es-admin-ui-netpol")).orElse(false)
                    && condition(get(KafkaConnect.class, "my-connect")).map(c -> c.getStatus().equals("True")).orElse(false);
        });
    }

    private boolean reachesConnect() {
        NetworkPolicy p = cluster.policies("ns").get("es-admin-api-netpol");
        return p != null && p.getSpec().getEgress().stream().anyMatch(r -> r.getPorts().stream()
                .anyMatch(x -> x.getPort() != null && x.getPort().getIntVal() == 8083));
    }

    private <T extends CustomResource<?, ?>> T get(Class<T> kind, String name) {
        return cluster.client.resources(kind).inNamespace("ns").withName(name).get();
    }

    private static Optional<Condition> condition(CustomResource<?, dev.esnetpol.model.ResourceStatus> r) {
        return r == null || r.getStatus() == null ? Optional.empty()
                : r.getStatus().getConditions().stream().filter(c -> c.getType().equals(PoliciesCondition.TYPE)).findFirst();
    }

    /** Each named policy is controlled by the resource, so the garbage collector deletes it with the resource. */
    private void assertOwnedBy(CustomResource<?, ?> owner, List<String> names) {
        for (String name : names) {
            NetworkPolicy p = cluster.policies("ns").get(name);
            List<OwnerReference> refs = p.getMetadata().getOwnerReferences();
            assertEquals(1, refs.size(), name);
            assertEquals(owner.getMetadata().getUid(), refs.get(0).getUid(), name);
            assertEquals(owner.getKind(), refs.get(0).getKind(), name);
            assertEquals(Boolean.TRUE, refs.get(0).getController(), name);
        }
    }

    /** The gauge counts the policies es-netpol manages, as the cluster (and so, once caught up, the cache) has them. */
    private void assertGaugeIsTheCache() throws InterruptedException {
        long inCluster = cluster.policies("ns").values().stream().filter(OwnedPolicies::managedByUs).count();
        MockCluster.await("the gauge at " + inCluster, WAIT, () -> gauge() == inCluster);
    }

    private double gauge() {
        return metrics.registry().get("es_netpol_policies_managed").gauge().value();
    }

    private double failures() {
        return metrics.registry().find("es_netpol_reconcile_failures_total").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
