package dev.esnetpol.cli;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.ClusterLoader;
import dev.esnetpol.analyze.Namespace;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.kube.ApiDiscovery;
import dev.esnetpol.review.LiveSnapshot;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code matrix --live} and {@code explain --live} read from the API server: exactly the kinds the
 * analysis uses — pods (core/v1), NetworkPolicies (networking.k8s.io/v1), and the labels of every namespace
 * ({@link LiveSnapshot#namespaces}, as review reads them) — of one namespace or of all. Pods are read as {@code kubectl get pods -o yaml}
 * prints them, so their owners, addresses and phases are the cluster's.
 *
 * <p>The cluster-scoped policy kinds of {@code policy.networking.k8s.io} (AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy v1alpha1, ClusterNetworkPolicy v1alpha2) are looked up by API discovery
 * ({@link ApiDiscovery}); those served are read with the Nodes, as review reads them
 * ({@link LiveSnapshot#cluster}), and a one-line note on stderr says which, or that none is.
 */
final class LiveCluster {

    static final String POLICY_GROUP = "policy.networking.k8s.io";
    /** Resource name and the version that first served it (network-policy-api). */
    private static final List<List<String>> CLUSTER_SCOPED = List.of(
            List.of("adminnetworkpolicies", "v1alpha1"), List.of("baselineadminnetworkpolicies", "v1alpha1"),
            List.of("clusternetworkpolicies", "v1alpha2"));

    private LiveCluster() {
    }

    /**
     * Reads the cluster.
     *
     * @param namespace the namespace, or null for all namespaces
     */
    static Cluster read(KubernetesClient client, String namespace, PrintWriter err) {
        List<Pod> pods = (namespace == null ? client.pods().inAnyNamespace() : client.pods().inNamespace(namespace))
                .list().getItems().stream().map(ClusterLoader::fromPod).toList();
        List<NetworkPolicy> policies = (namespace == null ? client.network().v1().networkPolicies().inAnyNamespace()
                : client.network().v1().networkPolicies().inNamespace(namespace)).list().getItems();
        List<Namespace> namespaces = LiveSnapshot.namespaces(client, namespace);
        Set<String> served = clusterScopedPolicies(client, err);
        err.flush();
        return LiveSnapshot.cluster(client, namespaces, pods, policies, plural -> served.stream().anyMatch(s -> s.endsWith(" " + plural)));
    }

    /** The cluster-scoped policy kinds the cluster serves (group/version plural), said on stderr, or that it serves none. */
    private static Set<String> clusterScopedPolicies(KubernetesClient client, PrintWriter err) {
        List<String> versions = ApiDiscovery.versions(client, POLICY_GROUP);
        Set<String> served = new TreeSet<>();
        if (versions != null) {
            for (String v : versions) {
                Set<String> resources = ApiDiscovery.resources(client, POLICY_GROUP, v);
                for (List<String> kind : CLUSTER_SCOPED) {
                    if (resources.contains(kind.get(0))) {
                        served.add(POLICY_GROUP + "/" + v + " " + kind.get(0));
                    }
                }
            }
        }
        if (versions == null) {
            err.println("note: could not ask the cluster whether it serves " + POLICY_GROUP + " (AdminNetworkPolicy, ClusterNetworkPolicy): only NetworkPolicies are read");
        } else if (served.isEmpty()) {
            err.println("note: the cluster serves no cluster-scoped policy kind (" + POLICY_GROUP + " AdminNetworkPolicy, BaselineAdminNetworkPolicy, "
                    + "ClusterNetworkPolicy): NetworkPolicies alone decide");
        } else {
            err.println("note: the cluster serves " + String.join(", ", served) + ": read with the NetworkPolicies");
        }
        return served;
    }
}
