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
 */
final class FaultyCrudDispatcher extends KubernetesCrudDispatcher {

    private record Fault(String method, String pathPrefix, int status) {
    }

    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger injected = new java.util.concurrent.atomic.AtomicInteger();

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

    @Override
    public MockResponse dispatch(RecordedRequest request) {
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
        return super.dispatch(request);
    }
}
