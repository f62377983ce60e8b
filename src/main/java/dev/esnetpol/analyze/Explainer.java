package dev.esnetpol.analyze;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds an {@link Explanation} for one connection under an analyzer's profile: how each end was read
 * (an address resolved to its pod, a host-network pod, a pod that is not an endpoint), then each side's
 * isolating policies and admitting rules.
 */
final class Explainer {

    private final Analyzer analyzer;

    Explainer(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Explanation explain(Node asked, Node askedTo, String protocol, int port) {
        List<String> notes = new ArrayList<>();
        Node from = read(asked, notes);
        Node to = read(askedTo, notes);
        Explanation.Side egressSide = from instanceof Node.PodNode s
                ? side(s.pod(), to, false, protocol, port)
                : Explanation.Side.outside(from.toString());
        Explanation.Side ingressSide = to instanceof Node.PodNode d
                ? side(d.pod(), from, true, protocol, port)
                : Explanation.Side.outside(to.toString());
        boolean self = from instanceof Node.PodNode s && to instanceof Node.PodNode d && s.pod().equals(d.pod())
                && analyzer.notEndpoint(s.pod()) == null;
        boolean allowed = self || (egressSide.allows() && ingressSide.allows());
        return new Explanation(from, to, protocol, port, allowed, self, egressSide, ingressSide, analyzer.profile(), notes, java.util.Map.of());
    }

    /** The node as the analyzer reads it, with a note when that is not what was named. */
    private Node read(Node node, List<String> notes) {
        Node resolved = analyzer.resolve(node);
        if (node instanceof Node.ExternalNode a) {
            if (resolved instanceof Node.PodNode p) {
                notes.add(a + " is " + (p.pod().hostNetwork() ? "the node address (status.hostIP) of host-network pod " : "the address of pod ")
                        + p.pod() + ": evaluated as that pod");
            } else {
                List<Pod> sharing = analyzer.classes.podsAt(a.address(), a.ipv6());
                if (sharing.size() > 1) {
                    notes.add(a + " is the node address of " + sharing.size() + " host-network pods (" + sharing
                            + "): evaluated as an address, name a pod to evaluate it");
                }
                for (Pod p : analyzer.classes.stoppedPodsAt(a.address(), a.ipv6())) {
                    notes.add(a + " was the address of " + p + ", which is not an endpoint (" + analyzer.notEndpoint(p)
                            + "): evaluated as an address");
                }
            }
        }
        if (resolved instanceof Node.PodNode p) {
            Pod pod = p.pod();
            String reason = analyzer.notEndpoint(pod);
            if (reason != null) {
                notes.add(pod + " is not an endpoint under profile " + analyzer.profile().id() + ": " + reason);
            } else if (pod.hostNetwork()) {
                if (analyzer.profile().hostNetworkNamespace() != null) {
                    Namespace hn = CompiledPolicies.hostNetworkNamespace(analyzer.cluster(), analyzer.profile());
                    notes.add(pod + " is on the host network: under profile " + analyzer.profile().id() + " no policy selects it, and its "
                            + "traffic is matched as namespace " + hn.name() + "'s (labels " + new java.util.TreeMap<>(hn.labels()) + ") by namespace selectors "
                            + "without a pod selector, and by ipBlocks at its node's address "
                            + (pod.hostIp() == null ? "(unknown: no status.hostIP)" : pod.hostIp()));
                } else if (!analyzer.profile().hostNetworkPodsArePolicyEndpoints()) {
                    notes.add(pod + " is on the host network: under profile " + analyzer.profile().id()
                            + " no policy selects it and no selector or ipBlock matches it");
                } else {
                    notes.add(pod + " is on the host network: ipBlocks see it by its node's address "
                            + (pod.hostIp() == null ? "(unknown: no status.hostIP)" : pod.hostIp()));
                }
            }
        }
        return resolved;
    }

    Explanation.Side side(Pod pod, Node other, boolean ingress, String protocol, int port) {
        String reason = analyzer.notEndpoint(pod);
        if (reason != null) {
            return Explanation.Side.notEndpoint(pod.toString(), ingress, reason);
        }
        if (other instanceof Node.PodNode o && analyzer.notEndpoint(o.pod()) != null) {
            return Explanation.Side.notEndpoint(o.pod().toString(), ingress, analyzer.notEndpoint(o.pod()));
        }
        int id = analyzer.classOf(pod).id;
        CompiledPolicies compiled = analyzer.compiled;
        List<CompiledPolicy> isolating = (ingress ? compiled.ingressPolicies : compiled.egressPolicies).get(id);
        List<String> policyNames = isolating.stream().map(CompiledPolicy::name).toList();
        if (isolating.isEmpty()) {
            return new Explanation.Side(pod.toString(), ingress, false, List.of(), List.of(), true,
                    dev.esnetpol.kube.Messages.notIsolated(ingress));
        }
        Pod destination = ingress ? pod : (other instanceof Node.PodNode d ? d.pod() : null);
        List<String> admitting = new ArrayList<>();
        for (CompiledRule r : (ingress ? compiled.ingressRules : compiled.egressRules).get(id)) {
            boolean peerMatches;
            String how;
            if (other instanceof Node.PodNode o) {
                peerMatches = o.pod().equals(pod) || r.matchesClass(analyzer.classOf(o.pod()).id);
                how = r.allPeers ? "any peer" : matchingPeer(r, o.pod());
            } else {
                Node.ExternalNode a = (Node.ExternalNode) other;
                peerMatches = r.matchesAddress(a.address(), a.ipv6());
                how = r.allPeers ? "any peer" : "an ipBlock";
            }
            if (peerMatches && r.connectionsTo(destination).allows(protocol, port)) {
                admitting.add(r.label() + " (" + how + ", ports " + r.portsText() + ")");
            }
        }
        String summary = admitting.isEmpty()
                ? dev.esnetpol.kube.Messages.noRuleAdmits(policyNames, port, protocol)
                : "admitted by " + admitting.get(0) + (admitting.size() > 1 ? " and " + (admitting.size() - 1) + " more" : "");
        return new Explanation.Side(pod.toString(), ingress, true, policyNames, admitting, !admitting.isEmpty(), summary);
    }

    private String matchingPeer(CompiledRule r, Pod other) {
        PodClass c = analyzer.classOf(other);
        for (int i = 0; i < r.peers.size(); i++) {
            var peer = r.peers.get(i);
            if (peer.getIpBlock() != null) {
                if (analyzer.classes.inBlock(c, peer.getIpBlock())) {
                    return "peer #" + (i + 1) + ", an ipBlock containing its address";
                }
            } else if (!c.outsidePolicy
                    && PeerMatcher.matchesPod(peer, r.policy.namespace, other, analyzer.cluster().namespace(other.namespace()))) {
                return "peer #" + (i + 1);
            } else if (analyzer.classes.hostNetworkClasses.get(c.id) && PeerMatcher.matchesHostNetwork(peer,
                    CompiledPolicies.hostNetworkNamespace(analyzer.cluster(), analyzer.profile()))) {
                return "peer #" + (i + 1) + ", a namespace selector selecting host-network traffic";
            }
        }
        return "no peer";
    }
}
