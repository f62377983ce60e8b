package dev.esnetpol.operator;

import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsGeoReplicator;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.KafkaConnect;
import dev.esnetpol.model.KafkaMirrorMaker2;
import dev.esnetpol.testing.Fixtures;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * fabric8's mock API server in CRUD mode (a real HTTP server with watches) with es-netpol's resource kinds,
 * a client for it, and what the tests ask of it: wait until, list policies, count requests.
 */
final class MockCluster implements AutoCloseable {

    /** CRUD mode: the server keeps what is written and serves lists and watches of it. */
    final FaultyCrudDispatcher dispatcher = new FaultyCrudDispatcher(List.of(
            CustomResourceDefinitionContext.fromCustomResourceType(EventStreams.class),
            CustomResourceDefinitionContext.fromCustomResourceType(KafkaConnect.class),
            CustomResourceDefinitionContext.fromCustomResourceType(KafkaMirrorMaker2.class),
            CustomResourceDefinitionContext.fromCustomResourceType(EventStreamsGeoReplicator.class)));
    final KubernetesMockServer server = new KubernetesMockServer(new io.fabric8.mockwebserver.Context(),
            new io.fabric8.mockwebserver.MockWebServer(), new java.util.HashMap<>(), dispatcher, true);
    final KubernetesClient client;
    /** The client's connect and request timeouts. */
    static final int LOADED_TIMEOUT_MILLIS = 60_000;

    MockCluster() {
        this(null);
    }

    /** @param interceptor installed in the client, as the operator's command installs it (null: none) */
    MockCluster(io.fabric8.kubernetes.client.http.Interceptor interceptor) {
        server.init();
        // No retries inside the client: the operator's own retry (JOSDK, with backoff) is what is under test. Timeouts
        // are failure detectors only, wide enough for a loaded 2-core machine: the default 10 s connect timeout was met
        // on loopback at a load average of 23 (issue 25).
        java.util.function.Consumer<io.fabric8.kubernetes.client.KubernetesClientBuilder> setup = b -> {
            b.withKubernetesSerialization(dev.esnetpol.model.ResourceReader.tolerantSerialization())
                    .editOrNewConfig().withRequestRetryBackoffLimit(0).withConnectionTimeout(LOADED_TIMEOUT_MILLIS)
                    .withRequestTimeout(LOADED_TIMEOUT_MILLIS).endConfig();
            if (interceptor != null) {
                b.withHttpClientBuilderConsumer(h -> h.addOrReplaceInterceptor("test", interceptor));
            }
        };
        client = server.createClient(setup);
    }

    /** Creates the resources of a YAML fixture (as kubectl apply would) and returns them as created. */
    List<EventStreamsResource> apply(String yaml) {
        List<EventStreamsResource> out = new ArrayList<>();
        for (EventStreamsResource r : Fixtures.fromYaml(yaml)) {
            out.add((EventStreamsResource) client.resource(r).createOr(existing -> existing.update()));
        }
        return out;
    }

    /**
     * Changes a resource as a user does (kubectl edit): read, change, write; on a 409 (the operator wrote its
     * status in between) read again and redo the change.
     */
    <T extends io.fabric8.kubernetes.client.CustomResource<?, ?>> void edit(Class<T> kind, String name, java.util.function.UnaryOperator<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.resources(kind).inNamespace("ns").withName(name).edit(change);
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** Creates and starts an operator on this cluster with default settings and the tests' quick retry. */
    EsNetpolOperator startOperator(OperatorMetrics metrics) {
        EsNetpolOperator operator = new EsNetpolOperator(client, OperatorSettings.defaults().withRetry(OperatorTest.FAST_RETRY), metrics);
        operators.add(operator);
        operator.start();
        return operator;
    }

    /** The operators {@link #startOperator} started: stopped by {@link #close}, before the server. */
    private final List<EsNetpolOperator> operators = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The tests' instance, EventStreams ns/es, as the API server has it now (null if none). */
    EventStreams instance() {
        return client.resources(EventStreams.class).inNamespace("ns").withName("es").get();
    }

    /** es-netpol's condition on the tests' instance, if written. */
    java.util.Optional<io.fabric8.kubernetes.api.model.Condition> policiesCondition() {
        EventStreams es = instance();
        return es == null || es.getStatus() == null ? java.util.Optional.empty()
                : es.getStatus().getConditions().stream().filter(c -> c.getType().equals(PoliciesCondition.TYPE)).findFirst();
    }

    Map<String, NetworkPolicy> policies(String namespace) {
        return client.network().v1().networkPolicies().inNamespace(namespace).list().getItems().stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p));
    }

    /**
     * What kube-controller-manager's garbage collector does, which the mock lacks: deletes every policy whose
     * owners are all gone (the operator adds no finalizer, so nothing else is involved). Returns the names deleted.
     */
    List<String> collectGarbage() {
        java.util.Set<String> alive = new java.util.HashSet<>();
        for (Class<? extends io.fabric8.kubernetes.client.CustomResource<?, ?>> kind : List.of(EventStreams.class, KafkaConnect.class,
                KafkaMirrorMaker2.class, EventStreamsGeoReplicator.class)) {
            client.resources(kind).inAnyNamespace().list().getItems().forEach(r -> alive.add(r.getMetadata().getUid()));
        }
        List<String> deleted = new ArrayList<>();
        for (NetworkPolicy p : client.network().v1().networkPolicies().inAnyNamespace().list().getItems()) {
            var owners = p.getMetadata().getOwnerReferences();
            if (owners != null && !owners.isEmpty() && owners.stream().noneMatch(o -> alive.contains(o.getUid()))) {
                client.resource(p).withGracePeriod(0).delete();
                deleted.add(p.getMetadata().getName());
            }
        }
        return deleted;
    }

    private volatile Thread collector;

    /**
     * Runs {@link #collectGarbage} every 100 ms from now on, as kube-controller-manager's garbage collector runs
     * continuously: a policy whose owners are all gone does not outlive them for long, whoever wrote it when.
     */
    void startGarbageCollector() {
        collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    collectGarbage();
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the server is going away at the end of a test
                }
            }
        }, "mock-garbage-collector");
        collector.setDaemon(true);
        collector.start();
    }

    /**
     * What kube-controller-manager's namespace controller does once a namespace is deleted: the API server refuses
     * creates in it from now on (403, NamespaceTerminating), and its content is deleted: the policies first, then
     * every resource of the four kinds.
     */
    void deleteNamespace(String namespace) {
        dispatcher.terminate(namespace);
        client.network().v1().networkPolicies().inNamespace(namespace).delete();
        for (Class<? extends io.fabric8.kubernetes.client.CustomResource<?, ?>> kind : List.of(EventStreams.class, KafkaConnect.class,
                KafkaMirrorMaker2.class, EventStreamsGeoReplicator.class)) {
            client.resources(kind).inNamespace(namespace).delete();
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
    }

    /** Every request received since the last call (the mock records them all). */
    List<RecordedRequest> drainRequests() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
            out.add(r);
        }
        return out;
    }

    @Override
    public void close() {
        operators.forEach(EsNetpolOperator::close);
        if (collector != null) {
            collector.interrupt();
        }
        client.close();
        server.destroy();
    }
}
