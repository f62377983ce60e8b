package dev.esnetpol.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads of informer caches through an index, never a scan of the whole cache (issue 26: the SDK's
 * {@code list(namespace)} filters every cached object, so a reconcile that lists its namespace, or its own policies,
 * cost time proportional to the cluster, and a cold start of N resources time proportional to N²).
 */
final class ByIndex {

    /** The index of policies by the uid of their controller (their controller owner reference), see {@link #controllers}. */
    static final String CONTROLLER = "es-netpol.controller-uid";

    private ByIndex() {
    }

    /** The cached objects in a namespace, from fabric8's namespace index (every informer has it). */
    static <T extends HasMetadata> Stream<T> inNamespace(IndexedResourceCache<T> cache, String namespace) {
        return cache.byIndex(Cache.NAMESPACE_INDEX, namespace).stream();
    }

    /** The cached policies whose controller has this uid ({@link #CONTROLLER}, added by {@link #controllers}). */
    static <T extends HasMetadata> List<T> controlledBy(IndexedResourceCache<T> cache, String uid) {
        return cache.byIndex(CONTROLLER, uid);
    }

    /**
     * Adds {@link #CONTROLLER} to an informer of policies, before it starts (the SDK gives its informers their indexers
     * then); returns it.
     */
    static <P extends HasMetadata> InformerEventSource<NetworkPolicy, P> controllers(InformerEventSource<NetworkPolicy, P> policies) {
        Function<NetworkPolicy, List<String>> uid = p -> {
            String controller = OwnedPolicies.controllerUid(p);
            return controller.isEmpty() ? List.of() : List.of(controller);
        };
        policies.addIndexers(Map.of(CONTROLLER, uid));
        return policies;
    }
}
