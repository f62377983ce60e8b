package dev.esnetpol.operator;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The mock server's CRUD behaviour with injected failures: the next requests of a method on a path get the
 * given HTTP statuses (409, 429, 500, ...) instead of being served, as an API server under stress answers.
 * <p>
 * And kube-apiserver's optimistic concurrency on {@code /status}, which fabric8's mock lacks: a PUT whose
 * {@code metadata.resourceVersion} is not the stored one is answered 409 Conflict (and counted in
 * {@link #conflicts()}); one without a resourceVersion is refused 422, as for custom resources. Writes are
 * serialized, so that the check and the write see the same stored version.
 */
final class FaultyCrudDispatcher extends KubernetesCrudDispatcher {

    private record Fault(String method, String pathPrefix, int status) {
    }

    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger injected = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.List<String> conflicts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Object writes = new Object();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    FaultyCrudDispatcher(List<CustomResourceDefinitionContext> kinds) {
        super(kinds);
    }

    void fail(String method, String pathPrefix, int... statuses) {
        for (int s : statuses) {
            faults.add(new Fault(method, pathPrefix, s));
        }
    }

    int injected() {
        return injected.get();
    }

    /** The stale status writes answered 409, as "PUT path rv=sent (stored rv=...)". */
    java.util.List<String> conflicts() {
        return java.util.List.copyOf(conflicts);
    }

    /** Each plural's kind, for the discovery documents (declared before them: static fields initialize in order). */
    private static final java.util.Map<String, String> KINDS = java.util.Map.of("eventstreams", "EventStreams", "kafkaconnects", "KafkaConnect",
            "kafkamirrormaker2s", "KafkaMirrorMaker2", "eventstreamsgeoreplicators", "EventStreamsGeoReplicator");

    /** Canned answers by exact path (API discovery, which the CRUD mock does not serve). */
    private final java.util.Map<String, String> canned = new java.util.concurrent.ConcurrentHashMap<>(DISCOVERY);

    /**
     * API discovery as kube-apiserver answers it where the group's three versions are served (the CRDs issue 25 was
     * found with), v1 preferred (Kubernetes' version priority: GA before beta), EventStreamsGeoReplicator at v1beta1
     * only: the operator reads v1beta2 and names v1 in owner references.
     */
    static final java.util.Map<String, String> DISCOVERY = java.util.Map.of(
            "/apis/eventstreams.ibm.com", group("v1", "v1", "v1beta2", "v1beta1"),
            "/apis/eventstreams.ibm.com/v1", resources("v1", "eventstreams", "kafkaconnects", "kafkamirrormaker2s"),
            "/apis/eventstreams.ibm.com/v1beta2", resources("v1beta2", "eventstreams", "kafkaconnects", "kafkamirrormaker2s"),
            "/apis/eventstreams.ibm.com/v1beta1", resources("v1beta1", "eventstreams", "kafkaconnects", "kafkamirrormaker2s",
                    "eventstreamsgeoreplicators"));

    /** An APIGroup discovery document: the preferred version, then every version served. */
    static String group(String preferred, String... versions) {
        return "{\"kind\":\"APIGroup\",\"apiVersion\":\"v1\",\"name\":\"eventstreams.ibm.com\",\"versions\":["
                + java.util.Arrays.stream(versions).map(v -> "{\"groupVersion\":\"eventstreams.ibm.com/" + v + "\",\"version\":\"" + v + "\"}")
                .collect(java.util.stream.Collectors.joining(","))
                + "],\"preferredVersion\":{\"groupVersion\":\"eventstreams.ibm.com/" + preferred + "\",\"version\":\"" + preferred + "\"}}";
    }

    /** An APIResourceList discovery document of a version: the plural names served. */
    static String resources(String version, String... plurals) {
        return "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"eventstreams.ibm.com/" + version + "\",\"resources\":["
                + java.util.Arrays.stream(plurals).map(p -> "{\"name\":\"" + p + "\",\"singularName\":\"\",\"namespaced\":true,\"kind\":\"" + KINDS.get(p)
                        + "\",\"verbs\":[\"create\",\"get\",\"list\",\"watch\",\"update\",\"delete\"]}")
                .collect(java.util.stream.Collectors.joining(",")) + "]}";
    }

    /**
     * Namespaces being deleted: kube-apiserver's NamespaceLifecycle admission refuses every create in them with 403
     * Forbidden, cause NamespaceTerminating; updates and deletes still pass (the namespace controller deletes the
     * content, the garbage collector the dependents).
     */
    private final java.util.Set<String> terminating = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger refusedInTerminating = new java.util.concurrent.atomic.AtomicInteger();

    void terminate(String namespace) {
        terminating.add(namespace);
    }

    /** Creates refused because their namespace was being deleted. */
    int refusedInTerminatingNamespaces() {
        return refusedInTerminating.get();
    }

    /** Another writer's change, made just before the next request of a method on a path is served (it then finds it). */
    private record Interleaved(String method, String path, String writePath, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change) {
    }

    private final ConcurrentLinkedQueue<Interleaved> interleaved = new ConcurrentLinkedQueue<>();

    /**
     * Just before the next {@code method} request on {@code path} is served, another writer changes the object at
     * {@code path} (read, {@code change}d, PUT to {@code path + suffix}, e.g. "/status"): a real concurrent write with
     * a new resourceVersion, which the request then meets as kube-apiserver would (409 if it carries the old one). It
     * is written in the server's store directly: a request from inside the server's dispatch would wait for itself.
     */
    void beforeNext(String method, String path, String suffix, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change) {
        interleaved.add(new Interleaved(method, path, suffix, change));
    }

    private void writeAsAnotherWriter(Interleaved i) {
        try {
            MockResponse current = handleGet(i.path());
            com.fasterxml.jackson.databind.node.ObjectNode object = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(current.getBody().getBytes());
            i.change().accept(object);
            byte[] body = JSON.writeValueAsBytes(object);
            MockResponse written = super.dispatch(new RecordedRequest("HTTP/1.1", io.fabric8.mockwebserver.dsl.HttpMethod.PUT, i.path() + i.writePath(),
                    io.fabric8.mockwebserver.http.Headers.builder().add("Content-Type", "application/json").build(),
                    new io.fabric8.mockwebserver.http.Buffer(body)));
            if (written.code() / 100 != 2) {
                throw new IllegalStateException("the other writer's PUT was answered " + written.code());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void answer(String path, String json) {
        canned.put(path, json);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String cannedBody = canned.get(request.getPath());
        if (cannedBody != null) {
            return new MockResponse().setResponseCode(200).setBody(cannedBody);
        }
        if (request.getPath().startsWith("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")) {
            // The mock has no RBAC; leader election asks what it may do with Leases before it starts: everything.
            return new MockResponse().setResponseCode(201).setBody("{\"apiVersion\":\"authorization.k8s.io/v1\","
                    + "\"kind\":\"SelfSubjectRulesReview\",\"metadata\":{},\"spec\":{\"namespace\":\"default\"},"
                    + "\"status\":{\"incomplete\":false,\"nonResourceRules\":[],"
                    + "\"resourceRules\":[{\"apiGroups\":[\"*\"],\"resources\":[\"*\"],\"verbs\":[\"*\"]}]}}");
        }
        for (Interleaved i : interleaved) {
            if (i.method().equals(request.getMethod()) && request.getPath().startsWith(i.path()) && interleaved.remove(i)) {
                synchronized (writes) {
                    writeAsAnotherWriter(i);
                }
            }
        }
        if (request.getMethod().equals("POST")) {
            String ns = namespaceOf(request.getPath());
            if (ns != null && terminating.contains(ns)) {
                refusedInTerminating.incrementAndGet();
                return new MockResponse().setResponseCode(403).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                        + "\"message\":\"unable to create new content in namespace " + ns + " because it is being terminated\","
                        + "\"reason\":\"Forbidden\",\"details\":{\"causes\":[{\"reason\":\"NamespaceTerminating\","
                        + "\"message\":\"namespace " + ns + " is being terminated\",\"field\":\"metadata.namespace\"}]},\"code\":403}");
            }
        }
        for (Fault f : faults) {
            if (f.method().equals(request.getMethod()) && request.getPath().startsWith(f.pathPrefix()) && faults.remove(f)) {
                injected.incrementAndGet();
                String reason = f.status() == 409 ? "Conflict" : f.status() == 429 ? "TooManyRequests" : "InternalError";
                return new MockResponse().setResponseCode(f.status()).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                        + "\"code\":" + f.status() + ",\"reason\":\"" + reason + "\",\"message\":\"injected by the test\"}");
            }
        }
        if (request.getMethod().equals("GET")) {
            return super.dispatch(request);
        }
        synchronized (writes) {
            if (request.getMethod().equals("PUT") && request.getPath().endsWith("/status")) {
                MockResponse stale = staleStatusWrite(request);
                if (stale != null) {
                    return stale;
                }
            }
            return super.dispatch(request);
        }
    }

    private static String namespaceOf(String path) {
        int at = path.indexOf("/namespaces/");
        if (at < 0) {
            return null;
        }
        String rest = path.substring(at + "/namespaces/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? null : rest.substring(0, slash);
    }

    private MockResponse staleStatusWrite(RecordedRequest request) {
        try {
            String sent = JSON.readTree(request.getBody().getBytes()).path("metadata").path("resourceVersion").asText("");
            if (sent.isEmpty()) {
                return status(422, "Invalid", "metadata.resourceVersion: Invalid value: 0x0: must be specified for an update");
            }
            String path = request.getPath().substring(0, request.getPath().length() - "/status".length());
            MockResponse current = handleGet(path);
            if (current.code() != 200) {
                return null; // not found: the mock answers as it does
            }
            String stored = JSON.readTree(current.getBody().getBytes()).path("metadata").path("resourceVersion").asText();
            if (stored.equals(sent)) {
                return null;
            }
            conflicts.add("PUT " + request.getPath() + " rv=" + sent + " (stored rv=" + stored + ")");
            return status(409, "Conflict", "Operation cannot be fulfilled: the object has been modified; "
                    + "please apply your changes to the latest version and try again");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static MockResponse status(int code, String reason, String message) {
        return new MockResponse().setResponseCode(code).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"code\":" + code + ",\"reason\":\"" + reason + "\",\"message\":\"" + message + "\"}");
    }
}
