package dev.esnetpol.analyze;

import dev.esnetpol.kube.Cidr;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The cluster-scoped policies of a cluster compiled against its pod classes, once: for each class and
 * direction, the Admin-tier rules that apply to it (its policies' subjects select it) in the order they are
 * evaluated (priority, then {@link TierChoices#equalPriority()}, then written order), and the Baseline tier's.
 * Host-network pods are never subjects and never match namespaces or pods peers (the API says so of both);
 * they are reached through nodes peers (their node's address) and networks.
 */
final class CompiledTiers {

    final boolean any;
    final List<List<TierRule>> adminIngress = new ArrayList<>();
    final List<List<TierRule>> adminEgress = new ArrayList<>();
    final List<List<TierRule>> baselineIngress = new ArrayList<>();
    final List<List<TierRule>> baselineEgress = new ArrayList<>();
    private final PodClasses classes;
    private final TierChoices choices;

    CompiledTiers(PodClasses classes, TierChoices choices) {
        this.classes = classes;
        this.choices = choices;
        List<ClusterPolicy> policies = new ArrayList<>(classes.cluster.clusterPolicies());
        this.any = !policies.isEmpty();
        for (int i = 0; i < classes.classes.size(); i++) {
            adminIngress.add(new ArrayList<>());
            adminEgress.add(new ArrayList<>());
            baselineIngress.add(new ArrayList<>());
            baselineEgress.add(new ArrayList<>());
        }
        policies.sort(order(choices));
        for (ClusterPolicy p : policies) {
            compile(p);
        }
    }

    /** The evaluation order within a tier: priority, then the equal-priority choice. */
    static Comparator<ClusterPolicy> order(TierChoices choices) {
        Comparator<ClusterPolicy> byPriority = Comparator.comparingInt(ClusterPolicy::priority);
        return switch (choices.equalPriority()) {
            case NAME_ORDER -> byPriority.thenComparing(ClusterPolicy::kind).thenComparing(ClusterPolicy::name);
        };
    }

    private void compile(ClusterPolicy p) {
        BitSet subject = new BitSet();
        for (PodClass c : classes.classes) {
            Pod pod = c.representative;
            if (!pod.hostNetwork() && LabelSelectors.matches(p.subject().namespaces(), classes.cluster.namespace(pod.namespace()).labels())
                    && (p.subject().pods() == null || LabelSelectors.matches(p.subject().pods(), pod.labels()))) {
                subject.set(c.id);
            }
        }
        boolean admin = p.tier() == ClusterPolicy.Tier.ADMIN;
        for (ClusterPolicy.Rule r : p.ingress()) {
            TierRule compiled = compile(p, r, true);
            for (int c = subject.nextSetBit(0); c >= 0; c = subject.nextSetBit(c + 1)) {
                (admin ? adminIngress : baselineIngress).get(c).add(compiled);
            }
        }
        for (ClusterPolicy.Rule r : p.egress()) {
            TierRule compiled = compile(p, r, false);
            for (int c = subject.nextSetBit(0); c >= 0; c = subject.nextSetBit(c + 1)) {
                (admin ? adminEgress : baselineEgress).get(c).add(compiled);
            }
        }
    }

    private TierRule compile(ClusterPolicy policy, ClusterPolicy.Rule rule, boolean ingress) {
        if (rule.peers().isEmpty()) {
            boolean everyone = choices.emptyPeers() == TierChoices.EmptyPeers.FAIL_CLOSED && rule.action() != ClusterPolicy.Action.ACCEPT;
            return new TierRule(policy, rule, ingress, new BitSet(), everyone, List.of());
        }
        BitSet matched = new BitSet();
        List<Cidr> addresses = new ArrayList<>();
        for (ClusterPeer peer : rule.peers()) {
            if (peer instanceof ClusterPeer.Namespaces n) {
                matchPods(n.selector(), null, matched);
            } else if (peer instanceof ClusterPeer.Pods p) {
                matchPods(p.namespaces(), p.pods(), matched);
            } else if (peer instanceof ClusterPeer.Nodes n) {
                for (HostNode node : classes.cluster.nodes()) {
                    if (LabelSelectors.matches(n.selector(), node.labels())) {
                        node.addresses().forEach(a -> addresses.add(Cidr.ofAddress(a)));
                    }
                }
            } else if (peer instanceof ClusterPeer.Networks n) {
                addresses.addAll(n.cidrs());
            }
            // domainNames: never a pod, and no address is known to be one of them without DNS
        }
        if (!addresses.isEmpty()) {
            // Pods too: "cluster-internal traffic will be checked against the rule as well" (networks); a host-network
            // pod is at its node's address (nodes). Classes are split by these addresses (PodClasses), so the
            // representative answers for every member.
            for (PodClass c : classes.classes) {
                for (String a : c.representative.addresses()) {
                    Cidr address = Cidr.ofAddress(a);
                    if (addresses.stream().anyMatch(x -> x.contains(address))) {
                        matched.set(c.id);
                    }
                }
            }
        }
        return new TierRule(policy, rule, ingress, matched, false, addresses);
    }

    private void matchPods(io.fabric8.kubernetes.api.model.LabelSelector namespaces, io.fabric8.kubernetes.api.model.LabelSelector pods, BitSet out) {
        for (Map.Entry<String, List<PodClass>> e : classes.byNamespace.entrySet()) {
            if (!LabelSelectors.matches(namespaces, classes.cluster.namespace(e.getKey()).labels())) {
                continue;
            }
            for (PodClass c : e.getValue()) {
                if (!c.representative.hostNetwork() && (pods == null || LabelSelectors.matches(pods, c.representative.labels()))) {
                    out.set(c.id);
                }
            }
        }
    }

    /** The networks CIDRs and node addresses of the cluster rules that apply to the class on that side. */
    List<Cidr> addresses(int podClass, boolean ingress) {
        List<Cidr> out = new ArrayList<>();
        (ingress ? adminIngress : adminEgress).get(podClass).forEach(r -> out.addAll(r.addresses));
        (ingress ? baselineIngress : baselineEgress).get(podClass).forEach(r -> out.addAll(r.addresses));
        return out;
    }

    /** Whether an address of any cluster rule is IPv6 (reports then show an IPv6 space too). */
    boolean anyIpv6() {
        for (List<List<TierRule>> side : List.of(adminIngress, adminEgress, baselineIngress, baselineEgress)) {
            for (List<TierRule> rules : side) {
                for (TierRule r : rules) {
                    if (r.addresses.stream().anyMatch(Cidr::ipv6)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether any cluster rule applies to the class on that side (its answers may then differ from NetworkPolicies'). */
    boolean applies(int podClass, boolean ingress) {
        return !(ingress ? adminIngress : adminEgress).get(podClass).isEmpty()
                || !(ingress ? baselineIngress : baselineEgress).get(podClass).isEmpty();
    }
}
