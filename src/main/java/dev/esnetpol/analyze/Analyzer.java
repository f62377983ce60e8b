package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact semantics of {@code networking.k8s.io/v1} NetworkPolicy over one cluster snapshot: which
 * connections a source may open to a destination, and why.
 *
 * <p>A connection is allowed when the source's egress side and the destination's ingress side both allow
 * it. A side allows everything unless some policy of the pod's namespace selects the pod with that policy
 * type (the pod is then isolated in that direction); an isolated side allows the union of what the rules
 * of those policies admit from (to) the other end. Policies are compiled once: each rule knows the pod
 * classes its peers match, and each class knows the rules that apply to it, so a query is a few bit tests.
 */
public final class Analyzer {

    private final Cluster cluster;
    private final List<PodClass> classes = new ArrayList<>();
    private final Map<Pod.ClassKey, PodClass> classByKey = new HashMap<>();
    private final Map<String, List<PodClass>> classesByNamespace = new LinkedHashMap<>();
    private final List<CompiledPolicy> policies = new ArrayList<>();
    /** Per class: the policies that isolate it in each direction, and their rules. */
    private final List<List<CompiledPolicy>> ingressPolicies = new ArrayList<>();
    private final List<List<CompiledPolicy>> egressPolicies = new ArrayList<>();
    private final List<List<CompiledRule>> ingressRules = new ArrayList<>();
    private final List<List<CompiledRule>> egressRules = new ArrayList<>();

    private Analyzer(Cluster cluster) {
        this.cluster = cluster;
        for (Pod pod : cluster.pods()) {
            PodClass c = classByKey.computeIfAbsent(pod.classKey(), k -> {
                PodClass created = new PodClass(classes.size(), pod);
                classes.add(created);
                classesByNamespace.computeIfAbsent(pod.namespace(), n -> new ArrayList<>()).add(created);
                ingressPolicies.add(new ArrayList<>());
                egressPolicies.add(new ArrayList<>());
                ingressRules.add(new ArrayList<>());
                egressRules.add(new ArrayList<>());
                return created;
            });
            c.members.add(pod);
        }
        for (NetworkPolicy np : cluster.policies()) {
            compile(np);
        }
    }

    public static Analyzer of(Cluster cluster) {
        return new Analyzer(cluster);
    }

    public Cluster cluster() {
        return cluster;
    }

    public List<PodClass> classes() {
        return List.copyOf(classes);
    }

    public PodClass classOf(Pod pod) {
        PodClass c = classByKey.get(pod.classKey());
        if (c == null) {
            throw new IllegalArgumentException(pod + " is not a pod of this cluster");
        }
        return c;
    }

    private void compile(NetworkPolicy np) {
        String ns = np.getMetadata().getNamespace() == null ? "default" : np.getMetadata().getNamespace();
        BitSet selected = new BitSet();
        for (PodClass c : classesByNamespace.getOrDefault(ns, List.of())) {
            if (LabelSelectors.matches(np.getSpec().getPodSelector(), c.representative.labels())) {
                selected.set(c.id);
            }
        }
        CompiledPolicy policy = new CompiledPolicy(np, ns, selected);
        policies.add(policy);
        List<NetworkPolicyIngressRule> in = np.getSpec().getIngress() == null ? List.of() : np.getSpec().getIngress();
        for (int i = 0; i < in.size(); i++) {
            policy.ingress.add(new CompiledRule(policy, i, true, in.get(i).getFrom(), peerClasses(in.get(i).getFrom(), ns),
                    PortMatcher.of(in.get(i).getPorts())));
        }
        List<NetworkPolicyEgressRule> out = np.getSpec().getEgress() == null ? List.of() : np.getSpec().getEgress();
        for (int i = 0; i < out.size(); i++) {
            policy.egress.add(new CompiledRule(policy, i, false, out.get(i).getTo(), peerClasses(out.get(i).getTo(), ns),
                    PortMatcher.of(out.get(i).getPorts())));
        }
        for (int c = selected.nextSetBit(0); c >= 0; c = selected.nextSetBit(c + 1)) {
            if (policy.ingressType) {
                ingressPolicies.get(c).add(policy);
                ingressRules.get(c).addAll(policy.ingress);
            }
            if (policy.egressType) {
                egressPolicies.get(c).add(policy);
                egressRules.get(c).addAll(policy.egress);
            }
        }
    }

    /** The classes any of the peers match; namespaces are tested first so only their classes are visited. */
    private BitSet peerClasses(List<NetworkPolicyPeer> peers, String policyNamespace) {
        BitSet out = new BitSet();
        if (peers == null) {
            return out;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                continue; // addresses outside the cluster only
            }
            for (Map.Entry<String, List<PodClass>> e : classesByNamespace.entrySet()) {
                Namespace ns = cluster.namespace(e.getKey());
                if (!PeerMatcher.matchesNamespace(peer, policyNamespace, ns)) {
                    continue;
                }
                for (PodClass c : e.getValue()) {
                    if (!out.get(c.id) && PeerMatcher.matchesPod(peer, policyNamespace, c.representative, ns)) {
                        out.set(c.id);
                    }
                }
            }
        }
        return out;
    }

    /** What {@code from} may open to {@code to}. Traffic of a pod to itself is always allowed. */
    public Connections allowed(Node from, Node to) {
        if (from instanceof Node.PodNode s && to instanceof Node.PodNode d) {
            if (s.pod().equals(d.pod())) {
                return Connections.ALL;
            }
            return allowed(classOf(s.pod()).id, classOf(d.pod()).id);
        }
        if (from instanceof Node.ExternalNode a && to instanceof Node.PodNode d) {
            return ingressFromAddress(classOf(d.pod()).id, a);
        }
        if (from instanceof Node.PodNode s && to instanceof Node.ExternalNode a) {
            return egressToAddress(classOf(s.pod()).id, a);
        }
        return Connections.ALL; // outside to outside: not ours to judge
    }

    /** Between two classes (two distinct pods of them). */
    public Connections allowed(int sourceClass, int destinationClass) {
        Connections in = ingress(sourceClass, destinationClass);
        if (in.isEmpty()) {
            return in;
        }
        return in.intersect(egress(sourceClass, destinationClass));
    }

    /**
     * What {@code destination}'s ingress side admits from every class at once, indexed by source class
     * (null: nothing). Walks each rule's matching classes instead of asking each class about each rule,
     * which is what makes a full matrix affordable: most pairs never get touched.
     */
    public Connections[] ingressFromEveryClass(int destination) {
        Connections[] out = new Connections[classes.size()];
        if (ingressPolicies.get(destination).isEmpty()) {
            java.util.Arrays.fill(out, Connections.ALL);
            return out;
        }
        Pod dst = classes.get(destination).representative;
        for (CompiledRule r : ingressRules.get(destination)) {
            Connections c = r.connectionsTo(dst);
            if (c.isEmpty()) {
                continue;
            }
            if (r.allPeers) {
                for (int s = 0; s < out.length; s++) {
                    out[s] = out[s] == null ? c : out[s].union(c);
                }
            } else {
                for (int s = r.podClasses.nextSetBit(0); s >= 0; s = r.podClasses.nextSetBit(s + 1)) {
                    out[s] = out[s] == null ? c : out[s].union(c);
                }
            }
        }
        return out;
    }

    /** What {@code source}'s egress side lets out to every class at once, indexed by destination class (null: nothing). */
    public Connections[] egressToEveryClass(int source) {
        Connections[] out = new Connections[classes.size()];
        if (egressPolicies.get(source).isEmpty()) {
            java.util.Arrays.fill(out, Connections.ALL);
            return out;
        }
        for (CompiledRule r : egressRules.get(source)) {
            if (r.allPeers) {
                for (int d = 0; d < out.length; d++) {
                    Connections c = r.connectionsTo(classes.get(d).representative);
                    out[d] = out[d] == null ? c : out[d].union(c);
                }
            } else {
                for (int d = r.podClasses.nextSetBit(0); d >= 0; d = r.podClasses.nextSetBit(d + 1)) {
                    Connections c = r.connectionsTo(classes.get(d).representative);
                    out[d] = out[d] == null ? c : out[d].union(c);
                }
            }
        }
        return out;
    }

    /**
     * The connectivity between every two classes: {@code result[s][d]}, null where nothing is allowed.
     * Two passes over rule bit sets (ingress columns, then egress rows), never a rule loop per pair.
     */
    public Connections[][] classMatrix() {
        int n = classes.size();
        Connections[][] result = new Connections[n][];
        for (int s = 0; s < n; s++) {
            result[s] = new Connections[n];
        }
        for (int d = 0; d < n; d++) {
            Connections[] in = ingressFromEveryClass(d);
            for (int s = 0; s < n; s++) {
                result[s][d] = in[s];
            }
        }
        for (int s = 0; s < n; s++) {
            if (egressPolicies.get(s).isEmpty()) {
                continue;
            }
            Connections[] out = egressToEveryClass(s);
            Connections[] row = result[s];
            for (int d = 0; d < n; d++) {
                if (row[d] != null) {
                    Connections c = out[d] == null ? Connections.NONE : row[d].intersect(out[d]);
                    row[d] = c.isEmpty() ? null : c;
                }
            }
        }
        for (int s = 0; s < n; s++) {
            for (int d = 0; d < n; d++) {
                if (result[s][d] != null && result[s][d].isEmpty()) {
                    result[s][d] = null;
                }
            }
        }
        return result;
    }

    Connections ingress(int source, int destination) {
        if (ingressPolicies.get(destination).isEmpty()) {
            return Connections.ALL;
        }
        Pod dst = classes.get(destination).representative;
        Connections c = Connections.NONE;
        for (CompiledRule r : ingressRules.get(destination)) {
            if (r.matchesClass(source)) {
                c = c.union(r.connectionsTo(dst));
                if (c.isAll()) {
                    break;
                }
            }
        }
        return c;
    }

    Connections egress(int source, int destination) {
        if (egressPolicies.get(source).isEmpty()) {
            return Connections.ALL;
        }
        Pod dst = classes.get(destination).representative;
        Connections c = Connections.NONE;
        for (CompiledRule r : egressRules.get(source)) {
            if (r.matchesClass(destination)) {
                c = c.union(r.connectionsTo(dst));
                if (c.isAll()) {
                    break;
                }
            }
        }
        return c;
    }

    public Connections ingressFromAddress(int destination, Node.ExternalNode a) {
        if (ingressPolicies.get(destination).isEmpty()) {
            return Connections.ALL;
        }
        Pod dst = classes.get(destination).representative;
        Connections c = Connections.NONE;
        for (CompiledRule r : ingressRules.get(destination)) {
            if (r.matchesAddress(a.address(), a.ipv6())) {
                c = c.union(r.connectionsTo(dst));
            }
        }
        return c;
    }

    public Connections egressToAddress(int source, Node.ExternalNode a) {
        if (egressPolicies.get(source).isEmpty()) {
            return Connections.ALL;
        }
        Connections c = Connections.NONE;
        for (CompiledRule r : egressRules.get(source)) {
            if (r.matchesAddress(a.address(), a.ipv6())) {
                c = c.union(r.connectionsTo(null));
            }
        }
        return c;
    }

    /** What {@code to}'s ingress side alone admits from {@code from} (its egress side aside). */
    public Connections ingressSide(Node from, Pod to) {
        int d = classOf(to).id;
        if (from instanceof Node.PodNode s) {
            return s.pod().equals(to) ? Connections.ALL : ingress(classOf(s.pod()).id, d);
        }
        return ingressFromAddress(d, (Node.ExternalNode) from);
    }

    /** What {@code from}'s egress side alone lets out to {@code to}. */
    public Connections egressSide(Pod from, Node to) {
        int s = classOf(from).id;
        if (to instanceof Node.PodNode d) {
            return d.pod().equals(from) ? Connections.ALL : egress(s, classOf(d.pod()).id);
        }
        return egressToAddress(s, (Node.ExternalNode) to);
    }

    /** Whether {@code pod} is isolated for ingress (some policy selects it with type Ingress). */
    public boolean isolatedForIngress(Pod pod) {
        return !ingressPolicies.get(classOf(pod).id).isEmpty();
    }

    public boolean isolatedForEgress(Pod pod) {
        return !egressPolicies.get(classOf(pod).id).isEmpty();
    }

    /** The verdict for one connection and the reasons on both sides. */
    public Explanation explain(Node from, Node to, String protocol, int port) {
        Explanation.Side egressSide = from instanceof Node.PodNode s
                ? side(s.pod(), to, false, protocol, port)
                : Explanation.Side.outside(from.toString());
        Explanation.Side ingressSide = to instanceof Node.PodNode d
                ? side(d.pod(), from, true, protocol, port)
                : Explanation.Side.outside(to.toString());
        boolean self = from instanceof Node.PodNode s && to instanceof Node.PodNode d && s.pod().equals(d.pod());
        return new Explanation(from, to, protocol, port, self || (egressSide.allows() && ingressSide.allows()), self, egressSide, ingressSide);
    }

    private Explanation.Side side(Pod pod, Node other, boolean ingress, String protocol, int port) {
        int id = classOf(pod).id;
        List<CompiledPolicy> isolating = (ingress ? ingressPolicies : egressPolicies).get(id);
        List<String> policyNames = isolating.stream().map(CompiledPolicy::name).toList();
        if (isolating.isEmpty()) {
            return new Explanation.Side(pod.toString(), ingress, false, List.of(), List.of(), true,
                    "no policy selects it for " + (ingress ? "ingress" : "egress") + ": everything allowed");
        }
        Pod destination = ingress ? pod : (other instanceof Node.PodNode d ? d.pod() : null);
        List<String> admitting = new ArrayList<>();
        for (CompiledRule r : (ingress ? ingressRules : egressRules).get(id)) {
            boolean peerMatches;
            String how;
            if (other instanceof Node.PodNode o) {
                peerMatches = o.pod().equals(pod) || r.matchesClass(classOf(o.pod()).id);
                how = r.allPeers ? "any peer" : matchingPeer(r, o.pod());
            } else {
                Node.ExternalNode a = (Node.ExternalNode) other;
                peerMatches = r.matchesAddress(a.address(), a.ipv6());
                how = r.allPeers ? "any peer" : "an ipBlock";
            }
            if (peerMatches && r.connectionsTo(destination).allows(protocol, port)) {
                admitting.add(r.label() + " (" + how + ", ports " + r.ports + ")");
            }
        }
        String summary = admitting.isEmpty()
                ? "isolated by " + String.join(", ", policyNames) + "; no rule admits " + port + "/" + protocol
                : "admitted by " + admitting.get(0) + (admitting.size() > 1 ? " and " + (admitting.size() - 1) + " more" : "");
        return new Explanation.Side(pod.toString(), ingress, true, policyNames, admitting, !admitting.isEmpty(), summary);
    }

    private String matchingPeer(CompiledRule r, Pod other) {
        for (int i = 0; i < r.peers.size(); i++) {
            if (PeerMatcher.matchesPod(r.peers.get(i), r.policy.namespace, other, cluster.namespace(other.namespace()))) {
                return "peer #" + (i + 1);
            }
        }
        return "no peer";
    }

    /** The rules of policies selecting {@code pod} that admit {@code protocol/port} from (or to) {@code other}. */
    public List<String> admittingRules(Pod pod, Node other, boolean ingress, String protocol, int port) {
        return side(pod, other, ingress, protocol, port).admittingRules();
    }

    List<CompiledPolicy> compiledPolicies() {
        return policies;
    }
}
