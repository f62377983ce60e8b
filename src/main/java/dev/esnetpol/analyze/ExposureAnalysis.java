package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Exposure analysis: for each workload, what it is open to and what it may reach beyond the pods of the
 * input — pods that may appear later in a namespace, in namespaces with certain labels, anywhere in the
 * cluster ({@link ExposurePeer}), and ranges of outside addresses — with the selector that would match such
 * a pod. The question np-guard's netpol-analyzer answers with {@code list --exposure}; the facts are the
 * same on its test data (see {@code src/test/resources/exposure/README.md}).
 *
 * <p>Per workload and direction:
 * <ul>
 *   <li>not isolated (no policy of its namespace selects it for that direction): open to the entire cluster
 *       and to every address;</li>
 *   <li>isolated: one peer per distinct selector its rules name (a rule without {@code from}/{@code to}
 *       names the entire cluster), with the union of the connections of every rule whose peers certainly
 *       include that peer's pods ({@link ExposurePeer#covers}); a peer is left out when a broader peer of
 *       the same list already grants as much, or when it names one namespace and exactly the labels of a
 *       pod the input already has there (such a new pod is one more of that workload: the matrix shows
 *       what it gets);</li>
 *   <li>outside addresses: the matrix's ranges for the workload.</li>
 * </ul>
 * A named port in an egress rule opens nothing to a pod that does not exist (its ports are unknown).
 * Only {@code networking.k8s.io/v1} NetworkPolicy rules are read.
 */
public final class ExposureAnalysis {

    /**
     * One fact: {@code workload} accepts from ({@code ingress}) or may open to {@code peer} these connections.
     *
     * @param selector the selectors of a peer in the cluster, null for a range of outside addresses
     */
    public record Fact(String workload, boolean ingress, String peer, ExposurePeer selector, Connections connections,
                       String connectionsText) {
    }

    private final List<Fact> facts;

    /** @param of the workloads whose exposure is asked for */
    private ExposureAnalysis(Analyzer analyzer, Matrix matrix, java.util.function.Predicate<String> of) {
        Map<String, Pod> workloads = new TreeMap<>();
        for (Pod p : analyzer.endpoints()) {
            String name = Matrix.workloadName(p);
            if (of.test(name)) {
                workloads.putIfAbsent(name, p);
            }
        }
        Set<String> existing = new HashSet<>();
        for (Pod p : analyzer.endpoints()) {
            existing.add(p.namespace() + "\n" + new TreeMap<>(p.labels()));
        }
        Map<Integer, List<Map.Entry<ExposurePeer, Connections>>> ingressByClass = new HashMap<>();
        Map<Integer, List<Map.Entry<ExposurePeer, Connections>>> egressByClass = new HashMap<>();
        List<Fact> out = new ArrayList<>();
        for (Map.Entry<String, Pod> w : workloads.entrySet()) {
            PodClass c = analyzer.classOf(w.getValue());
            for (boolean ingress : new boolean[]{false, true}) {
                var byClass = ingress ? ingressByClass : egressByClass;
                var peers = byClass.computeIfAbsent(c.id, id -> side(analyzer, c, ingress, existing));
                for (var e : peers) {
                    out.add(new Fact(w.getKey(), ingress, e.getKey().text(), e.getKey(), e.getValue(), e.getValue().toString()));
                }
            }
        }
        matrix.forEach(e -> {
            if (e.fromExternal() && of.test(e.to())) {
                out.add(new Fact(e.to(), true, e.from(), null, e.connections(), e.connectionsText()));
            } else if (e.toExternal() && of.test(e.from())) {
                out.add(new Fact(e.from(), false, e.to(), null, e.connections(), e.connectionsText()));
            }
        });
        out.sort(Comparator.comparing((Fact f) -> f.ingress).thenComparing(Fact::workload).thenComparing(Fact::peer));
        this.facts = List.copyOf(out);
    }

    /** The exposure of every workload of the analyzer's cluster; {@code matrix} gives the outside ranges. */
    public static ExposureAnalysis of(Analyzer analyzer, Matrix matrix) {
        return new ExposureAnalysis(analyzer, matrix, w -> true);
    }

    /**
     * The exposure of these workloads only: what a caller that checks a few workloads of a larger cluster asks, at the
     * cost of those workloads' classes (and of {@code matrix}, which gives their outside ranges).
     *
     * @param workloads workload names as {@link Matrix#workloadName} gives them
     */
    public static ExposureAnalysis of(Analyzer analyzer, Matrix matrix, java.util.Set<String> workloads) {
        return new ExposureAnalysis(analyzer, matrix, workloads::contains);
    }

    /** Egress facts first, then ingress; each by workload, then peer. */
    public List<Fact> facts() {
        return facts;
    }

    private static List<Map.Entry<ExposurePeer, Connections>> side(Analyzer analyzer, PodClass c, boolean ingress, Set<String> existing) {
        boolean isolated = ingress ? analyzer.isolatedForIngress(c.id) : analyzer.isolatedForEgress(c.id);
        if (!isolated) {
            return List.of(Map.entry(ExposurePeer.ENTIRE_CLUSTER, Connections.ALL));
        }
        List<CompiledRule> rules = ingress ? analyzer.compiled.ingressRules.get(c.id) : analyzer.compiled.egressRules.get(c.id);
        Set<ExposurePeer> candidates = new LinkedHashSet<>();
        for (CompiledRule r : rules) {
            if (r.allPeers) {
                candidates.add(ExposurePeer.ENTIRE_CLUSTER);
            }
            candidates.addAll(selectorPeers(r));
        }
        Cluster cluster = analyzer.cluster();
        Map<ExposurePeer, Connections> granted = new java.util.LinkedHashMap<>();
        for (ExposurePeer a : candidates) {
            Connections conns = Connections.NONE;
            for (CompiledRule r : rules) {
                if (r.allPeers || selectorPeers(r).stream().anyMatch(q -> q.covers(a, cluster))) {
                    conns = conns.union(r.connectionsTo(ingress ? c.representative : null));
                }
            }
            conns = analyzer.profile().state(conns);
            if (!conns.isEmpty()) {
                granted.put(a, conns);
            }
        }
        List<Map.Entry<ExposurePeer, Connections>> out = new ArrayList<>();
        for (Map.Entry<ExposurePeer, Connections> a : granted.entrySet()) {
            if (!coveredByBroader(a, granted, cluster) && !anExistingWorkload(a.getKey(), existing)) {
                out.add(a);
            }
        }
        return out;
    }

    /** The rule's peers that select pods (ipBlocks are outside addresses: the matrix's ranges). */
    private static List<ExposurePeer> selectorPeers(CompiledRule r) {
        List<ExposurePeer> out = new ArrayList<>();
        for (NetworkPolicyPeer p : r.peers) {
            if (p.getIpBlock() == null && (p.getPodSelector() != null || p.getNamespaceSelector() != null)) {
                out.add(ExposurePeer.of(p, r.policy.namespace));
            }
        }
        return out;
    }

    private static boolean coveredByBroader(Map.Entry<ExposurePeer, Connections> a, Map<ExposurePeer, Connections> all, Cluster cluster) {
        for (Map.Entry<ExposurePeer, Connections> b : all.entrySet()) {
            if (!b.getKey().equals(a.getKey()) && b.getKey().covers(a.getKey(), cluster) && !a.getKey().covers(b.getKey(), cluster)
                    && b.getValue().containsAll(a.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean anExistingWorkload(ExposurePeer a, Set<String> existing) {
        Map<String, String> labels = a.podSelector().exactLabels();
        return a.namespace() != null && labels != null && existing.contains(a.namespace() + "\n" + new TreeMap<>(labels));
    }
}
