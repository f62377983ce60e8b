package dev.esnetpol.verify;

import dev.esnetpol.analyze.Analyzer;
import dev.esnetpol.analyze.Cluster;
import dev.esnetpol.analyze.ExposureAnalysis;
import dev.esnetpol.analyze.ExposurePeer;
import dev.esnetpol.analyze.ExternalRanges;
import dev.esnetpol.analyze.Matrix;
import dev.esnetpol.analyze.Namespace;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.Pod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who else the policies open the installations' pods to, and let them reach, among pods that are none of the
 * inputs': the exposure analysis ({@link ExposureAnalysis}, {@code matrix --exposure}) of every workload of the
 * installations, one peer per selector a rule names (the entire cluster when no policy isolates the pod). Least
 * privilege checks each such peer ({@link LeastPrivilege}) through an end that stands for it: the stand-in pod of
 * another namespace or of the instance's namespace when the peer's selectors admit it (so that an open namespace is
 * reported as before, from the stand-in of {@link StandIns#ELSEWHERE_NAMESPACE}), else a pod made for the peer, with the
 * fewest labels its selectors require, in the namespace it names or one with the fewest labels its namespace
 * selector requires ({@link Role.ExposedPeer}, named as the exposure analysis names the peer).
 *
 * Outside addresses are the ranges of the exposure analysis (the matrix's ranges of each workload), each checked
 * through its first address ({@link Role.Outside} with the range), or through the outside stand-in
 * ({@link StandIns#outside()}, {@link StandIns#OUTSIDE_ADDRESS}) for the range that holds it.
 *
 * <p>This is the one mechanism for "a pod of another namespace, of any namespace, a new pod of the namespace, or an
 * address outside the cluster": the stand-ins of {@link StandIns#anywhere()} are checked as the ends of exposed peers,
 * and for themselves only where they get more than those peers grant them (an ipBlock that holds a stand-in's
 * address, an administrator's cluster-scoped policy).
 */
final class ExposedPeers {

    /**
     * One end to check, against the installations' workloads (as {@link Matrix#workloadName} names them) whose
     * exposure names it, in one direction ({@code ingress}: the peer connects to the workload).
     */
    record Check(End peer, boolean ingress, Set<String> workloads) {
    }

    private final List<Check> checks;
    private final List<Pod> witnesses;
    private final List<Namespace> namespaces;

    private ExposedPeers(List<Check> checks, List<Pod> witnesses, List<Namespace> namespaces) {
        this.checks = checks;
        this.witnesses = witnesses;
        this.namespaces = namespaces;
    }

    /**
     * The exposed peers of {@code ours} under {@code analyzer} (the synthetic cluster with the policies checked).
     *
     * @param ours the installations' workloads, as the matrix names them, each with one of its pods
     */
    static ExposedPeers of(SyntheticCluster cluster, Analyzer analyzer, Map<String, Pod> ours) {
        List<End> standIns = new ArrayList<>();
        cluster.installations().forEach(i -> {
            StandIns s = cluster.standIns(i);
            for (End e : List.of(s.otherNamespace(), s.sameNamespace())) {
                if (standIns.stream().noneMatch(x -> x.node().equals(e.node()))) {
                    standIns.add(e);
                }
            }
        });
        Map<List<Object>, Set<String>> byEnd = new LinkedHashMap<>();
        Map<String, End> made = new LinkedHashMap<>();
        Map<String, Namespace> namespaces = new LinkedHashMap<>();
        List<Pod> witnesses = new ArrayList<>();
        Map<List<Object>, End> ends = new LinkedHashMap<>();
        // What the exposed peers that admit each stand-in grant it, per workload and direction.
        Map<List<Object>, dev.esnetpol.analyze.Connections> granted = new java.util.HashMap<>();
        Matrix matrix = Matrix.of(analyzer);
        List<End> outsides = new ArrayList<>();
        cluster.installations().forEach(i -> {
            if (!outsides.contains(cluster.standIns(i).outside())) {
                outsides.add(cluster.standIns(i).outside());
            }
        });
        for (ExposureAnalysis.Fact f : ExposureAnalysis.of(analyzer, matrix, ours.keySet()).facts()) {
            if (!f.ingress() && !cluster.options().egress()) {
                continue; // egress is not checked without egress policies
            }
            if (f.selector() == null) {
                // A range of outside addresses: the outside stand-in when the range holds its address, else the range's first.
                ExternalRanges.Range r = matrix.range(f.peer());
                End e = outsides.stream().filter(o -> inRange((Node.ExternalNode) o.node(), r)).findFirst()
                        .orElseGet(() -> new End(new Node.ExternalNode(r.first(), r.ipv6()), new Role.Outside(r.text())));
                List<Object> key = List.of(e.node(), f.ingress());
                ends.putIfAbsent(key, e);
                byEnd.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(f.workload());
                continue;
            }
            ExposurePeer peer = f.selector();
            List<End> standing = standIns.stream().filter(e -> admits(peer, e, analyzer.cluster())).toList();
            standing.forEach(e -> granted.merge(List.of(e.node(), f.ingress(), f.workload()), f.connections(), dev.esnetpol.analyze.Connections::union));
            if (standing.isEmpty()) {
                End w = made.computeIfAbsent(peer.text(), t -> witness(peer, analyzer.cluster(), namespaces).orElse(null));
                if (w == null) {
                    continue; // selectors no labels satisfy: a rule that admits no pod
                }
                if (!witnesses.contains(((Node.PodNode) w.node()).pod())) {
                    witnesses.add(((Node.PodNode) w.node()).pod());
                }
                standing = List.of(w);
            }
            for (End e : standing) {
                List<Object> key = List.of(e.node(), f.ingress());
                ends.putIfAbsent(key, e);
                byEnd.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(f.workload());
            }
        }
        // A stand-in that gets more than the exposed peers admitting it grant is admitted otherwise: by an ipBlock that
        // holds its address (where the profile lets ipBlocks select pods), or by an administrator's cluster-scoped policy,
        // which the exposure analysis does not read. It is checked too, as one more end of "any pod".
        for (End e : standIns) {
            for (Map.Entry<String, Pod> w : ours.entrySet()) {
                for (boolean ingress : new boolean[]{true, false}) {
                    if (!ingress && !cluster.options().egress()) {
                        continue;
                    }
                    dev.esnetpol.analyze.Connections allowed = ingress ? analyzer.ingressSide(e.node(), w.getValue())
                            : analyzer.egressSide(w.getValue(), e.node());
                    dev.esnetpol.analyze.Connections exposedGrant = granted.getOrDefault(List.of(e.node(), ingress, w.getKey()),
                            dev.esnetpol.analyze.Connections.NONE);
                    if (!exposedGrant.containsAll(allowed)) {
                        List<Object> key = List.of(e.node(), ingress);
                        ends.putIfAbsent(key, e);
                        byEnd.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(w.getKey());
                    }
                }
            }
        }
        List<Check> checks = new ArrayList<>();
        byEnd.forEach((key, workloads) -> checks.add(new Check(ends.get(key), (Boolean) key.get(1), workloads)));
        return new ExposedPeers(checks, witnesses, new ArrayList<>(namespaces.values()));
    }

    private static boolean inRange(Node.ExternalNode a, ExternalRanges.Range r) {
        return a.ipv6() == r.ipv6() && a.address().compareTo(r.first()) >= 0 && a.address().compareTo(r.last()) <= 0;
    }

    /** Whether a peer's selectors admit a stand-in pod, its namespace's labels as {@code cluster} has them. */
    private static boolean admits(ExposurePeer peer, End standIn, Cluster cluster) {
        Pod p = ((Node.PodNode) standIn.node()).pod();
        boolean namespace = peer.namespace() != null ? peer.namespace().equals(p.namespace())
                : peer.namespaceSelector().matches(cluster.namespace(p.namespace()).labels());
        return namespace && peer.podSelector().matches(p.labels());
    }

    /**
     * A pod for the peer: the fewest labels its pod selector requires, in the namespace it names (its labels as the
     * cluster has them), or in a namespace of its own with the fewest labels its namespace selector requires, named as
     * the exposure analysis names the peer ({@code [namespace with {team=ops}]/[pod with {app=x}]}).
     */
    private static Optional<End> witness(ExposurePeer peer, Cluster cluster, Map<String, Namespace> namespaces) {
        Optional<Map<String, String>> labels = peer.podSelector().witness(StandIns.PROBE_LABEL_VALUE);
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        String ns = peer.namespace();
        if (ns == null) {
            Optional<Map<String, String>> nsLabels = peer.namespaceSelector().witness(StandIns.PROBE_LABEL_VALUE);
            if (nsLabels.isEmpty()) {
                return Optional.empty();
            }
            ns = peer.namespacesText();
            namespaces.putIfAbsent(ns, new Namespace(ns, nsLabels.get()));
        } else if (!cluster.namespaces().containsKey(ns)) {
            namespaces.putIfAbsent(ns, Namespace.named(ns));
        }
        return Optional.of(new End(Node.of(PodNetwork.pod(ns, peer.podsText(), labels.get())), new Role.ExposedPeer(peer.text())));
    }

    /** The ends to check, each with the workloads and direction it is checked for. */
    List<Check> checks() {
        return checks;
    }

    /** {@code cluster} with the pods made for peers (and their namespaces): analysed with them, they get a class. */
    Cluster addTo(Cluster cluster) {
        if (witnesses.isEmpty()) {
            return cluster;
        }
        Map<String, Namespace> ns = new LinkedHashMap<>();
        namespaces.forEach(n -> ns.put(n.name(), n));
        return cluster.plus(new Cluster(ns, witnesses, List.of()));
    }
}
