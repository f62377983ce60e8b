package dev.esnetpol.analyze;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Every policy of a cluster compiled against its pod classes, once: the classes each policy selects, the
 * classes each rule's peers match, and for each class the policies isolating it and their rules, per
 * direction. A class outside policy (see {@link PodClass#outsidePolicy}) is never selected and is matched
 * only by rules that match every peer.
 */
final class CompiledPolicies {

    final List<CompiledPolicy> policies = new ArrayList<>();
    /** Per class id: the policies that isolate it in each direction, and their rules. */
    final List<List<CompiledPolicy>> ingressPolicies = new ArrayList<>();
    final List<List<CompiledPolicy>> egressPolicies = new ArrayList<>();
    final List<List<CompiledRule>> ingressRules = new ArrayList<>();
    final List<List<CompiledRule>> egressRules = new ArrayList<>();
    private final PodClasses classes;
    /** The classes one peer matches, by peer and (for a peer without namespaceSelector) the policy's namespace: policies repeat peers. */
    private final Map<PeerKey, BitSet> peerMatches = new java.util.HashMap<>();
    private final LabelIndex labels;

    private record PeerKey(NetworkPolicyPeer peer, String namespace) {

        // equals and hashCode written out: see NamedPort.
        @Override
        public boolean equals(Object o) {
            return o instanceof PeerKey k && java.util.Objects.equals(peer, k.peer) && java.util.Objects.equals(namespace, k.namespace);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Objects.hashCode(peer) + java.util.Objects.hashCode(namespace);
        }
    }

    CompiledPolicies(PodClasses classes) {
        this.classes = classes;
        this.labels = new LabelIndex(classes.byNamespace);
        for (int i = 0; i < classes.classes.size(); i++) {
            ingressPolicies.add(new ArrayList<>());
            egressPolicies.add(new ArrayList<>());
            ingressRules.add(new ArrayList<>());
            egressRules.add(new ArrayList<>());
        }
        for (NetworkPolicy np : classes.cluster.policies()) {
            compile(np);
        }
    }

    private void compile(NetworkPolicy np) {
        String ns = np.getMetadata().getNamespace() == null ? "default" : np.getMetadata().getNamespace();
        BitSet selected = new BitSet();
        for (PodClass c : labels.candidates(ns, np.getSpec().getPodSelector())) {
            if (!c.outsidePolicy && LabelSelectors.matches(np.getSpec().getPodSelector(), c.representative.labels())) {
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

    /**
     * The classes any of the peers match. Selector peers test namespaces first so only their classes are
     * visited; an ipBlock peer matches the classes whose addresses it contains (only when the profile lets
     * ipBlocks match pods: otherwise no class records a block).
     */
    private BitSet peerClasses(List<NetworkPolicyPeer> peers, String policyNamespace) {
        if (peers == null || peers.isEmpty()) {
            return new BitSet();
        }
        if (peers.size() == 1) {
            return peerClasses(peers.get(0), policyNamespace);
        }
        BitSet out = new BitSet();
        for (NetworkPolicyPeer peer : peers) {
            out.or(peerClasses(peer, policyNamespace));
        }
        return out;
    }

    /** The namespace host-network traffic counts as under the profile, with OpenShift's labels where the inputs have none. */
    Namespace hostNetworkNamespace() {
        return hostNetworkNamespace(classes.cluster, classes.profile);
    }

    static Namespace hostNetworkNamespace(Cluster cluster, Profile profile) {
        String name = profile.hostNetworkNamespace();
        Namespace given = cluster.namespaces().get(name);
        // A Namespace read from the inputs says how the cluster labels it; one only named by a pod says nothing.
        return given != null && given.labels().size() > 1 ? given : new Namespace(name, Profile.OPENSHIFT_HOST_NETWORK_LABELS);
    }

    /** The classes one peer matches (shared, not to be changed). */
    private BitSet peerClasses(NetworkPolicyPeer peer, String policyNamespace) {
        PeerKey key = new PeerKey(peer, peer.getNamespaceSelector() == null && peer.getIpBlock() == null ? policyNamespace : null);
        BitSet known = peerMatches.get(key);
        if (known == null) {
            known = match(peer, policyNamespace);
            peerMatches.put(key, known);
        }
        return known;
    }

    private BitSet match(NetworkPolicyPeer peer, String policyNamespace) {
        BitSet out = new BitSet();
        if (peer.getIpBlock() != null) {
            out.or(classes.classesIn(peer.getIpBlock()));
            return out;
        }
        if (!classes.hostNetworkClasses.isEmpty() && PeerMatcher.matchesHostNetwork(peer, hostNetworkNamespace())) {
            out.or(classes.hostNetworkClasses);
        }
        for (Map.Entry<String, List<PodClass>> e : classes.byNamespace.entrySet()) {
            Namespace ns = classes.cluster.namespace(e.getKey());
            if (!PeerMatcher.matchesNamespace(peer, policyNamespace, ns)) {
                continue;
            }
            for (PodClass c : labels.candidates(e.getKey(), peer.getPodSelector())) {
                if (!c.outsidePolicy && PeerMatcher.matchesPod(peer, policyNamespace, c.representative, ns)) {
                    out.set(c.id);
                }
            }
        }
        return out;
    }

    /** What the destination's NetworkPolicies alone admit from the source (ALL when none isolates it). */
    Connections ingress(int source, int destination) {
        if (ingressPolicies.get(destination).isEmpty()) {
            return Connections.ALL;
        }
        Pod dst = classes.classes.get(destination).representative;
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

    /** What the source's NetworkPolicies alone let out to the destination (ALL when none isolates it). */
    Connections egress(int source, int destination) {
        if (egressPolicies.get(source).isEmpty()) {
            return Connections.ALL;
        }
        Pod dst = classes.classes.get(destination).representative;
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
}
