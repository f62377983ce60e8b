package dev.esnetpol.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesResponseComposer;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * fabric8's CRUD mock API server (7.x) with the one thing a real kube-apiserver has and it lacks for a benchmark: a
 * store indexed by resource and namespace. fabric8's store is one map scanned in full by every request (a create looks
 * for a conflicting name, a status write for the object, a GET for its object, each by matching every stored
 * object's attributes), so its cost per request grows with everything stored: at 1,000 instances (11,000 objects,
 * 12,000 requests) the mock, not the operator, set the cold start. A real API server answers a GET, a create, an
 * update or a namespaced LIST in time independent of other namespaces' objects (etcd keys are
 * {@code /registry/<resource>/<namespace>/<name>}); so does this one.
 * <p>
 * What is stored and answered is fabric8's own: every write still goes through {@link KubernetesCrudDispatcher}'s
 * handlers (resourceVersion, generation, status subresource, watch events); the index only narrows which stored
 * objects are matched against a request, with fabric8's own {@link AttributeSet#matches}, in the store's order. A
 * request without a resource (discovery) and a DELETE (not part of a cold start) scan the store as fabric8 does.
 * <p>
 * fabric8 locks its store with a lock this class cannot reach, so reads answered from the index take this class's
 * read lock, and every other request its write lock (around fabric8's own).
 */
class IndexedCrudDispatcher extends KubernetesCrudDispatcher {

    /** "plural", "plural/namespace" and "plural/namespace/name" ("plural//name" cluster-scoped) → the keys of the stored objects there, in the store's (insertion) order. */
    private final Map<String, Set<AttributeSet>> index = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final KubernetesAttributesExtractor extractor;

    IndexedCrudDispatcher(List<CustomResourceDefinitionContext> crds) {
        super(crds);
        this.extractor = (KubernetesAttributesExtractor) getAttributeExtractor();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Lock held = request.getMethod().equalsIgnoreCase("GET") ? lock.readLock() : lock.writeLock();
        held.lock();
        try {
            return super.dispatch(request);
        } finally {
            held.unlock();
        }
    }

    /** A GET of one object, or a LIST, from the index; a watch as fabric8 opens it. */
    @Override
    public MockResponse handleGet(String path) {
        AttributeSet query = getKey(path);
        List<AttributeSet> candidates = candidates(query);
        if (candidates == null || path.contains("watch=true")) {
            return super.handleGet(path);
        }
        List<String> items = new ArrayList<>();
        for (AttributeSet key : candidates) {
            if (key.matches(query)) {
                items.add(map.get(key));
            }
        }
        if (query.containsKey(KubernetesAttributesExtractor.NAME)) {
            return items.isEmpty() ? new MockResponse().setResponseCode(HttpURLConnection.HTTP_NOT_FOUND)
                    : new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK).setBody(items.get(0));
        }
        // A list's resourceVersion is the store's latest; fabric8 keeps it private, so this takes the next one (still
        // newer than every stored object, which is all an informer asks of it).
        return new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK)
                .setBody(((KubernetesResponseComposer) getResponseComposer()).compose(items, String.valueOf(requestResourceVersion())));
    }

    /** What fabric8's POST, PUT and PATCH handlers look up (a name taken, the object to replace), from the index. */
    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
        List<AttributeSet> candidates = candidates(attributes);
        if (candidates == null) {
            return super.findResource(attributes);
        }
        for (AttributeSet key : candidates) {
            if (key.matches(attributes)) {
                return Map.entry(key, map.get(key));
            }
        }
        return null;
    }

    /** Every change of the store goes through here (fabric8's handlers call it under its write lock): the index follows. */
    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes, GenericKubernetesResource resource,
                             String newState) {
        if (oldAttributes != null) {
            buckets(oldAttributes).forEach(b -> {
                Set<AttributeSet> keys = index.get(b);
                if (keys != null) {
                    keys.remove(oldAttributes);
                }
            });
        }
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        if (newState != null) {
            // The key fabric8 has just stored the object under, computed as it computes it.
            AttributeSet added = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
            if (!added.containsKey(KubernetesAttributesExtractor.PLURAL)) {
                added = AttributeSet.merge(pathAttributes, added);
            }
            if (!map.containsKey(added)) {
                throw new IllegalStateException("the index lost track of fabric8's store: no object under " + added);
            }
            for (String b : buckets(added)) {
                index.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(added);
            }
        }
    }

    @Override
    public void reset() {
        lock.writeLock().lock();
        try {
            super.reset();
            index.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The stored keys a query can match (a superset: what the object's resource, namespace and name allow), or null when
     * it names no single resource: then the whole store.
     */
    private List<AttributeSet> candidates(AttributeSet query) {
        String plural = single(query, KubernetesAttributesExtractor.PLURAL);
        if (plural == null) {
            return null;
        }
        String namespace = single(query, KubernetesAttributesExtractor.NAMESPACE);
        String name = single(query, KubernetesAttributesExtractor.NAME);
        Set<AttributeSet> keys = index.get(name != null ? plural + "/" + (namespace == null ? "" : namespace) + "/" + name
                : namespace != null ? plural + "/" + namespace : plural);
        return keys == null ? List.of() : new ArrayList<>(keys);
    }

    /** The buckets a stored object is in: its resource's, its resource's in its namespace, and its name's. */
    private static List<String> buckets(AttributeSet stored) {
        String plural = single(stored, KubernetesAttributesExtractor.PLURAL);
        if (plural == null) {
            return List.of();
        }
        String namespace = single(stored, KubernetesAttributesExtractor.NAMESPACE);
        String name = single(stored, KubernetesAttributesExtractor.NAME);
        List<String> buckets = new ArrayList<>(List.of(plural));
        if (namespace != null) {
            buckets.add(plural + "/" + namespace);
        }
        if (name != null) {
            buckets.add(plural + "/" + (namespace == null ? "" : namespace) + "/" + name);
        }
        return buckets;
    }

    /** The attribute's value where it must equal exactly one value (a path segment), else null. */
    private static String single(AttributeSet set, String key) {
        Attribute a = set.getAttribute(key);
        return a != null && a.getType() == AttributeType.WITH && a.getValues().size() == 1 ? a.getValues().get(0).toString() : null;
    }
}
