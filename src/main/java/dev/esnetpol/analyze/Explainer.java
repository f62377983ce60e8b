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
        Explanation.Side byNetworkPolicies = side(pod, other, ingress, Connections.of(protocol, PortSet.of(port)),
                names -> dev.esnetpol.kube.Messages.noRuleAdmits(names, port, protocol));
        return analyzer.tiers.any && isEndpoint(pod, other)
                ? throughTiers(pod, other, ingress, protocol, port, byNetworkPolicies) : byNetworkPolicies;
    }

    private boolean isEndpoint(Pod pod, Node other) {
        return analyzer.notEndpoint(pod) == null && !(other instanceof Node.PodNode o && analyzer.notEndpoint(o.pod()) != null);
    }

    /**
     * One side of a connection set rather than of one port: the rules that admit some of {@code wanted}
     * (each with its ports), or that none does. What a diff or an explanation of every pair reports.
     */
    Explanation.Side side(Pod pod, Node other, boolean ingress, Connections wanted) {
        Explanation.Side byNetworkPolicies = side(pod, other, ingress, wanted,
                names -> "isolated by " + String.join(", ", names) + "; no rule admits " + wanted);
        // The tiers decide port by port (a rule of a higher tier may take part of the set): a set is explained by its
        // NetworkPolicies, and says that cluster-scoped policies also apply (explain names their verdict per port).
        return analyzer.tiers.any && isEndpoint(pod, other)
                ? withSummary(byNetworkPolicies, byNetworkPolicies.summary() + "; cluster-scoped policies also apply (explain one port for their verdict)")
                : byNetworkPolicies;
    }

    private Explanation.Side side(Pod pod, Node other, boolean ingress, Connections wanted,
                                  java.util.function.Function<List<String>, String> noRule) {
        String reason = analyzer.notEndpoint(pod);
        if (reason != null) {
            return Explanation.Side.notEndpoint(pod.toString(), ingress, reason);
        }
        if (other instanceof Node.PodNode o && analyzer.notEndpoint(o.pod()) != null) {
            return Explanation.Side.notEndpoint(o.pod().toString(), ingress, analyzer.notEndpoint(o.pod()));
        }
        return networkPolicySide(pod, other, ingress, wanted, noRule);
    }

    /**
     * The side through the tiers: the first Admin rule that matches the connection decides it (Accept, Deny),
     * saying what the lower tiers would have said; a Pass, or no Admin rule, leaves it to the NetworkPolicies
     * when they isolate the pod, else to the first matching Baseline rule, else the default (allowed). A
     * domainNames rule reached before the decision is named: whether it applies depends on DNS.
     */
    private Explanation.Side throughTiers(Pod pod, Node other, boolean ingress, String protocol, int port, Explanation.Side byNetworkPolicies) {
        int id = analyzer.classOf(pod).id;
        CompiledTiers tiers = analyzer.tiers;
        Pod destination = ingress ? pod : (other instanceof Node.PodNode d ? d.pod() : null);
        java.util.function.Predicate<TierRule> matches = other instanceof Node.PodNode o
                ? r -> r.matchesClass(analyzer.classOf(o.pod()).id)
                : r -> r.matchesAddress(((Node.ExternalNode) other).address(), ((Node.ExternalNode) other).ipv6());
        List<String> dns = new ArrayList<>();
        TierRule passed = null;
        for (TierRule r : (ingress ? tiers.adminIngress : tiers.adminEgress).get(id)) {
            if (!r.connectionsTo(destination).allows(protocol, port)) {
                continue;
            }
            if (other instanceof Node.ExternalNode && !r.domainNames.isEmpty()) {
                dns.add(r.label() + " (" + r.action() + ") if " + other + " is one of " + r.domainNames);
            }
            if (matches.test(r)) {
                if (r.action() == ClusterPolicy.Action.PASS) {
                    passed = r;
                    break;
                }
                boolean accept = r.action() == ClusterPolicy.Action.ACCEPT;
                String lower = byNetworkPolicies.isolated()
                        ? "its NetworkPolicies alone: " + byNetworkPolicies.summary()
                        : baselineSays(id, ingress, matches, destination, protocol, port, byNetworkPolicies);
                String summary = (accept ? "allowed by " : "denied by ") + r.label() + ": no NetworkPolicy is consulted (below it, "
                        + lower + ")" + dependsOnDns(dns);
                return new Explanation.Side(pod.toString(), ingress, byNetworkPolicies.isolated(), byNetworkPolicies.isolatingPolicies(),
                        accept ? List.of(r.label() + " (ports " + r.portsText() + ")") : List.of(), accept, summary);
            }
        }
        String prefix = passed == null ? "" : "passed on by " + passed.label() + "; ";
        if (byNetworkPolicies.isolated()) {
            return withSummary(byNetworkPolicies, prefix + byNetworkPolicies.summary() + dependsOnDns(dns));
        }
        for (TierRule r : (ingress ? tiers.baselineIngress : tiers.baselineEgress).get(id)) {
            if (!r.connectionsTo(destination).allows(protocol, port)) {
                continue;
            }
            if (other instanceof Node.ExternalNode && !r.domainNames.isEmpty()) {
                dns.add(r.label() + " (" + r.action() + ") if " + other + " is one of " + r.domainNames);
            }
            if (matches.test(r)) {
                boolean allows = r.action() != ClusterPolicy.Action.DENY;
                return new Explanation.Side(pod.toString(), ingress, false, List.of(), allows ? List.of(r.label()) : List.of(), allows,
                        prefix + (allows ? "allowed by " : "denied by ") + r.label() + " (no NetworkPolicy selects it for "
                                + (ingress ? "ingress" : "egress") + ")" + dependsOnDns(dns));
            }
        }
        return withSummary(byNetworkPolicies, prefix + byNetworkPolicies.summary() + dependsOnDns(dns));
    }

    /** What the Baseline tier, or the default, says of the connection (the pod's NetworkPolicies do not isolate it). */
    private String baselineSays(int id, boolean ingress, java.util.function.Predicate<TierRule> matches, Pod destination, String protocol, int port,
                                Explanation.Side byNetworkPolicies) {
        for (TierRule r : (ingress ? analyzer.tiers.baselineIngress : analyzer.tiers.baselineEgress).get(id)) {
            if (matches.test(r) && r.connectionsTo(destination).allows(protocol, port)) {
                return (r.action() == ClusterPolicy.Action.DENY ? "denied by " : "allowed by ") + r.label();
            }
        }
        return byNetworkPolicies.summary();
    }

    private static String dependsOnDns(List<String> rules) {
        return rules.isEmpty() ? "" : "; depends on DNS: " + String.join(", ", rules);
    }

    private static Explanation.Side withSummary(Explanation.Side s, String summary) {
        return new Explanation.Side(s.pod(), s.ingress(), s.isolated(), s.isolatingPolicies(), s.admittingRules(), s.allows(), summary);
    }

    /** The side as the pod's NetworkPolicies alone decide it. */
    private Explanation.Side networkPolicySide(Pod pod, Node other, boolean ingress, Connections wanted,
                                               java.util.function.Function<List<String>, String> noRule) {
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
        Connections admitted = Connections.NONE;
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
            Connections part = peerMatches ? r.connectionsTo(destination).intersect(wanted) : Connections.NONE;
            if (!part.isEmpty()) {
                admitting.add(r.label() + " (" + how + ", ports " + r.portsText() + ")");
                admitted = admitted.union(part);
            }
        }
        String rules = admitting.isEmpty() ? "" : admitting.get(0) + (admitting.size() > 1 ? " and " + (admitting.size() - 1) + " more" : "");
        boolean all = !admitting.isEmpty() && admitted.containsAll(wanted);
        // A side that admits part of a set does not decide the rest: say which part, so that a pair denied because
        // its two sides admit different ports does not read as admitted on both.
        String summary = admitting.isEmpty() ? noRule.apply(policyNames)
                : all ? "admitted by " + rules
                : "isolated by " + String.join(", ", policyNames) + "; admits only " + admitted + " of it, by " + rules;
        return new Explanation.Side(pod.toString(), ingress, true, policyNames, admitting, all, summary);
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
