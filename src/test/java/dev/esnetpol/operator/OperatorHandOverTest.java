package dev.esnetpol.operator;

import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.testing.Fixtures;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static dev.esnetpol.operator.OperatorTest.INSTANCE;
import static dev.esnetpol.operator.OperatorTest.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a real API server showed the mock lacked (issue 25): policies applied from {@code render} before the operator
 * (adopted), an owner reference removed by hand (taken back), a namespace being deleted (403, no fight), another
 * writer's concurrent change (409, a quiet requeue), a resource being deleted (left to the garbage collector), and
 * owner references at the version the cluster prefers (issue 26).
 */
class OperatorHandOverTest extends OperatorOnMockCluster {


    /** What {@code es-netpol render -f INSTANCE | kubectl apply -f -} creates: es-netpol's label, no owner (no uid in the file). */
    private Set<String> applyRendered() {
        List<EventStreamsResource> file = Fixtures.fromYaml(INSTANCE);
        Set<String> names = new TreeSet<>();
        for (NetworkPolicy p : new PolicyGenerator(GeneratorOptions.defaults()).generate(file, null)) {
            assertTrue(p.getMetadata().getOwnerReferences().isEmpty(), "render gives no owner without a uid");
            cluster.client.resource(p).create();
            names.add(p.getMetadata().getName());
        }
        return names;
    }

    private EventStreams instance() {
        return cluster.instance();
    }

    private Optional<Condition> condition() {
        return cluster.policiesCondition();
    }

    private boolean allOwnedBy(Set<String> names, String uid) {
        Map<String, NetworkPolicy> now = cluster.policies("ns");
        return names.stream().allMatch(n -> now.containsKey(n) && uid.equals(OwnedPolicies.controllerUid(now.get(n))));
    }

    private double failures() {
        return metrics.registry().find("es_netpol_reconcile_failures_total").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double reconciles(String result) {
        return metrics.registry().find("es_netpol_reconciles_total").tag("result", result).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void policiesRenderedBeforeTheResourceAreAdoptedAndKeptFromThenOn() throws Exception {
        cluster = new MockCluster();
        Set<String> rendered = applyRendered();
        start();
        String uid = cluster.apply(INSTANCE).get(0).getMetadata().getUid();
        MockCluster.await("every rendered policy adopted by the instance", WAIT, () -> allOwnedBy(rendered, uid));
        MockCluster.await("the Ready condition", WAIT, () -> condition().map(c -> c.getReason().equals("Applied")).orElse(false));
        assertEquals(rendered, cluster.policies("ns").keySet());
        assertEquals(0.0, metrics.registry().get("es_netpol_foreign_policy_conflicts_total").counter().count(), "nothing is someone else's");

        // Deleted as the PolicyNameTaken message used to advise: back at once, owned. (At once: by the policy's event;
        // the only timer is the 30-minute resync, so no duration is asserted, which load would break.)
        cluster.client.network().v1().networkPolicies().inNamespace("ns").withName("es-kafka-netpol").delete();
        MockCluster.await("the deleted adopted policy recreated", WAIT, () -> allOwnedBy(Set.of("es-kafka-netpol"), uid));

        // The owner reference removed by hand: taken back (and a hand edit of the spec with it repaired).
        NetworkPolicy zk = cluster.policies("ns").get("es-zookeeper-netpol");
        cluster.client.resource(new NetworkPolicyBuilder(zk).editMetadata().withOwnerReferences(List.<OwnerReference>of()).endMetadata()
                .editSpec().withIngress(List.of()).endSpec().build()).update();
        MockCluster.await("the owner reference restored", WAIT, () -> allOwnedBy(Set.of("es-zookeeper-netpol"), uid)
                && zk.getSpec().equals(cluster.policies("ns").get("es-zookeeper-netpol").getSpec()));
        assertEquals(0.0, failures());
    }

    @Test
    void aLabelledPolicyControlledBySomethingElseIsStillSomeoneElses() throws Exception {
        cluster = new MockCluster();
        NetworkPolicy other = new NetworkPolicyBuilder().withNewMetadata().withName("es-kafka-netpol").withNamespace("ns")
                .addToLabels("app.kubernetes.io/managed-by", "es-netpol")
                .addNewOwnerReference().withApiVersion("apps/v1").withKind("Deployment").withName("elsewhere")
                .withUid("4f6d6a52-0000-4000-8000-000000000001").withController(true).endOwnerReference().endMetadata()
                .withNewSpec().withNewPodSelector().addToMatchLabels("app", "x").endPodSelector().endSpec().build();
        cluster.client.resource(other).create();
        start();
        cluster.apply(INSTANCE);
        MockCluster.await("PolicyNameTaken", WAIT, () -> condition().map(c -> c.getReason().equals("PolicyNameTaken")).orElse(false));
        assertEquals(other.getSpec(), cluster.policies("ns").get("es-kafka-netpol").getSpec());
    }

    /** The cluster serves v1beta2 and v1, and prefers v1: owner references name v1, whatever version the resource was written in. */
    @Test
    void ownerReferencesNameTheVersionTheClusterPrefers() throws Exception {
        cluster = new MockCluster();
        // First a cluster that prefers v1beta2 (12.x's CRDs): references name it.
        cluster.dispatcher.answer("/apis/eventstreams.ibm.com", FaultyCrudDispatcher.group("v1beta2", "v1beta2", "v1beta1"));
        start();
        cluster.apply(INSTANCE);
        MockCluster.await("references at v1beta2", WAIT, () -> ownerVersions().equals(Set.of("eventstreams.ibm.com/v1beta2"))
                && cluster.policies("ns").size() == 4);
        operator.close();
        // The CRDs upgraded: v1 served and preferred. The operator's next start moves each reference once.
        cluster.dispatcher.answer("/apis/eventstreams.ibm.com", FaultyCrudDispatcher.group("v1", "v1", "v1beta2", "v1beta1"));
        cluster.drainRequests();
        start();
        MockCluster.await("references at v1", WAIT, () -> ownerVersions().equals(Set.of("eventstreams.ibm.com/v1")));
        MockCluster.await("the gauge at 4", WAIT, () -> metrics.registry().get("es_netpol_policies_managed").gauge().value() == 4);
        // A reconcile now (a label on the instance) writes nothing: the references are stable.
        cluster.edit(EventStreams.class, "es", es -> {
            es.getMetadata().setLabels(Map.of("touched", "yes"));
            return es;
        });
        MockCluster.await("the relabelled instance reconciled", WAIT, () -> reconciles("unchanged") >= 1);
        // (A create of the first operator may still be in the log: refused 409, it raced with its own earlier create.)
        List<String> policyWrites = cluster.drainRequests().stream().filter(r -> r.getPath().contains("/networkpolicies"))
                .filter(r -> r.getMethod().equals("PUT") || r.getMethod().equals("DELETE")).map(r -> r.getMethod() + " " + r.getPath()).toList();
        assertEquals(4, policyWrites.size(), "one update per policy, then none: " + policyWrites);
    }

    private Set<String> ownerVersions() {
        Set<String> out = new TreeSet<>();
        cluster.policies("ns").values().forEach(p -> p.getMetadata().getOwnerReferences().forEach(r -> out.add(r.getApiVersion())));
        return out;
    }

    @Test
    void aNamespaceBeingDeletedIsNotFoughtOver() throws Exception {
        try (LogCapture log = new LogCapture()) {
            start();
            cluster.startGarbageCollector();
            cluster.apply(INSTANCE);
            MockCluster.await("the policies", WAIT, () -> cluster.policies("ns").size() == 4);
            MockCluster.await("the Ready condition", WAIT, () -> condition().map(c -> c.getStatus().equals("True")).orElse(false));
            // The namespace controller deletes the policies while the instance still exists, then the instance.
            cluster.dispatcher.terminate("ns");
            cluster.client.network().v1().networkPolicies().inNamespace("ns").delete();
            MockCluster.await("a create refused in the terminating namespace", WAIT, () -> cluster.dispatcher.refusedInTerminatingNamespaces() >= 1);
            MockCluster.await("the refusal seen as a namespace going", WAIT, () -> reconciles("terminating") >= 1);
            cluster.deleteNamespace("ns");
            MockCluster.await("the instance forgotten", WAIT, () -> reconciles("deleted") >= 1 && operator.rememberedResources() == 0);
            assertEquals(0.0, failures(), metrics.scrape());
            List<String> going = log.operatorLines().stream().filter(l -> l.contains("namespace ns is being deleted")).toList();
            assertEquals(1, going.size(), String.join("\n", log.operatorLines()));
            assertTrue(going.get(0).contains(" INFO "), going.get(0));
            assertFalse(log.lines().stream().anyMatch(l -> l.startsWith("\tat ")), "a stack trace");
        }
    }

    @Test
    void aConflictWithAnotherWriterIsAQuietRequeue() throws Exception {
        try (LogCapture log = new LogCapture()) {
            cluster = new MockCluster();
            // Another controller writes the instance's status just before es-netpol's first status write: that one is a 409.
            cluster.dispatcher.beforeNext("PUT", "/apis/eventstreams.ibm.com/v1beta2/namespaces/ns/eventstreams/es", "/status",
                    es -> es.putObject("status").putArray("conditions").addObject().put("type", "Ready").put("status", "True")
                            .put("reason", "Running").put("message", "set by the Event Streams operator"));
            start();
            cluster.apply(INSTANCE);
            MockCluster.await("both conditions", WAIT, () -> condition().map(c -> c.getStatus().equals("True")).orElse(false)
                    && instance().getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("Ready")));
            // One 409 at least; more if the requeued reconcile ran before the informer delivered the other writer's version.
            int conflicts = cluster.dispatcher.conflicts().size();
            assertTrue(conflicts >= 1, "no 409 met");
            MockCluster.await("each conflict counted as such", WAIT, () -> reconciles("conflict") == conflicts);
            assertEquals(0.0, failures(), metrics.scrape());
            List<String> conflictLines = log.operatorLines().stream().filter(l -> l.contains("another writer")).toList();
            assertEquals(conflicts, conflictLines.size(), String.join("\n", log.operatorLines()));
            assertTrue(log.operatorLines().stream().allMatch(l -> l.length() < 400), "a log line prints a whole resource");
            assertFalse(log.lines().stream().anyMatch(l -> l.startsWith("\tat ")), "a stack trace");
        }
    }

    @Test
    void aResourceBeingDeletedIsLeftToTheGarbageCollector() throws Exception {
        start();
        cluster.apply(INSTANCE.replace("metadata: {name: es, namespace: ns}",
                "metadata: {name: es, namespace: ns, finalizers: [eventstreams.ibm.com/finalizer]}"));
        MockCluster.await("the policies", WAIT, () -> cluster.policies("ns").size() == 4);
        cluster.drainRequests();
        cluster.client.resources(EventStreams.class).inNamespace("ns").withName("es").delete();
        MockCluster.await("the instance marked for deletion", WAIT, () -> instance().getMetadata().getDeletionTimestamp() != null);
        // Foreground deletion: the garbage collector removes the dependents first, while the owner still exists.
        cluster.client.network().v1().networkPolicies().inNamespace("ns").delete();
        MockCluster.await("the deletion seen", WAIT, () -> reconciles("terminating") >= 1);
        List<RecordedRequest> after = cluster.drainRequests();
        Thread.sleep(500);
        after.addAll(cluster.drainRequests());
        assertEquals(List.of(), after.stream().filter(r -> r.getMethod().equals("POST") && r.getPath().contains("/networkpolicies"))
                .map(RecordedRequest::getPath).toList(), "policies re-created for a resource being deleted");
        assertEquals(Map.of(), cluster.policies("ns"));
        assertEquals(0.0, failures());
    }

    /**
     * The race a real cluster showed in {@link #aResourceBeingDeletedIsLeftToTheGarbageCollector}, made certain: the
     * API server has the instance marked for deletion, the operator's informer has not seen it (JOSDK drops an event
     * that only sets deletionTimestamp), and a policy's deletion arrives. The operator asks the API (one GET of the
     * owner, only on that path) and re-creates nothing; for a live owner the same GET precedes the re-create.
     */
    @Test
    void aPolicyDeletedBeforeTheCacheKnowsItsOwnerIsGoingIsNotRecreated() throws Exception {
        String owner = "/apis/eventstreams.ibm.com/v1beta2/namespaces/ns/eventstreams/es";
        try (LogCapture log = new LogCapture()) {
            start();
            cluster.apply(INSTANCE);
            // (The test reads the instance only after this: the operator shares the client, so the mock's log mixes both.)
            MockCluster.await("the policies applied", WAIT, () -> cluster.policies("ns").size() == 4 && reconciles("applied") >= 1);
            List<RecordedRequest> started = cluster.drainRequests();
            assertEquals(List.of(), requests(started, "GET", owner), "a GET of the owner in a normal start");
            // Every request the operator made is one the shipped ClusterRole grants (the mock checks none); the only
            // other writer is this test, whose create of the instance is left out.
            ClusterRoleRules role = ClusterRoleRules.shipped();
            assertEquals(List.of(), role.refused(started.stream()
                    .filter(r -> !(r.getMethod().equals("POST") && r.getPath().startsWith("/apis/eventstreams.ibm.com/"))).toList()));
            EventStreams alive = instance();
            cluster.drainRequests();

            // Alive: the deleted policy comes back, after one GET of its owner.
            deletePolicy("es-kafka-netpol");
            MockCluster.await("the deleted policy recreated", WAIT, () -> cluster.policies("ns").containsKey("es-kafka-netpol"));
            List<RecordedRequest> recreated = cluster.drainRequests();
            assertEquals(List.of(owner), requests(recreated, "GET", owner));
            assertEquals(List.of(), role.refused(recreated), "the owner's GET is granted (a 403 would leave the policy deleted)");
            assertEquals(1, requests(recreated, "POST", "/apis/networking.k8s.io/v1/namespaces/ns/networkpolicies").size());

            // Marked for deletion on the server only: the cache still holds the live instance.
            alive.getMetadata().setDeletionTimestamp("2026-12-07T00:00:00Z");
            cluster.dispatcher.answer(owner, io.fabric8.kubernetes.client.utils.Serialization.asJson(alive));
            double terminating = reconciles("terminating");
            deletePolicy("es-kafka-netpol");
            MockCluster.await("the reconcile of the deletion", WAIT, () -> reconciles("terminating") >= terminating + 1);
            deletePolicy(firstPolicyLeft());
            MockCluster.await("the reconcile of the second deletion", WAIT, () -> reconciles("terminating") >= terminating + 2);
            List<RecordedRequest> going = cluster.drainRequests();
            assertEquals(List.of(), requests(going, "POST", "/apis/networking.k8s.io"), "policies re-created for a resource being deleted");
            assertEquals(List.of(owner), requests(going, "GET", owner), "one GET: a deletionTimestamp never goes away");
            assertEquals(List.of(), role.refused(going));
            assertEquals(2, cluster.policies("ns").size(), "the rest left to the garbage collector");
            List<String> lines = log.operatorLines().stream().filter(l -> l.contains("being deleted")).toList();
            assertEquals(1, lines.size(), String.join("\n", log.operatorLines()));
            assertTrue(lines.get(0).contains(" INFO "), lines.get(0));
            assertEquals(0.0, failures());
        }
    }

    private void deletePolicy(String name) {
        cluster.client.network().v1().networkPolicies().inNamespace("ns").withName(name).delete();
    }

    private String firstPolicyLeft() {
        return new TreeSet<>(cluster.policies("ns").keySet()).first();
    }

    /** The paths of the requests of a method whose path starts with a prefix. */
    private static List<String> requests(List<RecordedRequest> requests, String method, String prefix) {
        return requests.stream().filter(r -> r.getMethod().equals(method) && r.getPath().startsWith(prefix)).map(RecordedRequest::getPath).toList();
    }

    /** One resource's whole life as the operator logs it: readable, one line per thing that happened. */
    @Test
    void theLogOfAWholeLifecycleIsOneLinePerEvent() throws Exception {
        try (LogCapture log = new LogCapture()) {
            start();
            cluster.startGarbageCollector();
            cluster.apply(INSTANCE);
            MockCluster.await("created", WAIT, () -> condition().map(c -> c.getStatus().equals("True")).orElse(false));
            cluster.edit(EventStreams.class, "es", es -> {
                es.getSpec().setAdminUI(null);
                return es;
            });
            MockCluster.await("edited", WAIT, () -> !cluster.policies("ns").containsKey("es-admin-ui-netpol")
                    && condition().map(c -> !c.getMessage().contains("es-admin-ui")).orElse(false));
            cluster.dispatcher.beforeNext("PUT", "/apis/networking.k8s.io/v1/namespaces/ns/networkpolicies/es-kafka-netpol", "",
                    p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p.path("metadata")).putObject("annotations").put("team", "platform"));
            // The hand edit is a PATCH (kubectl edit), so only the operator's repair (a PUT) meets the other writer.
            cluster.client.network().v1().networkPolicies().inNamespace("ns").withName("es-kafka-netpol")
                    .edit(p -> new NetworkPolicyBuilder(p).editSpec().withIngress(List.of()).endSpec().build());
            MockCluster.await("the hand edit repaired despite a concurrent writer", WAIT, () -> reconciles("conflict") >= 1
                    && !cluster.policies("ns").get("es-kafka-netpol").getSpec().getIngress().isEmpty());
            cluster.client.resources(EventStreams.class).inNamespace("ns").withName("es").delete();
            MockCluster.await("deleted", WAIT, () -> cluster.policies("ns").isEmpty() && operator.rememberedResources() == 0);
            System.out.println("--- the operator's log of one lifecycle ---\n" + String.join("\n", log.operatorLines()));
            assertTrue(log.operatorLines().size() <= 12, String.join("\n", log.operatorLines()));
            assertTrue(log.operatorLines().stream().allMatch(l -> l.length() < 400));
            assertEquals(0.0, failures());
        }
    }
}
