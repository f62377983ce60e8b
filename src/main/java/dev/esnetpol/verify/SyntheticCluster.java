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
    private final Map<Node, List<End>> allReplicas = new HashMap<>();
    private final int runningPods;
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
        java.util.Set<Pod> claimed = new HashSet<>();
        for (Installation i : installations) {
            flows.put(i, generator.flows(i));
            Map<PodGroup, End> groups = new LinkedHashMap<>();
            InstallationPods.of(i, options.tables()).forEach((g, standIns) -> {
                // The group's real pods when it runs any (matched as its policy's selector matches them), else stand-ins.
                List<Pod> real = RunningPods.of(g, i.namespace(), context.pods()).stream().filter(p -> !claimed.contains(p)).toList();
                List<Pod> pods = real.isEmpty() ? standIns : real;
                claimed.addAll(real);
                List<End> ends = new ArrayList<>();
                for (int n = 0; n < pods.size(); n++) {
                    ends.add(new End(Node.of(pods.get(n)), new Role.Component(i.name(), g, n, real.isEmpty())));
                }
                groups.put(g, ends.get(0));
                allReplicas.put(ends.get(0).node(), ends);
                componentPods.add(ends.get(0));
                // The second pod of a group, when it runs one, is where its connections to its own kind are checked.
                if (ends.size() > 1) {
                    secondReplicas.put(ends.get(0).node(), ends.get(1));
                }
                replicas.addAll(ends.subList(1, ends.size()));
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
        this.runningPods = claimed.size();
        for (Pod p : context.pods()) {
            // A real pod of an installation is one of its group's ends already.
            if (!claimed.contains(p)) {
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

    /** Every pod that stands for one of the installation's groups (its replicas), the first first; none for an unknown group. */
    List<End> replicas(Installation i, PodGroup group) {
        End first = components(i).get(group);
        return first == null ? List.of() : allReplicas.get(first.node());
    }

    /** How many of the inputs' pods are the installations' own (0: every component is a stand-in). */
    int runningPods() {
        return runningPods;
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
