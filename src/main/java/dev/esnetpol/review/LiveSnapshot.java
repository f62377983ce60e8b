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
import dev.esnetpol.model.ServedVersions;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
        return read(client, namespace, note -> { });
    }

    /**
     * The same, skipping the Event Streams kinds the cluster does not serve ({@link ServedVersions}: 13.0 serves
     * {@code v1} only and has no EventStreamsGeoReplicator), each told to {@code notes} in one line. The client
     * should follow the served version ({@link ServedVersions#client}).
     */
    public static Snapshot read(KubernetesClient client, String namespace, Consumer<String> notes) {
        ServedVersions served = ServedVersions.discoverQuietly(client);
        List<EventStreamsResource> resources = new ArrayList<>();
        resources.addAll(list(client, served, EventStreams.class, "eventstreams", namespace, notes));
        resources.addAll(list(client, served, KafkaConnect.class, "kafkaconnects", namespace, notes));
        resources.addAll(list(client, served, KafkaMirrorMaker2.class, "kafkamirrormaker2s", namespace, notes));
        resources.addAll(list(client, served, EventStreamsGeoReplicator.class, "eventstreamsgeoreplicators", namespace, notes));
        List<Pod> pods = client.pods().inNamespace(namespace).list().getItems().stream().map(ClusterLoader::fromPod).toList();
        List<NetworkPolicy> policies = client.network().v1().networkPolicies().inNamespace(namespace).list().getItems();
        return new Snapshot(namespace, resources, cluster(client, namespaces(client, namespace), pods, policies, plural -> true),
                client.getMasterUrl() + " namespace " + namespace);
    }

    /**
     * A cluster of these namespaces, pods and NetworkPolicies, with the cluster-scoped policies of the kinds whose
     * plural {@code read} accepts ({@link #CLUSTER_POLICY_KINDS}) and, when there are any, the Nodes.
     */
    public static Cluster cluster(KubernetesClient client, List<Namespace> namespaces, List<Pod> pods, List<NetworkPolicy> policies,
                                  java.util.function.Predicate<String> read) {
        List<dev.esnetpol.analyze.ClusterPolicy> clusterPolicies = new ArrayList<>();
        for (var kind : CLUSTER_POLICY_KINDS) {
            if (!read.test(kind.getPlural())) {
                continue;
            }
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
        return Cluster.of(namespaces, pods, policies, clusterPolicies, nodes);
    }

    /**
     * Every namespace with its labels (namespace selectors need them); without the right to list namespaces,
     * only {@code own}'s (none when null): the others are then known by their name label alone.
     */
    public static List<Namespace> namespaces(KubernetesClient client, String own) {
        List<Namespace> namespaces = new ArrayList<>();
        try {
            client.namespaces().list().getItems().forEach(n -> namespaces.add(new Namespace(n.getMetadata().getName(), n.getMetadata().getLabels())));
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403) {
                throw e;
            }
            if (own != null) {
                var ns = client.namespaces().withName(own).get();
                namespaces.add(ns == null ? Namespace.named(own) : new Namespace(own, ns.getMetadata().getLabels()));
            }
        }
        return namespaces;
    }

    /** One kind's resources in the namespace; none, with a note, where the cluster does not serve it (discovery, or a 404). */
    private static <T extends EventStreamsResource> List<T> list(KubernetesClient client, ServedVersions served, Class<T> kind, String plural,
                                                              String namespace, Consumer<String> notes) {
        String groupVersion = plural.equals("eventstreamsgeoreplicators") ? EventStreamsResource.GROUP + "/v1beta1" : served.groupVersion();
        if (!served.serves(plural)) {
            notes.accept("note: the cluster does not serve " + plural + " (" + groupVersion + "): none read");
            return List.of();
        }
        try {
            return client.resources(kind).inNamespace(namespace).list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
            notes.accept("note: the cluster does not serve " + plural + " (" + groupVersion + "): none read");
            return List.of();
        }
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
