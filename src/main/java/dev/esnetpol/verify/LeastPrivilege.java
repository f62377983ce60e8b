package dev.esnetpol.verify;

import dev.esnetpol.analyze.Analyzer;
import dev.esnetpol.analyze.Connections;
import dev.esnetpol.analyze.Explanation;
import dev.esnetpol.analyze.Node;
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

    /** A documented flow seen from one of our pods: what it needs, and the nodes at its other end. */
    private record Side(Connections required, EndpointStands.Stand other) {
    }

    private final SyntheticCluster cluster;
    private final Analyzer analyzer;
    private final boolean egress;
    private final List<End> everyone;
    private final int[] classOf;
    /** Scratch, per node: what the pod being checked documents with it besides what it documents with everyone. */
    private final Connections[] particular;
    /** Per our pod (index in everyone): documented flows into it, and out of it. */
    private final Map<Integer, List<Side>> into = new HashMap<>();
    private final Map<Integer, List<Side>> outOf = new HashMap<>();
    private final List<End> pods = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();

    LeastPrivilege(SyntheticCluster cluster, EndpointStands stands, Analyzer analyzer) {
        this.cluster = cluster;
        this.analyzer = analyzer;
        this.egress = cluster.options().egress();
        this.everyone = cluster.everyone();
        this.classOf = new int[everyone.size()];
        this.particular = new Connections[everyone.size()];
        for (int n = 0; n < everyone.size(); n++) {
            classOf[n] = everyone.get(n).node() instanceof Node.PodNode p ? analyzer.classOf(p.pod()).id() : -1;
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
                    index(into, to.covers(), firstPods, new Side(FlowPorts.required(f), from));
                }
                if (f.egress()) {
                    index(outOf, from.covers(), firstPods, new Side(FlowPorts.required(f), to));
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

    /** @return the number of (pod, other node) pairs checked */
    int run(Progress progress) {
        int done = 0;
        for (End pod : pods) {
            int self = cluster.indexOf(pod.node());
            int c = classOf[self];
            check(self, true, analyzer.ingressFromEveryClass(c), into.getOrDefault(self, List.of()));
            if (egress) {
                check(self, false, analyzer.egressToEveryClass(c), outOf.getOrDefault(self, List.of()));
            }
            progress.update("least privilege, pods", ++done, pods.size());
        }
        return pods.size() * (everyone.size() - 1);
    }

    /**
     * One pod, one direction: {@code allowedByClass} is what its side allows with each class (null: nothing),
     * {@code documented} the flows of that direction that cover it. The loop over the other nodes is the only
     * part that grows with the cluster: it allocates nothing and computes a difference only when what is
     * allowed changes from the node before (nodes of a kind come together, and most share one value).
     */
    private void check(int self, boolean ingress, Connections[] allowedByClass, List<Side> documented) {
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
        Node.PodNode pod = (Node.PodNode) everyone.get(self).node();
        int myClass = classOf[self];
        Connections lastAllowed = null;
        Connections lastExtra = null;
        for (int n = 0; n < classOf.length; n++) {
            if (n == self) {
                continue;
            }
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
                findings.add(ingress ? excess(Finding.Where.INGRESS_OF_DESTINATION, other, everyone.get(self), extra, pod, true)
                        : excess(Finding.Where.EGRESS_OF_SOURCE, everyone.get(self), other, extra, pod, false));
            }
        }
        touched.forEach(n -> particular[n] = null);
    }

    private Finding excess(Finding.Where where, End from, End to, Connections extra, Node.PodNode ours, boolean ingress) {
        String protocol = FlowPorts.sampleProtocol(extra);
        Explanation e = analyzer.explain(from.node(), to.node(), protocol, FlowPorts.samplePort(extra, protocol));
        return Finding.excess(where, from, to, extra, ingress ? e.ingress() : e.egress());
    }
}
