package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything NetworkPolicy semantics depend on: namespaces (for their labels), pods and policies; and the
 * cluster-scoped policies an administrator layers above and below them ({@link ClusterPolicy}), with the Node
 * objects their {@code nodes} peers select. A pod's namespace that is not listed gets only the name label the
 * API server gives every namespace.
 */
public record Cluster(Map<String, Namespace> namespaces, List<Pod> pods, List<NetworkPolicy> policies,
                      List<ClusterPolicy> clusterPolicies, List<HostNode> nodes) {

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
        clusterPolicies = List.copyOf(clusterPolicies);
        nodes = List.copyOf(nodes);
    }

    /** Without cluster-scoped policies or Node objects. */
    public Cluster(Map<String, Namespace> namespaces, List<Pod> pods, List<NetworkPolicy> policies) {
        this(namespaces, pods, policies, List.of(), List.of());
    }

    public static Cluster of(List<Namespace> namespaces, List<Pod> pods, List<NetworkPolicy> policies) {
        return of(namespaces, pods, policies, List.of(), List.of());
    }

    public static Cluster of(List<Namespace> namespaces, List<Pod> pods, List<NetworkPolicy> policies,
                             List<ClusterPolicy> clusterPolicies, List<HostNode> nodes) {
        Map<String, Namespace> byName = new LinkedHashMap<>();
        namespaces.forEach(n -> byName.put(n.name(), n));
        return new Cluster(byName, pods, policies, clusterPolicies, nodes);
    }

    public Namespace namespace(String name) {
        return namespaces.getOrDefault(name, Namespace.named(name));
    }

    /** The same cluster with other NetworkPolicies (its cluster-scoped policies and nodes kept). */
    public Cluster withPolicies(List<NetworkPolicy> newPolicies) {
        return new Cluster(namespaces, pods, newPolicies, clusterPolicies, nodes);
    }

    /** The same cluster with other cluster-scoped policies. */
    public Cluster withClusterPolicies(List<ClusterPolicy> newClusterPolicies) {
        return new Cluster(namespaces, pods, policies, newClusterPolicies, nodes);
    }

    public Cluster plusPolicy(NetworkPolicy policy) {
        List<NetworkPolicy> all = new ArrayList<>(policies);
        all.add(policy);
        return withPolicies(all);
    }

    /** Both clusters' objects; a cluster-scoped policy or node of the same name is taken once, from this one. */
    public Cluster plus(Cluster other) {
        Map<String, Namespace> ns = new LinkedHashMap<>(namespaces);
        other.namespaces.forEach(ns::putIfAbsent);
        List<Pod> p = new ArrayList<>(pods);
        p.addAll(other.pods);
        List<NetworkPolicy> np = new ArrayList<>(policies);
        np.addAll(other.policies);
        Map<String, ClusterPolicy> cp = new LinkedHashMap<>();
        clusterPolicies.forEach(c -> cp.put(c.kind() + "/" + c.name(), c));
        other.clusterPolicies.forEach(c -> cp.putIfAbsent(c.kind() + "/" + c.name(), c));
        Map<String, HostNode> nodesByName = new LinkedHashMap<>();
        nodes.forEach(n -> nodesByName.put(n.name(), n));
        other.nodes.forEach(n -> nodesByName.putIfAbsent(n.name(), n));
        return new Cluster(ns, p, np, new ArrayList<>(cp.values()), new ArrayList<>(nodesByName.values()));
    }
}
