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

    /** Canned answers by exact path (API discovery, which the CRUD mock does not serve). */
    private final java.util.Map<String, String> canned = new java.util.concurrent.ConcurrentHashMap<>();

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
