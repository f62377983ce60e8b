package dev.esnetpol.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An informer's store that keeps of each object only what the operator reads (issue 26: memory that grows with
 * the work). Every object loses {@code metadata.managedFields} (server-side apply's bookkeeping, often larger than
 * the spec on a real API server; an update that does not send it leaves it as it is). Beyond that, per informer:
 * <ul>
 *   <li>{@link #primary}: the rest as read (the status is written back whole, other controllers' fields included);</li>
 *   <li>{@link #ownPolicy}: a policy es-netpol applied: the spec as a fingerprint;</li>
 *   <li>{@link #related}: a resource of another kind, read to compute policies: no status;</li>
 *   <li>{@link #foreignPolicy}: a policy without es-netpol's label, read only for its name and owners: no spec,
 *       no annotations.</li>
 * </ul>
 * The informer hands each object to the store as it has just been deserialized, so it is slimmed in place.
 */
final class SlimStore<T extends HasMetadata> implements ItemStore<T> {

    private final BasicItemStore<T> store = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
    private final UnaryOperator<T> slim;

    private SlimStore(UnaryOperator<T> slim) {
        this.slim = slim;
    }

    static <T extends HasMetadata> SlimStore<T> primary() {
        return new SlimStore<>(SlimStore::withoutManagedFields);
    }

    static <T extends HasMetadata> SlimStore<T> related() {
        return new SlimStore<>(r -> {
            withoutManagedFields(r);
            if (r instanceof io.fabric8.kubernetes.client.CustomResource<?, ?> cr) {
                cr.setStatus(null);
            }
            return r;
        });
    }

    /**
     * es-netpol's own policies: the spec is replaced by its fingerprint ({@link OwnedPolicies#SPEC_FINGERPRINT} in
     * the metadata's additional properties), which is all the applier compares it with; every write starts from the
     * desired policy, never from the cached spec. About half of what 10,000 policies held (issue 26).
     */
    static SlimStore<NetworkPolicy> ownPolicy() {
        return new SlimStore<>(p -> {
            withoutManagedFields(p);
            if (p.getSpec() != null) {
                p.getMetadata().getAdditionalProperties().put(OwnedPolicies.SPEC_FINGERPRINT, OwnedPolicies.specFingerprint(p.getSpec()));
                p.setSpec(null);
            }
            return p;
        });
    }

    static SlimStore<NetworkPolicy> foreignPolicy() {
        return new SlimStore<>(p -> {
            withoutManagedFields(p);
            p.setSpec(null);
            p.getMetadata().setAnnotations(null);
            return p;
        });
    }

    private static <T extends HasMetadata> T withoutManagedFields(T r) {
        if (r.getMetadata() != null) {
            r.getMetadata().setManagedFields(null);
        }
        return r;
    }

    @Override
    public String getKey(T obj) {
        return store.getKey(obj);
    }

    @Override
    public T put(String key, T obj) {
        return store.put(key, slim.apply(obj));
    }

    @Override
    public T remove(String key) {
        return store.remove(key);
    }

    @Override
    public Stream<String> keySet() {
        return store.keySet();
    }

    @Override
    public Stream<T> values() {
        return store.values();
    }

    @Override
    public int size() {
        return store.size();
    }

    @Override
    public T get(String key) {
        return store.get(key);
    }
}
