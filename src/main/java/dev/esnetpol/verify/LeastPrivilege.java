package dev.esnetpol.verify;

import dev.esnetpol.analyze.Analyzer;
import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Explanation;
import dev.esnetpol.analyze.Matrix;
import dev.esnetpol.analyze.Node;
import dev.esnetpol.analyze.PeerMatcher;
import dev.esnetpol.generate.Peers;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import dev.esnetpol.generate.Flow;
import dev.esnetpol.model.Installation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * (b) Least privilege: for each of the installations' pods, what its ingress side admits from every other
 * node, and what its egress side lets out to every other node, is no more than the documented flows between
 * them. What the policies allow comes from the analyzer a pod class at a time ({@link Analyzer#ingressFromEveryClass},
 * {@link Analyzer#egressToEveryClass}); what is documented comes from the flows whose endpoint covers the pod,
 * indexed once, so the cost is one pass over the other nodes per pod rather than a walk over every flow per pair.
 */
final class LeastPrivilege {

    /**
     * A documented flow seen from one of our pods: what it needs, the nodes at its other end, and the selectors the
     * generator writes for that end ({@link dev.esnetpol.generate.Peers}, in the installation's namespace), which say
     * whether a pod made for an exposed peer is one of them.
     */
    private record Side(Connections required, EndpointStands.Stand other, List<NetworkPolicyPeer> peers, String namespace) {
    }

    private final SyntheticCluster cluster;
    private final Analyzer analyzer;
    private final boolean egress;
    private final List<End> everyone;
    /** Per node of everyone: a stand-in checked only as the end of an exposed peer ({@link ExposedPeers}). */
    private final boolean[] onlyExposed;
    private final ExposedPeers exposed;
    private final int[] classOf;
    /** Scratch, per node: what the pod being checked documents with it besides what it documents with everyone. */
    private final Connections[] particular;
    /** Per our pod (index in everyone): documented flows into it, and out of it. */
    private final Map<Integer, List<Side>> into = new HashMap<>();
    private final Map<Integer, List<Side>> outOf = new HashMap<>();
    private final List<End> pods = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();

    /**
     * @param analyzer the synthetic cluster with the policies checked and the pods made for {@code exposed}
     *                 ({@link ExposedPeers#addTo})
     */
    LeastPrivilege(SyntheticCluster cluster, EndpointStands stands, Analyzer analyzer, ExposedPeers exposed) {
        this.cluster = cluster;
        this.analyzer = analyzer;
        this.exposed = exposed;
        this.egress = cluster.options().egress();
        this.everyone = cluster.everyone();
        this.classOf = new int[everyone.size()];
        this.onlyExposed = new boolean[everyone.size()];
        this.particular = new Connections[everyone.size()];
        java.util.Set<Node> anywhere = new java.util.HashSet<>();
        cluster.installations().forEach(i -> cluster.standIns(i).anywhere().forEach(e -> anywhere.add(e.node())));
        for (int n = 0; n < everyone.size(); n++) {
            classOf[n] = everyone.get(n).node() instanceof Node.PodNode p ? analyzer.classOf(p.pod()).id() : -1;
            onlyExposed[n] = anywhere.contains(everyone.get(n).node());
        }
        BitSet firstPods = new BitSet();
        for (Installation i : cluster.installations()) {
            for (End e : cluster.components(i).values()) {
                pods.add(e);
                firstPods.set(cluster.indexOf(e.node()));
            }
        }
        for (Installation i : cluster.installations()) {
            for (Flow f : cluster.flows(i)) {
                EndpointStands.Stand from = stands.of(i, f.from());
                EndpointStands.Stand to = stands.of(i, f.to());
                if (f.ingress()) {
                    index(into, to.covers(), firstPods, new Side(FlowPorts.required(f), from, Peers.of(f.from(), cluster.options()), i.namespace()));
                }
                if (f.egress()) {
                    index(outOf, from.covers(), firstPods, new Side(FlowPorts.required(f), to, Peers.of(f.to(), cluster.options()), i.namespace()));
                }
            }
        }
    }

    private static void index(Map<Integer, List<Side>> byPod, BitSet covered, BitSet ours, Side side) {
        BitSet both = (BitSet) covered.clone();
        both.and(ours);
        for (int p = both.nextSetBit(0); p >= 0; p = both.nextSetBit(p + 1)) {
            byPod.computeIfAbsent(p, k -> new ArrayList<>()).add(side);
        }
    }

    /**
     * @return the number of (pod, other node) pairs checked, counted on the ingress side (where egress policies are
     *         rendered, the same pairs are checked again outwards, and not counted twice)
     */
    int run(Progress progress) {
        int done = 0;
        int pairs = 0;
        for (End pod : pods) {
            int self = cluster.indexOf(pod.node());
            int c = classOf[self];
            Connections[] in = analyzer.ingressFromEveryClass(c);
            pairs += check(self, true, in, into.getOrDefault(self, List.of()));
            pairs += checkExposed(self, true, in, into.getOrDefault(self, List.of()));
            if (egress) {
                Connections[] out = analyzer.egressToEveryClass(c);
                check(self, false, out, outOf.getOrDefault(self, List.of()));
                checkExposed(self, false, out, outOf.getOrDefault(self, List.of()));
            }
            progress.update("least privilege, pods", ++done, pods.size());
        }
        return pairs;
    }

    /**
     * One pod, one direction, against the peers its exposure names ({@link ExposedPeers}): what the policies open to
     * the peer's end beyond what the documented flows whose selectors admit that end call for.
     *
     * @return the number of peers checked
     */
    private int checkExposed(int self, boolean ingress, Connections[] allowedByClass, List<Side> documented) {
        End pod = everyone.get(self);
        String workload = Matrix.workloadName(((Node.PodNode) pod.node()).pod());
        int checked = 0;
        // Outside ranges with the same excess are one finding, through the outside stand-in when it is one of them.
        Map<Connections, End> outside = new java.util.LinkedHashMap<>();
        for (ExposedPeers.Check c : exposed.checks()) {
            if (c.ingress() != ingress || !c.workloads().contains(workload)) {
                continue;
            }
            checked++;
            Connections allowed;
            if (c.peer().node() instanceof Node.PodNode p) {
                allowed = allowedByClass[analyzer.classOf(p.pod()).id()];
            } else {
                Node.ExternalNode a = (Node.ExternalNode) c.peer().node();
                allowed = ingress ? analyzer.ingressFromAddress(classOf[self], a) : analyzer.egressToAddress(classOf[self], a);
            }
            if (allowed == null) {
                continue;
            }
            int index = cluster.indexOf(c.peer().node());
            Connections wanted = Connections.NONE;
            for (Side s : documented) {
                boolean covers = s.other().all() || (index >= 0 ? s.other().covers().get(index)
                        : s.peers().stream().anyMatch(peer -> PeerMatcher.matches(peer, s.namespace(), c.peer().node(), analyzer.cluster())));
                if (covers) {
                    wanted = wanted.union(s.required());
                }
            }
            Connections extra = allowed.minus(wanted);
            if (extra.isEmpty()) {
                continue;
            }
            if (c.peer().node() instanceof Node.ExternalNode) {
                outside.merge(extra, c.peer(), (was, now) -> index >= 0 ? now : was);
            } else {
                findings.add(ingress ? excess(Finding.Where.INGRESS_OF_DESTINATION, c.peer(), pod, extra, true)
                        : excess(Finding.Where.EGRESS_OF_SOURCE, pod, c.peer(), extra, false));
            }
        }
        outside.forEach((extra, end) -> findings.add(ingress ? excess(Finding.Where.INGRESS_OF_DESTINATION, end, pod, extra, true)
                : excess(Finding.Where.EGRESS_OF_SOURCE, pod, end, extra, false)));
        return checked;
    }

    /**
     * One pod, one direction: {@code allowedByClass} is what its side allows with each class (null: nothing),
     * {@code documented} the flows of that direction that cover it. The loop over the other nodes is the only
     * part that grows with the cluster: it allocates nothing and computes a difference only when what is
     * allowed changes from the node before (nodes of a kind come together, and most share one value).
     */
    private int check(int self, boolean ingress, Connections[] allowedByClass, List<Side> documented) {
        // What every node may do (flows from or to anywhere), and what particular nodes may do besides.
        Connections base = Connections.NONE;
        List<Integer> touched = new ArrayList<>();
        for (Side s : documented) {
            if (s.other().all()) {
                base = base.union(s.required());
            } else {
                BitSet b = s.other().covers();
                for (int n = b.nextSetBit(0); n >= 0; n = b.nextSetBit(n + 1)) {
                    if (particular[n] == null) {
                        touched.add(n);
                        particular[n] = s.required();
                    } else {
                        particular[n] = particular[n].union(s.required());
                    }
                }
            }
        }
        int myClass = classOf[self];
        Connections lastAllowed = null;
        Connections lastExtra = null;
        int checked = 0;
        for (int n = 0; n < classOf.length; n++) {
            if (n == self || onlyExposed[n]) {
                continue;
            }
            checked++;
            Connections allowed;
            if (classOf[n] >= 0) {
                allowed = allowedByClass[classOf[n]];
            } else {
                Node.ExternalNode a = (Node.ExternalNode) everyone.get(n).node();
                allowed = ingress ? analyzer.ingressFromAddress(myClass, a) : analyzer.egressToAddress(myClass, a);
            }
            if (allowed == null) {
                continue;
            }
            Connections extra;
            if (particular[n] != null) {
                extra = allowed.minus(base.union(particular[n]));
            } else {
                if (allowed != lastAllowed) {
                    lastAllowed = allowed;
                    lastExtra = allowed.minus(base);
                }
                extra = lastExtra;
            }
            if (!extra.isEmpty()) {
                End other = everyone.get(n);
                findings.add(ingress ? excess(Finding.Where.INGRESS_OF_DESTINATION, other, everyone.get(self), extra, true)
                        : excess(Finding.Where.EGRESS_OF_SOURCE, everyone.get(self), other, extra, false));
            }
        }
        touched.forEach(n -> particular[n] = null);
        return checked;
    }

    private Finding excess(Finding.Where where, End from, End to, Connections extra, boolean ingress) {
        String protocol = FlowPorts.sampleProtocol(extra);
        Explanation e = analyzer.explain(from.node(), to.node(), protocol, FlowPorts.samplePort(extra, protocol));
        return Finding.excess(where, from, to, extra, ingress ? e.ingress() : e.egress());
    }
}
