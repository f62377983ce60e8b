package dev.esnetpol.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

import java.util.List;
import java.util.Optional;

/**
 * {@link PolicyCache} on the reconciler's two policy informers: es-netpol's own policies and all the others.
 * The operator's writes go into the SDK's cache in front of the informer ({@code handleRecentResource*}),
 * which {@code get} reads first, until the informer has seen them.
 */
record InformerPolicyCache<P extends HasMetadata>(P owner, InformerEventSource<NetworkPolicy, P> ours,
                                                  InformerEventSource<NetworkPolicy, P> others) implements PolicyCache {

    /** The cache for one resource's reconcile, on its reconciler's two policy informers ({@link PolicyReconciler#POLICIES}, {@link PolicyReconciler#OTHER_POLICIES}). */
    static <P extends HasMetadata> InformerPolicyCache<P> of(P owner, Context<P> context) {
        return new InformerPolicyCache<>(owner, informer(context, PolicyReconciler.POLICIES), informer(context, PolicyReconciler.OTHER_POLICIES));
    }

    @SuppressWarnings("unchecked")
    private static <P extends HasMetadata> InformerEventSource<NetworkPolicy, P> informer(Context<P> context, String name) {
        return (InformerEventSource<NetworkPolicy, P>) context.eventSourceRetriever().getEventSourceFor(NetworkPolicy.class, name);
    }

    @Override
    public Optional<NetworkPolicy> named(String name) {
        ResourceID id = new ResourceID(name, owner.getMetadata().getNamespace());
        return ours.get(id).or(() -> others.get(id));
    }

    @Override
    public List<NetworkPolicy> owned() {
        return ByIndex.controlledBy(ours, owner.getMetadata().getUid()).stream().filter(p -> OwnedPolicies.ownedBy(p, owner)).toList();
    }

    @Override
    public void created(NetworkPolicy policy) {
        ours.handleRecentResourceCreate(ResourceID.fromResource(owner), policy);
    }

    @Override
    public void updated(NetworkPolicy policy, NetworkPolicy previous) {
        ours.handleRecentResourceUpdate(ResourceID.fromResource(owner), policy, previous);
    }
}
