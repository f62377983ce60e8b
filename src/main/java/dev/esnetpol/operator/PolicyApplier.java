package dev.esnetpol.operator;

import dev.esnetpol.model.ServedVersions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the installed policies of one resource what the generator says, writing only what differs: create
 * what is missing, update what changed (with the cached resourceVersion, so a concurrent edit is a 409
 * and a retry, never a lost write), delete what the resource no longer needs. A policy of the wanted name that
 * carries es-netpol's label and no controller (rendered and applied before the resource existed, or its owner
 * reference removed by hand) is adopted: the update that makes it the desired one adds the owner reference
 * ({@link OwnedPolicies#adoptable}). A policy of the same name that is someone else's is left alone and reported; it is seen in the cache (the reconciler passes the
 * policies holding a wanted name), so it costs no request. Reads come from the informer cache; the only GETs are
 * the one that tells a foreign policy from a cache that has not caught up, after a create said 409 (a race), and
 * one of the owner, before re-creating a policy deleted meanwhile, that tells whether the owner is being deleted
 * (its {@code deletionTimestamp} may not be in the cache yet; remembered per uid).
 */
final class PolicyApplier {

    private final KubernetesClient client;
    private final OperatorMetrics metrics;
    /**
     * Per owner uid, per policy name: a fingerprint of the policy last written or confirmed, to tell drift (a hand
     * edit) from a new desire. A fingerprint, not the policy: the desired state is not kept a second time (the
     * informer's cache has the policies; issue 26, 10,000 policies at 1,000 instances).
     */
    private final Map<String, Map<String, Integer>> lastApplied = new ConcurrentHashMap<>();

    /**
     * Uids of owners the API said were being deleted (or gone) while the informer's cache still had them alive: a
     * deletionTimestamp never goes away, so one GET per owner is enough. Forgotten with the owner.
     */
    private final java.util.Set<String> confirmedGoing = ConcurrentHashMap.newKeySet();

    /** What the cluster serves: owner references name the preferred version of the owner's kind. */
    private final ServedVersions served;

    /** @param served the cluster's discovery; null: owner references as the generator wrote them */
    PolicyApplier(KubernetesClient client, OperatorMetrics metrics, ServedVersions served) {
        this.client = client;
        this.metrics = metrics;
        this.served = served;
    }

    ApplyResult apply(HasMetadata owner, List<NetworkPolicy> desired, PolicyCache cache) {
        String ns = owner.getMetadata().getNamespace();
        String uid = owner.getMetadata().getUid();
        Map<String, Integer> previous = lastApplied.getOrDefault(uid, Map.of());
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        List<String> adopted = new ArrayList<>();
        int drift = 0;
        Map<String, Integer> now = new HashMap<>();
        for (NetworkPolicy generated : desired) {
            NetworkPolicy want = withPreferredOwnerVersion(generated, owner);
            String name = want.getMetadata().getName();
            NetworkPolicy have = cache.named(name).orElse(null);
            boolean wasApplied = previous.containsKey(name) && previous.get(name) == OwnedPolicies.fingerprint(want);
            if (have != null && !OwnedPolicies.ownedBy(have, owner)) {
                if (!OwnedPolicies.adoptable(have, owner)) {
                    foreign.add(name);
                    continue;
                }
                adopted.add(name);
            }
            if (have == null) {
                Optional<NetworkPolicy> existing = create(ns, want, cache);
                if (existing.isEmpty()) {
                    created.add(name);
                    drift += wasApplied ? 1 : 0;
                    now.put(name, OwnedPolicies.fingerprint(want));
                    continue;
                }
                have = existing.get();
                if (!OwnedPolicies.ownedBy(have, owner)) {
                    if (!OwnedPolicies.adoptable(have, owner)) {
                        foreign.add(name);
                        continue;
                    }
                    adopted.add(name);
                }
            }
            if (OwnedPolicies.same(want, have)) {
                unchanged.add(name);
            } else {
                update(ns, want, have, cache);
                updated.add(name);
                drift += wasApplied ? 1 : 0;
            }
            now.put(name, OwnedPolicies.fingerprint(want));
        }
        for (NetworkPolicy have : cache.owned()) {
            String name = have.getMetadata().getName();
            if (desired.stream().noneMatch(d -> d.getMetadata().getName().equals(name))) {
                client.network().v1().networkPolicies().inNamespace(ns).withName(name).delete();
                metrics.wrote("delete");
                deleted.add(name);
            }
        }
        lastApplied.put(uid, now);
        if (drift > 0) {
            metrics.driftRepaired(drift);
        }
        if (!foreign.isEmpty()) {
            metrics.conflict();
        }
        return new ApplyResult(created, updated, deleted, unchanged, foreign, adopted, drift);
    }

    /**
     * The policy with its owner reference naming the version the cluster prefers for the owner's kind. The policy is the
     * generator's, made for this reconcile and held by nothing else, so its references are set in place: a copy through
     * the builder copies the whole spec, a thirtieth of a cold start's CPU (issue 26).
     */
    private NetworkPolicy withPreferredOwnerVersion(NetworkPolicy p, HasMetadata owner) {
        if (served == null || p.getMetadata().getOwnerReferences() == null) {
            return p;
        }
        String plural = HasMetadata.getPlural(owner.getClass());
        p.getMetadata().getOwnerReferences().forEach(r -> r.setApiVersion(served.ownerApiVersion(plural, r.getApiVersion())));
        return p;
    }

    /**
     * Whether the owner is being deleted although the cache says it is alive, asked only where it matters: before
     * re-creating a policy this operator applied for it that has disappeared. A foreground deletion (or the garbage
     * collector) removes the policies first, and their deletion events can reach the operator before the owner's
     * informer holds its {@code metadata.deletionTimestamp} (JOSDK sends no event for that change alone); a create
     * then would re-create the policies of a resource being deleted. So the API is asked: one GET of the owner, gone
     * (404), re-created under another uid, or with a deletionTimestamp set means going. A first apply (a new
     * resource, a cold start) asks nothing: nothing of it has disappeared.
     *
     * @param desired the policies the owner wants, as {@link #apply} takes them
     */
    boolean ownerGoingMeanwhile(HasMetadata owner, List<NetworkPolicy> desired, PolicyCache cache) {
        String uid = owner.getMetadata().getUid();
        Map<String, Integer> previous = lastApplied.getOrDefault(uid, Map.of());
        boolean disappeared = desired.stream().map(p -> p.getMetadata().getName())
                .anyMatch(name -> previous.containsKey(name) && cache.named(name).isEmpty());
        if (!disappeared) {
            return false;
        }
        if (confirmedGoing.contains(uid)) {
            return true;
        }
        HasMetadata live = client.resource(owner).get();
        boolean going = live == null || !uid.equals(live.getMetadata().getUid()) || live.getMetadata().getDeletionTimestamp() != null;
        if (going) {
            confirmedGoing.add(uid);
        }
        return going;
    }

    /** Creates the policy; if one of that name exists already (409), returns it instead. */
    private Optional<NetworkPolicy> create(String ns, NetworkPolicy want, PolicyCache cache) {
        try {
            NetworkPolicy created = client.network().v1().networkPolicies().inNamespace(ns).resource(want).create();
            metrics.wrote("create");
            cache.created(created);
            return Optional.empty();
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
            NetworkPolicy existing = client.network().v1().networkPolicies().inNamespace(ns).withName(want.getMetadata().getName()).get();
            if (existing == null) {
                throw e; // deleted in between: the retry will create it
            }
            return Optional.of(existing);
        }
    }

    private void update(String ns, NetworkPolicy want, NetworkPolicy have, PolicyCache cache) {
        Map<String, String> labels = new HashMap<>(have.getMetadata().getLabels() == null ? Map.of() : have.getMetadata().getLabels());
        labels.putAll(want.getMetadata().getLabels());
        NetworkPolicy next = new NetworkPolicyBuilder(want)
                .editMetadata()
                    .withLabels(labels)
                    .withAnnotations(have.getMetadata().getAnnotations())
                    .withResourceVersion(have.getMetadata().getResourceVersion())
                .endMetadata()
                .build();
        NetworkPolicy updated = client.network().v1().networkPolicies().inNamespace(ns).resource(next).update();
        metrics.wrote("update");
        cache.updated(updated, have);
    }

    /** A deleted resource: its policies go by garbage collection, and what was remembered of them goes now. */
    void forget(String ownerUid) {
        lastApplied.remove(ownerUid);
        confirmedGoing.remove(ownerUid);
    }

    /** How many resources the applier remembers policies of (each one a live resource it applied). */
    int remembered() {
        return lastApplied.size();
    }
}
