package dev.esnetpol.bench;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.Namespace;
import dev.esnetpol.analyze.Pod;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic cluster written as the multi-document YAML a user would feed {@code es-netpol matrix}:
 * Namespaces, running Pods (status.podIP, phase Running, owned by their workload's ReplicaSet),
 * NetworkPolicies and the cluster-scoped policies ({@link ClusterPolicyYaml}; the {@code tiers} shape has 50).
 */
final class ClusterYaml {

    private ClusterYaml() {
    }

    static void write(Cluster cluster, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (Object o : objects(cluster)) {
                doc(w, o);
            }
        }
    }

    /**
     * The same objects as one {@code kind: List}, as {@code kubectl get namespaces,pods,networkpolicies -A -o yaml}
     * prints them: one YAML document whose {@code items} are the objects.
     */
    static void writeList(Cluster cluster, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(Serialization.asYaml(new io.fabric8.kubernetes.api.model.KubernetesListBuilder()
                    .withItems(objects(cluster).stream().map(o -> (io.fabric8.kubernetes.api.model.HasMetadata) o).toList()).build()));
        }
    }

    private static List<Object> objects(Cluster cluster) {
        List<Object> out = new ArrayList<>();
        for (Namespace ns : cluster.namespaces().values()) {
            out.add(new NamespaceBuilder().withNewMetadata().withName(ns.name()).withLabels(ns.labels()).endMetadata().build());
        }
        for (Pod p : cluster.pods()) {
            PodBuilder b = new PodBuilder().withNewMetadata().withName(p.name()).withNamespace(p.namespace()).withLabels(p.labels())
                    .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName(p.owner().name() + "-5d8f7c9b4")
                    .withUid("00000000-0000-0000-0000-000000000000").withController(true).endOwnerReference().endMetadata();
            var spec = b.withNewSpec().addNewContainer().withName("main").withImage("app");
            for (var port : p.ports()) {
                spec = spec.addNewPort().withName(port.name()).withContainerPort(port.port()).withProtocol(port.protocol()).endPort();
            }
            b = spec.endContainer().endSpec();
            if (!p.ips().isEmpty()) {
                b = b.withNewStatus().withPhase("Running").withPodIP(p.ips().get(0)).addNewPodIP().withIp(p.ips().get(0)).endPodIP().endStatus();
            }
            out.add(b.build());
        }
        out.addAll(cluster.policies());
        cluster.clusterPolicies().forEach(p -> out.add(ClusterPolicyYaml.of(p)));
        return out;
    }

    private static void doc(BufferedWriter w, Object o) throws IOException {
        String yaml = Serialization.asYaml(o);
        w.write(yaml.startsWith("---") ? yaml : "---\n" + yaml);
        if (!yaml.endsWith("\n")) {
            w.write('\n');
        }
    }
}
