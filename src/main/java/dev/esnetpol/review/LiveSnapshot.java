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
 * reviewed one is known).
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
        return new Snapshot(namespace, resources, Cluster.of(namespaces, pods, policies), client.getMasterUrl() + " namespace " + namespace);
    }
}
