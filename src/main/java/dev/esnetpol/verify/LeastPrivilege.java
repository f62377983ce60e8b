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
import java.util.IdentityHashMap;
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
     * {@code documented} the flows of that direction that cover it.
     */
    private void check(int self, boolean ingress, Connections[] allowedByClass, List<Side> documented) {
        // What every node may do (flows from or to anywhere), and what particular nodes may do besides.
        Connections base = Connections.NONE;
        Map<Integer, Connections> particular = new HashMap<>();
        for (Side s : documented) {
            if (s.other().all()) {
                base = base.union(s.required());
            } else {
                BitSet b = s.other().covers();
                for (int n = b.nextSetBit(0); n >= 0; n = b.nextSetBit(n + 1)) {
                    particular.merge(n, s.required(), Connections::union);
                }
            }
        }
        Node.PodNode pod = (Node.PodNode) everyone.get(self).node();
        int myClass = classOf[self];
        // Most nodes share what is allowed and what is documented: compute each difference once.
        Map<Connections, Connections> beyondBase = new IdentityHashMap<>();
        for (int n = 0; n < everyone.size(); n++) {
            if (n == self) {
                continue;
            }
            End other = everyone.get(n);
            Connections allowed;
            if (classOf[n] >= 0) {
                allowed = allowedByClass[classOf[n]];
            } else {
                Node.ExternalNode a = (Node.ExternalNode) other.node();
                allowed = ingress ? analyzer.ingressFromAddress(myClass, a) : analyzer.egressToAddress(myClass, a);
            }
            if (allowed == null || allowed.isEmpty()) {
                continue;
            }
            Connections extra;
            Connections more = particular.get(n);
            if (more == null) {
                Connections b = base;
                extra = beyondBase.computeIfAbsent(allowed, a -> a.minus(b));
            } else {
                extra = allowed.minus(base.union(more));
            }
            if (!extra.isEmpty()) {
                findings.add(ingress ? excess(Finding.Where.INGRESS_OF_DESTINATION, other, everyone.get(self), extra, pod, true)
                        : excess(Finding.Where.EGRESS_OF_SOURCE, everyone.get(self), other, extra, pod, false));
            }
        }
    }

    private Finding excess(Finding.Where where, End from, End to, Connections extra, Node.PodNode ours, boolean ingress) {
        String protocol = FlowPorts.sampleProtocol(extra);
        Explanation e = analyzer.explain(from.node(), to.node(), protocol, FlowPorts.samplePort(extra, protocol));
        return Finding.excess(where, from, to, extra, ingress ? e.ingress() : e.egress());
    }
}
