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
 * reviewed one is known).
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
        return new Snapshot(namespace, resources, Cluster.of(namespaces(client, namespace), pods, policies),
                client.getMasterUrl() + " namespace " + namespace);
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
}
