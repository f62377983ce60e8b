package dev.esnetpol.review;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.ClusterLoader;
import dev.esnetpol.analyze.Namespace;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.model.EventStreams;
import dev.esnetpol.model.EventStreamsGeoReplicator;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.KafkaConnect;
import dev.esnetpol.model.KafkaMirrorMaker2;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a namespace from the API server: the four Event Streams kinds, its pods and NetworkPolicies, and the
 * labels of every namespace (namespace selectors need them; without the right to list namespaces, only the
 * reviewed one is known); and the administrator's cluster-scoped policies (AdminNetworkPolicy,
 * BaselineAdminNetworkPolicy, ClusterNetworkPolicy) where the API serves their kinds, with the Nodes their
 * nodes peers select (a kind not served, or not readable, is left out: not an error).
 */
public final class LiveSnapshot {

    private LiveSnapshot() {
    }

    public static Snapshot read(KubernetesClient client, String namespace) {
        List<EventStreamsResource> resources = new ArrayList<>();
        resources.addAll(client.resources(EventStreams.class).inNamespace(namespace).list().getItems());
        resources.addAll(client.resources(KafkaConnect.class).inNamespace(namespace).list().getItems());
        resources.addAll(client.resources(KafkaMirrorMaker2.class).inNamespace(namespace).list().getItems());
        resources.addAll(client.resources(EventStreamsGeoReplicator.class).inNamespace(namespace).list().getItems());
        List<Pod> pods = client.pods().inNamespace(namespace).list().getItems().stream().map(ClusterLoader::fromPod).toList();
        List<NetworkPolicy> policies = client.network().v1().networkPolicies().inNamespace(namespace).list().getItems();
        List<Namespace> namespaces = new ArrayList<>();
        try {
            client.namespaces().list().getItems().forEach(n -> namespaces.add(new Namespace(n.getMetadata().getName(), n.getMetadata().getLabels())));
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
            var own = client.namespaces().withName(namespace).get();
            namespaces.add(own == null ? Namespace.named(namespace) : new Namespace(namespace, own.getMetadata().getLabels()));
        }
        List<dev.esnetpol.analyze.ClusterPolicy> clusterPolicies = new ArrayList<>();
        for (var kind : CLUSTER_POLICY_KINDS) {
            for (var item : listIfServed(client, kind)) {
                var node = (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.valueToTree(item);
                node.put("apiVersion", kind.getGroup() + "/" + kind.getVersion()).put("kind", kind.getKind());
                clusterPolicies.add(ClusterLoader.fromClusterPolicy(node, client.getMasterUrl() + " " + kind.getKind() + " " + item.getMetadata().getName()));
            }
        }
        List<dev.esnetpol.analyze.HostNode> nodes = new ArrayList<>();
        if (!clusterPolicies.isEmpty()) {
            try {
                client.nodes().list().getItems().forEach(n -> nodes.add(ClusterLoader.fromNode(n)));
            } catch (KubernetesClientException e) {
                if (e.getCode() != 403) {
                    throw e;
                }
            }
        }
        return new Snapshot(namespace, resources, Cluster.of(namespaces, pods, policies, clusterPolicies, nodes),
                client.getMasterUrl() + " namespace " + namespace);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The cluster-scoped policy kinds read (named in full: no discovery call for a kind that may not be served). */
    static final List<io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext> CLUSTER_POLICY_KINDS = List.of(
            kind("v1alpha1", "AdminNetworkPolicy", "adminnetworkpolicies"),
            kind("v1alpha1", "BaselineAdminNetworkPolicy", "baselineadminnetworkpolicies"),
            kind("v1alpha2", "ClusterNetworkPolicy", "clusternetworkpolicies"));

    private static io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext kind(String version, String kind, String plural) {
        return new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder().withGroup("policy.networking.k8s.io")
                .withVersion(version).withKind(kind).withPlural(plural).withNamespaced(false).build();
    }

    /** The objects of a cluster-scoped kind; none when the API does not serve it (404) or we may not list it (403). */
    private static List<io.fabric8.kubernetes.api.model.GenericKubernetesResource> listIfServed(
            KubernetesClient client, io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext kind) {
        try {
            return client.genericKubernetesResources(kind).list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404 || e.getCode() == 403) {
                return List.of();
            }
            throw e;
        }
    }
}
