package dev.esnetpol.verify;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.ClusterLoader;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.input.YamlDocument;
import dev.esnetpol.model.EventStreamsResource;
import dev.esnetpol.model.Installation;
import dev.esnetpol.model.Installations;
import dev.esnetpol.model.ResourceReader;

import java.util.ArrayList;
import java.util.List;

/**
 * A cluster from a mix of Kubernetes objects and Event Streams resources, so that everything can be
 * analysed before anything is installed: the pods an Event Streams installation will run are synthesized
 * with the labels of conventions.md, and (unless the inputs already hold the installed policies) its
 * policies are rendered. Other kinds are ignored, as kubectl-style manifests directories hold many.
 */
public final class ClusterInputs {

    /** The cluster and the Event Streams resources found among the inputs. */
    public record Loaded(Cluster cluster, List<EventStreamsResource> resources) {
    }

    private ClusterInputs() {
    }

    /** The Event Streams resources among documents of other kinds (those are left out), all checked. */
    public static List<EventStreamsResource> eventStreamsResources(List<YamlDocument> documents) {
        return ResourceReader.readAll(documents.stream().filter(ResourceReader::isEventStreamsKind).toList());
    }

    /** Reads {@code documents} (both kinds) and adds what the Event Streams resources among them will run. */
    public static Loaded load(List<YamlDocument> documents, GeneratorOptions options, boolean renderPolicies) {
        ClusterLoader.Loaded k8s = ClusterLoader.load(documents);
        return of(k8s.cluster(), eventStreamsResources(k8s.others()), options, renderPolicies);
    }

    /**
     * {@code cluster} (read from Kubernetes objects) plus the pods {@code resources} will run and, with
     * {@code renderPolicies}, the policies es-netpol renders for them. For callers that have read both
     * already (each document is read once).
     *
     * <p>A rendered policy replaces an input policy of the same namespace and name, as {@code kubectl apply}
     * would. A pod group the inputs already hold a pod of (one whose labels include the group's selector, in the
     * installation's namespace: a namespace as {@code kubectl get -o yaml} prints it) is not synthesized:
     * the running pods stand for it, and each pod is shown once.
     */
    public static Loaded of(Cluster cluster, List<EventStreamsResource> resources, GeneratorOptions options, boolean renderPolicies) {
        if (!resources.isEmpty()) {
            java.util.Map<String, List<Pod>> running = cluster.pods().stream().collect(java.util.stream.Collectors.groupingBy(Pod::namespace));
            List<Pod> pods = new ArrayList<>();
            java.util.Map<String, dev.esnetpol.analyze.Namespace> namespaces = new java.util.LinkedHashMap<>();
            // The scrapers --metrics-from names are someone's pods: one stand-in per peer, so that the matrix shows them
            // (named probe-metrics-scrapers-peer-N, in the namespace the peer's selector names).
            Cluster given = cluster;
            if (!options.metricsFrom().isEmpty()) {
                Installations.group(resources, null).stream().map(Installation::namespace).distinct().forEach(ns ->
                        PeerStandIns.of(options.metricsFrom(), ns, "metrics-scrapers", n -> new Role.GivenPeer("", 
                                dev.esnetpol.generate.Endpoint.GivenPeers.Source.METRICS_SCRAPERS, "metrics-scrapers", n)).forEach(w -> {
                            if (w.end().node() instanceof dev.esnetpol.analyze.Node.PodNode pn && pods.stream().noneMatch(p -> p.equals(pn.pod()))) {
                                pods.add(pn.pod());
                                w.namespace().filter(n -> !given.namespaces().containsKey(n.name())).ifPresent(n -> namespaces.putIfAbsent(n.name(), n));
                            }
                        }));
            }
            for (Installation i : Installations.group(resources, null)) {
                InstallationPods.of(i, options.tables()).forEach((group, replicas) -> {
                    boolean held = running.getOrDefault(i.namespace(), List.of()).stream()
                            .anyMatch(p -> RunningPods.selects(group, p));
                    if (!held) {
                        pods.addAll(replicas);
                    }
                });
            }
            List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy> rendered =
                    renderPolicies ? new PolicyGenerator(options).generate(resources, null) : List.of();
            // As kubectl apply would: a rendered policy replaces the input's policy of the same name (a namespace
            // snapshot holds the installed ones), rather than standing beside it and being counted twice.
            java.util.Set<String> renderedNames = new java.util.HashSet<>();
            rendered.forEach(np -> renderedNames.add(np.getMetadata().getNamespace() + "/" + np.getMetadata().getName()));
            cluster = cluster.withPolicies(cluster.policies().stream()
                    .filter(np -> !renderedNames.contains(np.getMetadata().getNamespace() + "/" + np.getMetadata().getName())).toList());
            cluster = cluster.plus(new Cluster(namespaces, pods, rendered));
        }
        return new Loaded(cluster, resources);
    }
}
