package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything NetworkPolicy semantics depend on: namespaces (for their labels), pods and policies. A pod's
 * namespace that is not listed gets only the name label the API server gives every namespace.
 */
public record Cluster(Map<String, Namespace> namespaces, List<Pod> pods, List<NetworkPolicy> policies) {

    public Cluster {
        Map<String, Namespace> all = new LinkedHashMap<>(namespaces);
        for (Pod p : pods) {
            all.computeIfAbsent(p.namespace(), Namespace::named);
        }
        for (NetworkPolicy np : policies) {
            String ns = np.getMetadata().getNamespace();
            all.computeIfAbsent(ns == null ? "default" : ns, Namespace::named);
        }
        namespaces = java.util.Collections.unmodifiableMap(all);
        pods = List.copyOf(pods);
        policies = List.copyOf(policies);
    }

    public static Cluster of(List<Namespace> namespaces, List<Pod> pods, List<NetworkPolicy> policies) {
        Map<String, Namespace> byName = new LinkedHashMap<>();
        namespaces.forEach(n -> byName.put(n.name(), n));
        return new Cluster(byName, pods, policies);
    }

    public Namespace namespace(String name) {
        return namespaces.getOrDefault(name, Namespace.named(name));
    }

    public Cluster withPolicies(List<NetworkPolicy> newPolicies) {
        return new Cluster(namespaces, pods, newPolicies);
    }

    public Cluster plusPolicy(NetworkPolicy policy) {
        List<NetworkPolicy> all = new ArrayList<>(policies);
        all.add(policy);
        return withPolicies(all);
    }

    public Cluster plus(Cluster other) {
        Map<String, Namespace> ns = new LinkedHashMap<>(namespaces);
        other.namespaces.forEach(ns::putIfAbsent);
        List<Pod> p = new ArrayList<>(pods);
        p.addAll(other.pods);
        List<NetworkPolicy> np = new ArrayList<>(policies);
        np.addAll(other.policies);
        return new Cluster(ns, p, np);
    }
}
