package dev.esnetpol.verify;

import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.Namespace;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.Pod;
import dev.esnetpol.catalogue.Component;
import dev.esnetpol.catalogue.Labels;
import dev.esnetpol.generate.Endpoint;
import dev.esnetpol.generate.Flow;
import dev.esnetpol.generate.GeneratorOptions;
import dev.esnetpol.generate.PodGroup;
import dev.esnetpol.generate.PolicyGenerator;
import dev.esnetpol.model.Installation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one cluster a verification checks, built once however many installations it holds: for each
 * installation the pods of its pod groups ({@link InstallationPods}, from the generator's groups, so a new
 * group appears here by itself) and a second replica of each, the stand-ins of each namespace
 * ({@link StandIns}), stand-ins for each listener's networkPolicyPeers ({@link PeerStandIns}), and the pods
 * and namespaces of the real cluster around them (review's context). Every node has a {@link Role}, given
 * here and nowhere else. The flows of each installation are resolved once, here.
 *
 * <p>To add a kind of pod (a KRaft node pool, brokers of another namespace): give it a pod group in
 * {@code generate} and it is synthesized; a new kind of stand-in goes in {@link StandIns} with a new
 * {@link Role}, which every report must then learn to show (the compiler says where).
 */
final class SyntheticCluster {

    private final GeneratorOptions options;
    private final List<Installation> installations;
    private final Map<Installation, List<Flow>> flows = new LinkedHashMap<>();
    private final Map<Installation, Map<PodGroup, End>> components = new LinkedHashMap<>();
    private final Map<Node, End> secondReplicas = new HashMap<>();
    private final Set<Node> ours = new HashSet<>();
    private final Map<String, StandIns> standIns = new LinkedHashMap<>();
    private final Map<Installation, Map<String, List<End>>> givenPeers = new LinkedHashMap<>();
    private final List<End> realOperators = new ArrayList<>();
    private final List<End> everyone = new ArrayList<>();
    private final Map<Node, Integer> indexOf = new HashMap<>();
    private final Cluster cluster;

    SyntheticCluster(List<Installation> installations, GeneratorOptions options, Cluster context) {
        this.options = options;
        this.installations = installations;
        PolicyGenerator generator = new PolicyGenerator(options);
        // Real namespaces first: their labels are the truth the stand-ins must not override.
        Map<String, Namespace> namespaces = new LinkedHashMap<>(context.namespaces());
        List<End> componentPods = new ArrayList<>();
        List<End> replicas = new ArrayList<>();
        for (Installation i : installations) {
            flows.put(i, generator.flows(i));
            Map<PodGroup, End> groups = new LinkedHashMap<>();
            InstallationPods.of(i).forEach((g, p) -> {
                End first = new End(Node.of(p), new Role.Component(i.name(), g, 0));
                // A second replica of every group, so that a group's connections to its own kind (Kafka to Kafka on
                // 9091, ZooKeeper to ZooKeeper) are checked between two pods, as they happen.
                End second = new End(Node.of(PodNetwork.pod(p.namespace(), p.name().replaceFirst("-0$", "-1"), p.labels())),
                        new Role.Component(i.name(), g, 1));
                groups.put(g, first);
                secondReplicas.put(first.node(), second);
                componentPods.add(first);
                replicas.add(second);
            });
            components.put(i, groups);
            StandIns s = standIns.computeIfAbsent(i.namespace(), ns -> StandIns.of(ns, options.operatorNamespaceLabels()));
            s.namespaces().forEach(n -> namespaces.putIfAbsent(n.name(), n));
            Map<String, List<End>> peers = new LinkedHashMap<>();
            for (Flow f : flows.get(i)) {
                if (f.from() instanceof Endpoint.GivenPeers l && !peers.containsKey(l.name())) {
                    List<End> ends = new ArrayList<>();
                    for (PeerStandIns.StandIn w : PeerStandIns.of(l.peers(), i.namespace(), i.name() + "-" + l.name(),
                            n -> new Role.GivenPeer(i.name(), l.source(), l.name(), n))) {
                        w.namespace().ifPresent(n -> namespaces.putIfAbsent(n.name(), n));
                        ends.add(w.end());
                    }
                    peers.put(l.name(), ends);
                }
            }
            givenPeers.put(i, peers);
        }
        componentPods.forEach(this::add);
        replicas.forEach(this::add);
        componentPods.forEach(e -> ours.add(e.node()));
        replicas.forEach(e -> ours.add(e.node()));
        Map<List<String>, List<Pod>> synthesized = new HashMap<>();
        componentPods.forEach(e -> {
            Pod p = ((Node.PodNode) e.node()).pod();
            synthesized.computeIfAbsent(key(p), k -> new ArrayList<>()).add(p);
        });
        for (Pod p : context.pods()) {
            // A real pod of an installation is stood for by its synthesized pod (same labels), not counted twice.
            boolean installationPod = synthesized.getOrDefault(key(p), List.of()).stream()
                    .anyMatch(s -> p.labels().entrySet().containsAll(s.labels().entrySet()));
            if (!installationPod) {
                boolean operator = Component.CLUSTER_OPERATOR.appName().equals(p.labels().get(Labels.NAME));
                End e = new End(Node.of(p), operator ? new Role.ClusterOperator(false) : new Role.ClusterPod());
                if (operator) {
                    realOperators.add(e);
                }
                add(e);
            }
        }
        standIns.values().forEach(s -> s.pods().forEach(this::add));
        givenPeers.values().forEach(m -> m.values().forEach(l -> l.stream().filter(e -> e.node() instanceof Node.PodNode).forEach(this::add)));
        List<Pod> pods = everyone.stream().map(e -> ((Node.PodNode) e.node()).pod()).toList();
        // The administrator's cluster-scoped policies of the context apply to the synthetic pods as to real ones.
        this.cluster = Cluster.of(new ArrayList<>(namespaces.values()), pods, List.of(), context.clusterPolicies(), context.nodes());
        standIns.values().forEach(s -> add(s.outside()));
        givenPeers.values().forEach(m -> m.values().forEach(l -> l.stream().filter(e -> e.node() instanceof Node.ExternalNode).forEach(this::add)));
    }

    /** Where to look for a real pod's synthesized counterpart: its namespace and name label. */
    private static List<String> key(Pod p) {
        return java.util.Arrays.asList(p.namespace(), p.labels().get(Labels.NAME));
    }

    private void add(End e) {
        if (!indexOf.containsKey(e.node())) {
            indexOf.put(e.node(), everyone.size());
            everyone.add(e);
        }
    }

    GeneratorOptions options() {
        return options;
    }

    List<Installation> installations() {
        return installations;
    }

    /** The installation's flows, resolved once. */
    List<Flow> flows(Installation i) {
        return flows.get(i);
    }

    /** The first pod of each of the installation's groups. */
    Map<PodGroup, End> components(Installation i) {
        return components.get(i);
    }

    Optional<End> secondReplica(Node first) {
        return Optional.ofNullable(secondReplicas.get(first));
    }

    /** Whether a node is one of the installations' own pods (either replica). */
    boolean isOurs(Node node) {
        return ours.contains(node);
    }

    StandIns standIns(Installation i) {
        return standIns.get(i.namespace());
    }

    List<End> givenPeers(Installation i, String name) {
        return givenPeers.get(i).getOrDefault(name, List.of());
    }

    List<End> realOperators() {
        return realOperators;
    }

    /** Every node least privilege is checked against, pods first, each once (with the role it was first given). */
    List<End> everyone() {
        return everyone;
    }

    int indexOf(Node node) {
        Integer i = indexOf.get(node);
        return i == null ? -1 : i;
    }

    /** The pods and namespaces, without policies. */
    Cluster cluster() {
        return cluster;
    }
}
